import Mustache

/// A list of contexts that builds each element when a template reaches it and forgets it afterwards.
///
/// The document's `schemas` are the largest part of the context (Stripe's document: about 40 MB as JSON). Rendering
/// walks them once per output, so building them one at a time keeps peak memory near the size of one schema's
/// context instead of all of them. To a template the list behaves like an array: sections iterate it, inverted
/// sections test it for emptiness, and the `first`, `last`, `count`, `empty` and `reversed` transforms work as on
/// arrays. `dump-context` and tests see the materialized array (``TemplateContext/document(lazy:)``).
struct LazyContextList: MustacheSequence, MustacheTransformable {
    /// The number of elements.
    let count: Int
    /// Builds the element at an index (0-based).
    let element: (Int) -> [String: Any]

    func makeIterator() -> Iterator { Iterator(list: self) }

    struct Iterator: IteratorProtocol {
        let list: LazyContextList
        var index = 0

        mutating func next() -> [String: Any]? {
            guard index < list.count else { return nil }
            defer { index += 1 }
            return list.element(index)
        }
    }

    /// Every element, built now.
    var materialized: [[String: Any]] { (0..<count).map(element) }

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": count > 0 ? element(0) : nil
        case "last": count > 0 ? element(count - 1) : nil
        case "count": count
        case "empty": count == 0
        case "reversed": materialized.reversed()
        default: nil
        }
    }
}
