import Foundation

/// How a query parameter is serialized (OpenAPI 3 `style`, §4.8.12.4 of OpenAPI 3.1).
public enum QueryStyle: String, Sendable, Hashable {
    /// `name=a&name=b` (explode) or `name=a,b`; objects `k1=v1&k2=v2` (explode) or `name=k1,v1,k2,v2`.
    case form
    /// Arrays as `name=a%20b`.
    case spaceDelimited
    /// Arrays as `name=a|b`.
    case pipeDelimited
    /// Objects as `name[k1]=v1&name[k2][inner]=v2`.
    case deepObject
}

extension APIRequest {
    /// Adds an array query parameter with a delimiter style; `form` behaves as ``addQuery(_:_:explode:)``.
    public mutating func addQuery(_ name: String, _ values: [some ParameterValue]?, style: QueryStyle, explode: Bool) {
        guard let values, !values.isEmpty else { return }
        switch style {
        case .spaceDelimited where !explode:
            queryItems.append((name: name, value: values.map(\.parameterValue).joined(separator: " ")))
        case .pipeDelimited where !explode:
            queryItems.append((name: name, value: values.map(\.parameterValue).joined(separator: "|")))
        default:
            addQuery(name, values, explode: explode)
        }
    }

    /// Adds an object (or any other non-scalar) query parameter, encoded through JSON into `style`'s form.
    ///
    /// Nested objects under `deepObject` become `name[a][b]=v`; under `form` nested values are sent as JSON text.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded.
    public mutating func addQuery(_ name: String, object value: (some Encodable)?, style: QueryStyle, explode: Bool) throws(ClientError) {
        guard let value else { return }
        let json: JSONValue
        do {
            let data = try JSONEncoder.bindgen.encode(value)
            json = try JSONDecoder.bindgen.decode(JSONValue.self, from: data)
        } catch {
            throw .invalidRequest("cannot encode query parameter '\(name)': \(error)")
        }
        switch (json, style) {
        case (.object(let members), .deepObject):
            appendDeep(name, members)
        case (.object(let members), _):
            let sorted = members.sorted { $0.key < $1.key }
            if explode {
                for (key, member) in sorted { queryItems.append((name: key, value: Self.text(member))) }
            } else {
                queryItems.append((name: name, value: sorted.flatMap { [$0.key, Self.text($0.value)] }.joined(separator: ",")))
            }
        case (.array(let items), _):
            let texts = items.map(Self.text)
            if explode {
                for text in texts { queryItems.append((name: name, value: text)) }
            } else {
                let separator = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
                queryItems.append((name: name, value: texts.joined(separator: separator)))
            }
        case (.null, _):
            return
        default:
            queryItems.append((name: name, value: Self.text(json)))
        }
    }

    private mutating func appendDeep(_ prefix: String, _ members: [String: JSONValue]) {
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
            let name = "\(prefix)[\(key)]"
            switch member {
            case .object(let inner): appendDeep(name, inner)
            case .array(let items): for item in items { queryItems.append((name: name, value: Self.text(item))) }
            case .null: continue
            default: queryItems.append((name: name, value: Self.text(member)))
            }
        }
    }

    /// A JSON value as query text: scalars plainly, collections as compact JSON.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let string): return string
        case .array, .object:
            let data = (try? JSONEncoder.bindgen.encode(value)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// Adds a cookie (OpenAPI `in: cookie`, `style: form`) to the `Cookie` field (RFC 6265 §5.4).
    public mutating func addCookie(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        let pair = "\(name)=\(value.parameterValue)"
        if let existing = headerFields[.cookie], !existing.isEmpty {
            headerFields[.cookie] = existing + "; " + pair
        } else {
            headerFields[.cookie] = pair
        }
    }

    /// Adds an array cookie as `name=a,b`.
    public mutating func addCookie(_ name: String, _ values: [some ParameterValue]?) {
        guard let values, !values.isEmpty else { return }
        addCookie(name, values.map(\.parameterValue).joined(separator: ","))
    }

    /// Sets a header field from a non-scalar value, as compact JSON text.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the value cannot be encoded.
    public mutating func setHeader(_ name: String, object value: (some Encodable)?) throws(ClientError) {
        guard let value else { return }
        guard let data = try? JSONEncoder.bindgen.encode(value) else {
            throw .invalidRequest("cannot encode header '\(name)'")
        }
        setHeader(name, String(decoding: data, as: UTF8.self))
    }
}

extension APIRequest {
    /// One `application/x-www-form-urlencoded` field (`nil` → none), for generated form bodies.
    public static func formFields(_ name: String, _ value: (some ParameterValue)?) -> [(name: String, value: String)] {
        value.map { [(name: name, value: $0.parameterValue)] } ?? []
    }

    /// An array form field, one `name=value` pair per element (`explode: true`, the form default).
    public static func formFields(_ name: String, _ values: [some ParameterValue]?) -> [(name: String, value: String)] {
        (values ?? []).map { (name: name, value: $0.parameterValue) }
    }
}
