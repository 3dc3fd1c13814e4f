import Crypto

/// Checks shared by the routes.
enum RouteSupport {
    /// The body of a JSON request; 415 unless the `Content-Type` is `application/json`.
    static func jsonBody(_ request: RouteRequest) throws -> [UInt8] {
        guard let type = request.contentType else {
            throw Problem.unsupportedMediaType("Send the body as application/json (the Content-Type header is missing or malformed).")
        }
        guard type.isJSON else {
            throw Problem.unsupportedMediaType("Send the body as application/json, not \(type.essence).")
        }
        return request.body
    }

    /// Lowercase hex SHA-256 of `bytes`.
    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in hasher.finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
