import Foundation

extension APIClient {
    /// The members of a value's JSON form as `application/x-www-form-urlencoded` fields or multipart text parts.
    ///
    /// Generated code calls it for a form or multipart body that is one value rather than one argument per field:
    /// a `oneOf` of objects such as the grants of an OAuth token request. The value is encoded with
    /// ``ClientConfiguration/encoder`` and must give a JSON object; its members become fields in name order:
    ///
    /// - a string is sent as is, a number or Boolean as its JSON text, `null` not at all;
    /// - an array gives one field per element (`explode: true`, the form default), each written like a member;
    /// - an object (or an array inside an array) is sent as compact JSON text, as generated form bodies write
    ///   non-scalar fields.
    ///
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded or is not a JSON object.
    public func formFields(of value: some Encodable) throws(ClientError) -> [(name: String, value: String)] {
        let data = try encodeJSON(value)
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw .invalidRequest("Could not read the encoded form body of \(type(of: value)): \(error)")
        }
        guard case .object(let members) = json else {
            throw .invalidRequest("A form body must encode to a JSON object; \(type(of: value)) does not")
        }
        var fields: [(name: String, value: String)] = []
        for name in members.keys.sorted() {
            guard let member = members[name] else { continue }
            if case .array(let elements) = member {
                for element in elements {
                    if let text = Self.fieldText(element, encoder: configuration.encoder) { fields.append((name, text)) }
                }
            } else if let text = Self.fieldText(member, encoder: configuration.encoder) {
                fields.append((name, text))
            }
        }
        return fields
    }

    /// The text of one field: strings as is, other scalars and nested values as JSON text, `null` as no field.
    private static func fieldText(_ value: JSONValue, encoder: JSONEncoder) -> String? {
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double, .array, .object:
            let sorting = JSONEncoder()
            sorting.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            sorting.dateEncodingStrategy = encoder.dateEncodingStrategy
            return (try? sorting.encode(value)).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
