public import BindgenDiagnostics
public import YAMLSource

/// A JSON value the document writes for a schema (an `enum` entry, `const`, `default`, `example`), typed once by
/// YAML 1.2's core schema, so that later stages never look at YAML nodes or scalar styles.
///
/// A quoted scalar is a string; a plain one is `null` (`null`, `~`, empty), a boolean (`true`, `False`), an integer
/// (`42`, `-7`, `0x1F`, `0o17`), a number (`1.5`, `1e3`, `.inf`) or else a string. A scalar also keeps its ``text``
/// as written (`1.0` stays `1.0`), which is what a string enum's case spells when the document lists a number.
public struct DocumentValue: Sendable, Hashable {
    /// What the value is.
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        /// An integer that fits `Int` (larger ones are ``number(_:)``).
        case integer(Int)
        case number(Double)
        case string
        case array([DocumentValue])
        /// Members in document order.
        case object([Member])
    }

    /// One member of an object.
    public struct Member: Sendable, Hashable {
        public let name: String
        public let value: DocumentValue
    }

    public let kind: Kind
    /// A scalar's text as written (after YAML unescaping); `nil` for arrays and objects.
    public let text: String?
    /// Where the value starts.
    public let location: SourceLocation

    /// Whether the value is `null`.
    public let isNull: Bool
    /// Whether the value is a string (a quoted scalar, or a plain one that is no other type).
    public let isString: Bool
    /// The integer, if the value is one.
    ///
    /// These three are stored rather than computed from ``kind``: Swift 6.3.1's optimizer crashed (CopyPropagation,
    /// "Found outside of lifetime use") on a `switch` over `kind` inlined into a `compactMap` closure of
    /// `SchemaLowering.buildDeclaration`, in release builds only.
    public let integer: Int?

    /// The most nodes one value expands to. YAML aliases can make a small document describe an exponentially large
    /// value; past this budget the rest of an array or object is left out (``DocumentValue/init(_:budget:)``).
    public static let nodeBudget = 100_000

    /// Types a YAML node. `budget` counts down the nodes converted; when it reaches zero, arrays and objects stop
    /// growing and `budget` stays at zero, so the caller can report the cut.
    public init(_ node: YAMLNode, budget: inout Int) {
        budget -= 1
        location = node.location
        var isNull = false, isString = false
        var integer: Int?
        switch node.kind {
        case .scalar(let scalar, let style):
            text = scalar
            if style != .plain {
                kind = .string
                isString = true
            } else if node.isNull {
                kind = .null
                isNull = true
            } else if let flag = node.boolValue {
                kind = .bool(flag)
            } else if let value = node.intValue {
                kind = .integer(value)
                integer = value
            } else if let number = node.doubleValue {
                kind = .number(number)
            } else {
                kind = .string
                isString = true
            }
        case .sequence(let items):
            text = nil
            var values: [DocumentValue] = []
            for item in items where budget > 0 { values.append(DocumentValue(item, budget: &budget)) }
            kind = .array(values)
        case .mapping(let entries):
            text = nil
            var members: [Member] = []
            for entry in entries where budget > 0 {
                members.append(Member(name: entry.key.scalar ?? "", value: DocumentValue(entry.value, budget: &budget)))
            }
            kind = .object(members)
        }
        self.isNull = isNull
        self.isString = isString
        self.integer = integer
    }
}
