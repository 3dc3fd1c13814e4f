import Foundation

/// A key name of the template context, as a small integer: templates resolve their tag names to keys once, at parse
/// time, and a view finds a key's value by indexing its ``ContextMembers`` table, with no string hashing per tag.
///
/// Every distinct name gets the next number the first time any template or table mentions it, for the life of the
/// process.
struct ContextKey: Hashable, Sendable {
    let index: Int

    /// The key of a name.
    init(_ name: String) { index = ContextKeyRegistry.shared.index(of: name) }
}

/// The numbers given to key names so far.
private final class ContextKeyRegistry: @unchecked Sendable {
    static let shared = ContextKeyRegistry()
    private var indices: [String: Int] = [:]
    private let lock = NSLock()

    func index(of name: String) -> Int {
        lock.withLock {
            if let index = indices[name] { return index }
            let index = indices.count
            indices[name] = index
            return index
        }
    }
}

/// The keys of one kind of context object and how each is computed: the single place a key is declared.
///
/// `ContextContract.keys` lists the names, views answer templates with ``value(of:at:)``, and `dump-context` encodes
/// the same members in the same order. A member that returns `nil` is absent from that object (a template's lookup
/// continues outwards).
final class ContextMembers<View: ContextObject>: Sendable {
    /// The kind's name in the contract (`schema`, `operation`, …).
    let kind: String
    /// The key names, in declaration order.
    let names: [String]
    private let accessors: [(@Sendable (View) -> Any?)?]

    init(_ kind: String, _ members: KeyValuePairs<String, @Sendable (View) -> Any?>) {
        self.kind = kind
        names = members.map(\.key)
        let keyed = members.map { (ContextKey($0.key).index, $0.value) }
        var accessors = [(@Sendable (View) -> Any?)?](repeating: nil, count: (keyed.map(\.0).max() ?? -1) + 1)
        for (index, accessor) in keyed {
            precondition(accessors[index] == nil, "context key '\(names[keyed.firstIndex { $0.0 == index } ?? 0])' declared twice in \(kind)")
            accessors[index] = accessor
        }
        self.accessors = accessors
    }

    /// The value of `key` for `view`; `nil` when the kind has no such key or the view leaves it out.
    @inline(__always)
    func value(of view: View, at key: ContextKey) -> Any? {
        guard key.index < accessors.count, let accessor = accessors[key.index] else { return nil }
        return accessor(view)
    }
}
