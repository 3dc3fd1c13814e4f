import Foundation

/// One object of the template context: a document, schema, property, operation, … view over the IR.
///
/// A view computes a key's value when a template asks for it (``value(_:)``), so a template that reads five of an
/// operation's seventy keys pays for five. Each kind of view declares its keys once, in a ``ContextMembers`` table:
/// the table answers templates, lists the keys of ``ContextContract``, and is what the view's `Encodable` form (what
/// `dump-context` prints) walks. A key a view leaves out (`nil`) is looked up in the enclosing objects, as Mustache does.
///
/// Views are immutable once built and read by concurrent render jobs.
class ContextObject: @unchecked Sendable, Encodable {
    /// The value of a key; `nil` when this object has no such key.
    func value(_ key: ContextKey) -> Any? { nil }

    /// The keys of this kind of object, in contract order.
    var keyNames: [String] { [] }

    /// The value of a key given by name (for the renderer and `dump-context`).
    final func value(named name: String) -> Any? { value(ContextKey(name)) }

    /// The object's keys and values, with nested views kept as views: what dictionary transforms (`sorted`,
    /// `enumerated`, `count`) see.
    final var entries: [String: Any] {
        var entries: [String: Any] = [:]
        for name in keyNames {
            if let value = value(named: name) { entries[name] = value }
        }
        return entries
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for name in keyNames {
            guard let value = value(named: name) else { continue }
            try Self.encode(value, forKey: NameKey(stringValue: name), in: &container)
        }
    }

    private static func encode(_ value: Any, forKey key: NameKey, in container: inout KeyedEncodingContainer<NameKey>) throws {
        switch value {
        case let text as String: try container.encode(text, forKey: key)
        case let flag as Bool: try container.encode(flag, forKey: key)
        case let number as Int: try container.encode(number, forKey: key)
        case let texts as [String]: try container.encode(texts, forKey: key)
        case let object as ContextObject: try container.encode(object, forKey: key)
        case let list as ContextList: try container.encode(list.elements, forKey: key)
        default: throw EncodingError.invalidValue(value, .init(codingPath: container.codingPath + [key], debugDescription: "not a context value"))
        }
    }

    struct NameKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

/// A list of context objects that builds each element when a template reaches it.
///
/// The document's `schemas` are the largest part of the context (Stripe's document: about 40 MB as JSON). Rendering
/// walks them once per output, so building them one at a time keeps peak memory near the size of one schema's
/// views instead of all of them. To a template the list behaves like an array: sections iterate it, inverted
/// sections test it for emptiness, and the `first`, `last`, `count`, `empty` and `reversed` transforms work as on
/// arrays.
struct ContextList: Sendable {
    /// The number of elements.
    let count: Int
    /// Builds the element at an index (0-based).
    let element: @Sendable (Int) -> ContextObject

    init(count: Int, element: @escaping @Sendable (Int) -> ContextObject) {
        self.count = count
        self.element = element
    }

    /// A list of objects already built.
    init(_ objects: [ContextObject]) {
        self.init(count: objects.count) { objects[$0] }
    }

    /// A list of `count` elements, each built with its place (`isFirst`, `isLast`) in the list.
    static func positioned(count: Int, _ build: @escaping @Sendable (Int, ContextPosition) -> ContextObject) -> ContextList {
        ContextList(count: count) { index in build(index, ContextPosition(first: index == 0, last: index == count - 1)) }
    }

    /// Every element, built now.
    var elements: [ContextObject] { (0..<count).map(element) }
}

/// Where an object sits in the list that holds it: its `isFirst` and `isLast` keys.
struct ContextPosition: Sendable {
    let first: Bool
    let last: Bool
}
