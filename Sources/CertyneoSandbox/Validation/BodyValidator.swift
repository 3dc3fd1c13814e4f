import Foundation

/// Reads members out of a JSON body, collecting one ``FieldError`` per invalid member so that a
/// 422 lists them all.
struct BodyValidator {
    private(set) var errors: [FieldError] = []

    /// Parses `body` as a JSON object, or throws a 422 naming the body itself.
    static func object(from body: [UInt8]) throws -> [String: JSONValue] {
        guard let value = JSONValue.parse(body) else {
            throw Problem.validation(path: .root, message: "The body is not valid JSON.", code: "invalid_json")
        }
        guard case .object(let members) = value else {
            throw Problem.validation(
                path: .root, message: "The body must be a JSON object, not \(value.typeName).", code: "invalid_type"
            )
        }
        return members
    }

    mutating func fail(_ path: FieldPath, _ message: String, code: String) {
        errors.append(FieldError(path: path, message: message, code: code))
    }

    /// Throws the collected errors as one 422, if any.
    func finish() throws {
        if !errors.isEmpty { throw Problem.validation(errors) }
    }

    private mutating func present(_ value: JSONValue?, _ path: FieldPath, required: Bool) -> JSONValue? {
        guard let value else {
            if required { fail(path, "\(path.dotted) is required.", code: "required") }
            return nil
        }
        return value
    }

    private mutating func wrongType(_ path: FieldPath, expected: String, got value: JSONValue) {
        fail(path, "\(path.dotted) must be \(expected), not \(value.typeName).", code: "invalid_type")
    }

    /// A string member; lengths count Unicode code points, as JSON Schema does.
    mutating func string(
        _ value: JSONValue?, at path: FieldPath, required: Bool, minLength: Int = 0, maxLength: Int = .max
    ) -> String? {
        guard let value = present(value, path, required: required) else { return nil }
        guard case .string(let text) = value else {
            wrongType(path, expected: "a string", got: value)
            return nil
        }
        let length = text.unicodeScalars.count
        if length < minLength {
            fail(path, "\(path.dotted) must be at least \(minLength) character(s) long.", code: "too_short")
            return nil
        }
        if length > maxLength {
            fail(path, "\(path.dotted) must be at most \(maxLength) characters long.", code: "too_long")
            return nil
        }
        return text
    }

    /// A whole number (`1` or `1.0`) within `range`.
    mutating func integer(_ value: JSONValue?, at path: FieldPath, required: Bool, range: ClosedRange<Int>) -> Int? {
        guard let value = present(value, path, required: required) else { return nil }
        guard case .number(let number) = value, number.rounded() == number, number.isFinite else {
            wrongType(path, expected: "an integer", got: value)
            return nil
        }
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            fail(path, "\(path.dotted) must be from \(range.lowerBound) to \(range.upperBound).", code: "out_of_range")
            return nil
        }
        return Int(number)
    }

    mutating func array(_ value: JSONValue?, at path: FieldPath, required: Bool, minItems: Int = 0) -> [JSONValue]? {
        guard let value = present(value, path, required: required) else { return nil }
        guard case .array(let items) = value else {
            wrongType(path, expected: "an array", got: value)
            return nil
        }
        guard items.count >= minItems else {
            fail(path, "\(path.dotted) must hold at least \(minItems) item(s).", code: "too_few_items")
            return nil
        }
        return items
    }

    mutating func object(_ value: JSONValue?, at path: FieldPath, required: Bool) -> [String: JSONValue]? {
        guard let value = present(value, path, required: required) else { return nil }
        guard case .object(let members) = value else {
            wrongType(path, expected: "an object", got: value)
            return nil
        }
        return members
    }

    /// A string that must be one of `Enum`'s raw values.
    mutating func enumeration<Enum: RawRepresentable & CaseIterable>(
        _ value: JSONValue?, at path: FieldPath, required: Bool, as _: Enum.Type
    ) -> Enum? where Enum.RawValue == String {
        guard let text = string(value, at: path, required: required) else { return nil }
        guard let member = Enum(rawValue: text) else {
            let allowed = Enum.allCases.map(\.rawValue).joined(separator: ", ")
            fail(path, "\(path.dotted) must be one of \(allowed).", code: "invalid_enum")
            return nil
        }
        return member
    }

    mutating func email(_ value: JSONValue?, at path: FieldPath, required: Bool) -> String? {
        guard let text = string(value, at: path, required: required) else { return nil }
        guard FormatChecks.isEmail(text) else {
            fail(path, "\(path.dotted) must be an email address.", code: "invalid_format")
            return nil
        }
        return text
    }

    mutating func dateTime(_ value: JSONValue?, at path: FieldPath, required: Bool) -> Date? {
        guard let text = string(value, at: path, required: required) else { return nil }
        guard let date = RFC3339.parse(text) else {
            fail(path, "\(path.dotted) must be an RFC 3339 date-time such as 2026-12-01T05:41:20Z.", code: "invalid_format")
            return nil
        }
        return date
    }

    /// Up to 20 string pairs, each value at most 500 characters.
    mutating func metadata(_ value: JSONValue?, at path: FieldPath) -> [String: String]? {
        guard let members = object(value, at: path, required: false) else { return nil }
        if members.count > 20 {
            fail(path, "\(path.dotted) holds at most 20 members.", code: "too_many_properties")
            return nil
        }
        var pairs: [String: String] = [:]
        var valid = true
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
            if let text = string(member, at: path.appending(key), required: true, maxLength: 500) {
                pairs[key] = text
            } else {
                valid = false
            }
        }
        return valid ? pairs : nil
    }
}
