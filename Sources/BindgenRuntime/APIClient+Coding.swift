import Foundation

extension APIClient {
    /// Encodes a request body with ``ClientConfiguration/encoder``.
    /// - Throws: ``ClientError/invalidRequest(_:)`` with the encoder's message and coding path
    ///   (e.g. a non-finite `Double`).
    public func encodeJSON(_ value: some Encodable) throws(ClientError) -> Data {
        do {
            return try configuration.encoder.encode(value)
        } catch let error as EncodingError {
            switch error {
            case .invalidValue(let value, let context):
                let path = JSONBody.path(context.codingPath)
                throw .invalidRequest("Could not encode JSON body\(path.isEmpty ? "" : " at \(path)"): "
                    + "\(context.debugDescription) (value: \(type(of: value)))")
            @unknown default:
                throw .invalidRequest("Could not encode JSON body: \(error)")
            }
        } catch {
            throw .invalidRequest("Could not encode JSON body: \(error)")
        }
    }

    /// Decodes the response body as JSON with ``ClientConfiguration/decoder``.
    /// - Throws: ``ClientError/decoding(_:)`` with the coding path (e.g. `recipients[0].email`), a
    ///   message, the body's first 512 bytes and the request ID.
    public func decodeJSON<T: Decodable>(_ type: T.Type, from response: APIResponse) throws(ClientError) -> T {
        try JSONBody.decode(type, from: response.body, decoder: configuration.decoder,
                            operationID: response.request.operationID, status: response.status,
                            requestID: response.requestID)
    }

    /// The body as text: decoded with the `charset` of `Content-Type` when it is ISO-8859-1 /
    /// Latin-1, US-ASCII or UTF-16, otherwise as UTF-8 with invalid bytes replaced by U+FFFD.
    /// Never fails.
    public func decodeText(from response: APIResponse) -> String {
        let encoding: String.Encoding? = switch MediaType.charset(of: response.headerFields[.contentType]) {
        case "iso-8859-1", "latin1", "iso_8859-1": .isoLatin1
        case "us-ascii", "ascii": .ascii
        case "utf-16": .utf16
        case "utf-16le": .utf16LittleEndian
        case "utf-16be": .utf16BigEndian
        default: nil
        }
        if let encoding, let text = String(data: response.body, encoding: encoding) { return text }
        return String(decoding: response.body, as: UTF8.self)
    }

    /// The error for a response the operation does not treat as success:
    /// ``ClientError/api(_:)`` with the problem document parsed (see ``APIError``), or for a 429
    /// ``ClientError/rateLimited(_:)`` carrying that ``APIError`` and the `Retry-After` delay.
    public func error(for response: APIResponse) -> ClientError {
        let error = apiError(for: response)
        guard response.status == 429 else { return .api(error) }
        return .rateLimited(RateLimitError(
            operationID: response.request.operationID,
            retryAfter: RetryAfter.delay(in: response.headerFields, now: configuration.clock.wallClock),
            response: error))
    }
}

/// JSON body decoding shared by ``APIClient`` and ``APIError``.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, from body: Data, decoder: JSONDecoder, operationID: String,
                                     status: Int, requestID: String?) throws(ClientError) -> T {
        do {
            return try decoder.decode(type, from: body)
        } catch {
            let (path, message) = describe(error)
            throw .decoding(DecodingFailure(
                operationID: operationID, status: status, codingPath: path, message: message,
                bodyPrefix: String(decoding: body.prefix(512), as: UTF8.self), requestID: requestID))
        }
    }

    /// The coding path and a message for a decoding error.
    static func describe(_ error: any Error) -> (path: String, message: String) {
        guard let decodingError = error as? DecodingError else { return ("", String(describing: error)) }
        switch decodingError {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "Expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "Expected \(type) but found null or nothing: \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "Missing key '\(key.stringValue)'")
        case .dataCorrupted(let context):
            var message = context.debugDescription
            if let underlying = context.underlyingError { message += " (\(underlying.localizedDescription))" }
            return (path(context.codingPath), message)
        @unknown default:
            return ("", String(describing: decodingError))
        }
    }

    /// `[a, Index 0, b]` → `"a[0].b"`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }
}
