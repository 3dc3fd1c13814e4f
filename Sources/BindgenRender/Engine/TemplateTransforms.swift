import Foundation

/// A context value that sections iterate: an array of any element type, or a ``ContextList``.
struct TemplateList {
    private enum Storage {
        case objects([[String: Any]])
        case lazy(ContextList)
        case values([Any])
    }

    private let storage: Storage

    /// The value as a list; `nil` when it is not one (a dictionary, a string or a number is not).
    init?(_ value: Any) {
        if let lazy = value as? ContextList {
            storage = .lazy(lazy)
        } else if value is ContextObject {
            return nil
        } else if let objects = value as? [[String: Any]] {
            storage = .objects(objects)
        } else if value is [String: Any] || value is String {
            return nil
        } else if let values = value as? [Any] {
            storage = .values(values)
        } else {
            return nil
        }
    }

    var count: Int {
        switch storage {
        case .objects(let objects): objects.count
        case .lazy(let lazy): lazy.count
        case .values(let values): values.count
        }
    }

    subscript(index: Int) -> Any {
        switch storage {
        case .objects(let objects): objects[index]
        case .lazy(let lazy): lazy.element(index)
        case .values(let values): values[index]
        }
    }

    var elements: [Any] { (0..<count).map { self[$0] } }
}

/// The transforms a tag can apply, `{{count(items)}}`, `{{#first(cases)}}`, `{{uppercased(name)}}`, `{{#first()}}`:
/// the set swift-mustache 2 offers, with the same results.
enum TemplateTransforms {
    /// One entry of a dictionary listed by `enumerated` or `sorted`; templates read its `key` and `value`.
    struct Entry {
        let key: String
        let value: Any
    }

    /// Every transform name, for the template linter.
    static let names: Set<String> = [
        "empty", "capitalized", "lowercased", "uppercased", "reversed", "first", "last", "count", "sorted",
        "enumerated", "index", "even", "odd", "equalzero", "plusone", "minusone",
    ]

    /// The transformed value; `nil` when the transform does not apply to the value.
    static func apply(_ name: String, to value: Any) -> Any? {
        if let text = value as? String { return string(name, text) }
        if value is Bool { return nil }
        if let number = value as? Int { return integer(name, number) }
        if let position = value as? TemplateInterpreter.Position {
            switch name {
            case "first": return position.first
            case "last": return position.last
            case "index": return position.index
            case "even": return position.index & 1 == 0
            case "odd": return position.index & 1 == 1
            default: return nil
            }
        }
        if let view = value as? ContextObject { return self.dictionary(name, view.entries) }
        if let dictionary = value as? [String: Any] { return self.dictionary(name, dictionary) }
        if let list = TemplateList(value) { return self.list(name, list, original: value) }
        if let substring = value as? Substring { return string(name, String(substring)) }
        return nil
    }

    private static func string(_ name: String, _ string: String) -> Any? {
        switch name {
        case "empty": string.isEmpty
        case "capitalized": string.capitalized
        case "lowercased": string.lowercased()
        case "uppercased": string.uppercased()
        case "reversed": String(string.reversed())
        default: nil
        }
    }

    private static func integer(_ name: String, _ integer: Int) -> Any? {
        switch name {
        case "equalzero": integer == 0
        case "plusone": integer + 1
        case "minusone": integer - 1
        case "even": integer & 1 == 0
        case "odd": integer & 1 == 1
        default: nil
        }
    }

    private static func list(_ name: String, _ list: TemplateList, original: Any) -> Any? {
        switch name {
        case "first": return list.count > 0 ? list[0] : nil
        case "last": return list.count > 0 ? list[list.count - 1] : nil
        case "reversed": return Array(list.elements.reversed())
        case "count": return list.count
        case "empty": return list.count == 0
        // Only lists of comparable elements sort (swift-mustache: `Array where Element: Comparable`).
        case "sorted" where type(of: original) == [String].self: return (original as? [String])?.sorted()
        case "sorted" where type(of: original) == [Int].self: return (original as? [Int])?.sorted()
        default: return nil
        }
    }

    private static func dictionary(_ name: String, _ dictionary: [String: Any]) -> Any? {
        switch name {
        case "count": dictionary.count
        case "empty": dictionary.isEmpty
        case "enumerated": dictionary.map { Entry(key: $0.key, value: $0.value) }
        case "sorted": dictionary.map { Entry(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
        default: nil
        }
    }

    /// The value inside an optional, so that printing `Optional("x")` writes `x` (a `nil` prints as `nil`).
    static func unwrapped(_ value: Any) -> Any {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedValue ?? value
    }
}

/// Lets ``TemplateTransforms/unwrapped(_:)`` see inside an `Optional` held as `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
