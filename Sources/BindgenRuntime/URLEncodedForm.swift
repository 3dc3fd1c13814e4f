import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order, built from an operation's arguments;
/// ``encoded`` is the body (``APIRequest/formURLEncoded(_:)``). Every `append` of `nil` appends nothing.
public struct URLEncodedForm: Sendable {
    /// The fields so far, unencoded.
    public private(set) var fields: [(name: String, value: String)] = []

    /// An empty form.
    public init() {}

    /// The body bytes.
    public var encoded: Data { APIRequest.formURLEncoded(fields) }

    /// Appends a field with the value's ``ParameterValue/parameterValue``.
    public mutating func append(_ name: String, _ value: (some ParameterValue)?) {
        fields += APIRequest.formFields(name, value)
    }

    /// Appends one field per value, under the same name.
    public mutating func append(_ name: String, _ values: [some ParameterValue]?) {
        fields += APIRequest.formFields(name, values)
    }

    /// Appends a field holding the value as JSON text.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded.
    public mutating func append(_ name: String, json value: (some Encodable)?, using client: APIClient) throws(ClientError) {
        guard let value else { return }
        fields.append((name, String(decoding: try client.encodeJSON(value), as: UTF8.self)))
    }

    /// Appends a field per member of the value's JSON object (``APIClient/formFields(of:)``).
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded.
    public mutating func appendFields(of value: (some Encodable)?, using client: APIClient) throws(ClientError) {
        guard let value else { return }
        fields += try client.formFields(of: value)
    }

    /// Appends the fields of a dictionary (the undeclared fields of `additionalProperties`), in the order of the
    /// names, each with the value's text.
    public mutating func append(fields dictionary: [String: some ParameterValue]?) {
        for (name, value) in (dictionary ?? [:]).sorted(by: { $0.key < $1.key }) { fields += APIRequest.formFields(name, value) }
    }

    /// Appends the fields of a dictionary, in the order of the names, each value as JSON text.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when a value cannot be encoded.
    public mutating func append(jsonFields dictionary: [String: some Encodable]?, using client: APIClient) throws(ClientError) {
        for (name, value) in (dictionary ?? [:]).sorted(by: { $0.key < $1.key }) {
            fields.append((name, String(decoding: try client.encodeJSON(value), as: UTF8.self)))
        }
    }
}
