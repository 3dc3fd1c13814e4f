/// Where a node lives: a file and a JSON pointer inside it. Two `$ref`s to the same node have equal addresses.
public struct NodeAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path, as resolved from the root document's path.
    public let file: String
    /// Unescaped pointer tokens from the document root.
    public let tokens: [String]

    public init(file: String, tokens: [String]) {
        self.file = file
        self.tokens = tokens
    }

    public func appending(_ token: String) -> NodeAddress {
        NodeAddress(file: file, tokens: tokens + [token])
    }

    /// `#/components/schemas/Pet` (the fragment only).
    public var fragment: String { JSONPointer.fragment(tokens) }

    /// `file#/components/schemas/Pet`.
    public var description: String { file + fragment }

    public static func < (lhs: NodeAddress, rhs: NodeAddress) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        return lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}
