import Foundation

/// Setting a request body from an operation's argument, absent or present: what generated `Endpoint.makeRequest`
/// writes one line for per body.
extension APIRequest {
    /// Sets a JSON body encoded with the client's encoder; `nil` leaves the request without a body.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded.
    public mutating func setJSONBody(_ value: (some Encodable)?, contentType: String, using client: APIClient) throws(ClientError) {
        guard let value else { return }
        body = .data(try client.encodeJSON(value), contentType: contentType)
    }

    /// Sets the bytes as the body; `nil` leaves the request without a body.
    public mutating func setBody(_ data: Data?, contentType: String) {
        guard let data else { return }
        body = .data(data, contentType: contentType)
    }

    /// Sets the text, as UTF-8, as the body; `nil` leaves the request without a body.
    public mutating func setTextBody(_ text: String?, contentType: String) {
        guard let text else { return }
        body = .data(Data(text.utf8), contentType: contentType)
    }
}

/// Parts from arguments of every kind an operation's `multipart/form-data` body has; `nil` appends nothing.
extension MultipartForm {
    /// Appends one file part per file, under the same name.
    public mutating func append(_ name: String, files: [MultipartFile]?) {
        for file in files ?? [] { append(name, file: file) }
    }

    /// Appends one text part per value, under the same name.
    public mutating func append(_ name: String, values: [some ParameterValue]?) {
        for value in values ?? [] { append(name, value) }
    }

    /// Appends a part holding the value as JSON (`Content-Type: application/json`).
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded.
    public mutating func append(_ name: String, json value: (some Encodable)?, using client: APIClient) throws(ClientError) {
        guard let value else { return }
        append(name, json: try client.encodeJSON(value))
    }

    /// Appends a text part per member of the value's JSON object (``APIClient/formFields(of:)``): a body given as
    /// one value whose members are the parts.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded.
    public mutating func appendFields(of value: (some Encodable)?, using client: APIClient) throws(ClientError) {
        guard let value else { return }
        for field in try client.formFields(of: value) { append(field.name, field.value) }
    }

    /// Appends a file part per entry, in the order of the names (the undeclared parts of `additionalProperties`).
    public mutating func append(parts: [String: MultipartFile]?) {
        for (name, file) in (parts ?? [:]).sorted(by: { $0.key < $1.key }) { append(name, file: file) }
    }

    /// Appends a text part per entry, in the order of the names.
    public mutating func append(parts: [String: some ParameterValue]?) {
        for (name, value) in (parts ?? [:]).sorted(by: { $0.key < $1.key }) { append(name, value) }
    }

    /// Appends a JSON part per entry, in the order of the names.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when a value cannot be encoded.
    public mutating func append(jsonParts parts: [String: some Encodable]?, using client: APIClient) throws(ClientError) {
        for (name, value) in (parts ?? [:]).sorted(by: { $0.key < $1.key }) { append(name, json: try client.encodeJSON(value)) }
    }
}
