/// The identity of a generated type: what a ``TypeUsage/generated(_:)`` refers to, whatever the type's name is or
/// becomes and wherever it is declared (top level or nested in another type).
///
/// Handed out by the lowering, one per declaration it builds: a component schema's type and every inline schema that
/// gets a declaration of its own. Only equality matters; the number says nothing about order or place. The name a
/// usage is spelled with is the declaration's (``TypeCatalog/name(of:)``), so moving a nested type to the top level
/// under another name needs no rewriting of its uses.
public struct TypeID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public var description: String { "type#\(rawValue)" }
}
