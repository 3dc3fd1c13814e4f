/// A list of contexts that builds each element when a template reaches it and forgets it afterwards.
///
/// The document's `schemas` are the largest part of the context (Stripe's document: about 40 MB as JSON). Rendering
/// walks them once per output, so building them one at a time keeps peak memory near the size of one schema's
/// context instead of all of them. To a template the list behaves like an array: sections iterate it, inverted
/// sections test it for emptiness, and the `first`, `last`, `count`, `empty` and `reversed` transforms work as on
/// arrays. `dump-context` and tests see the materialized array (``TemplateContext/document(lazy:)``).
struct LazyContextList {
    /// The number of elements.
    let count: Int
    /// Builds the element at an index (0-based).
    let element: (Int) -> [String: Any]

    /// Every element, built now.
    var materialized: [[String: Any]] { (0..<count).map(element) }
}
