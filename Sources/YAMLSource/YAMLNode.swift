public import BindgenDiagnostics

/// One node of a parsed YAML (or JSON) document: a scalar, a sequence or a mapping.
///
/// Nodes are immutable and therefore `Sendable`. Every node carries the
/// ``SourceLocation`` where it starts, so later stages can report problems at
/// the exact spot in the user's file.
///
/// Scalars keep their source text verbatim; no type resolution happens here.
/// Use ``boolValue``, ``intValue``, ``doubleValue`` and ``isNull`` to apply the
/// YAML 1.2 core schema to *plain* scalars when a number or boolean is expected.
///
/// An alias (`*name`) is represented by the very same instance as the node that
/// defined the anchor (`&name`), so the result of reading is a directed acyclic
/// graph rather than a strict tree; compare with `===` to detect sharing.
public final class YAMLNode: Sendable {
    /// The content of a node.
    public enum Kind: Sendable {
        /// A scalar with its exact text (after YAML unescaping and folding) and its style.
        case scalar(String, ScalarStyle)
        /// A sequence, items in document order.
        case sequence([YAMLNode])
        /// A mapping, entries in document order. Keys are unique by scalar text;
        /// merge keys (`<<`) have already been expanded.
        case mapping([YAMLNode.Entry])
    }

    /// One key/value pair of a mapping.
    public struct Entry: Sendable {
        /// The key node; usually a scalar.
        public let key: YAMLNode
        /// The value node.
        public let value: YAMLNode

        /// Creates an entry.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The content of this node.
    public let kind: Kind
    /// Where the node starts (1-based line and column), as libyaml marks it: for a
    /// block mapping its first key, for a block sequence its first `-`, for a
    /// flow collection the opening `{` or `[`, for a quoted scalar the opening
    /// quote. A node with an anchor or tag starts at that `&anchor` or `!tag`.
    public let location: SourceLocation
    /// The explicit tag, if the source had one. Tags of the standard
    /// `tag:yaml.org,2002:` namespace are shortened to `!!` form (`!!str`);
    /// other tags are given as libyaml resolved them (`!custom`, `!`). `nil` when
    /// the node has no explicit tag.
    public let tag: String?

    /// Creates a node. ``YAMLReader`` is the usual way to obtain nodes; this
    /// initializer exists for tests and synthesized documents.
    public init(kind: Kind, location: SourceLocation, tag: String? = nil) {
        self.kind = kind
        self.location = location
        self.tag = tag
    }

    /// The text of a scalar node, or `nil` for a collection.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// The style of a scalar node, or `nil` for a collection.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    /// `true` for a scalar written without quotes or block indicators.
    public var isPlainScalar: Bool {
        if case .scalar(_, .plain) = kind { return true }
        return false
    }

    /// The items of a sequence node, or `nil` if this is not a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The entries of a mapping node in document order, or `nil` if this is not a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The value of the first mapping entry whose key is a scalar with text `key`
    /// (any style). `nil` if there is no such entry or this is not a mapping.
    /// Lookup is a linear scan.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = kind else { return nil }
        for entry in entries {
            if case .scalar(let text, _) = entry.key.kind, text == key {
                return entry.value
            }
        }
        return nil
    }
}
