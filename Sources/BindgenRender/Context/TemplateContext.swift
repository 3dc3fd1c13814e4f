import BindgenIR
import Foundation

/// Options that shape the context (from the configuration file).
public struct RenderOptions: Sendable {
    /// `public`, `package` or `internal`: the access level of every generated declaration.
    public var accessModifier: String
    /// Modules every generated file imports after `Foundation` and `BindgenRuntime`.
    public var additionalImports: [String]
    /// Whether enums get an `unknown` case for values the document does not list.
    public var unknownEnumCases: Bool
    /// Protocols models conform to besides `Codable` and `Sendable` (the `modelConformances` key).
    public var modelConformances: [String]

    /// What models conform to besides `Codable` and `Sendable` when the configuration does not say: nothing. The
    /// compiler-synthesized `==` and `hash(into:)` are the costliest members of a debug build of generated models
    /// (a quarter of the CPU time for Stripe's; BENCHMARKS-MEMBERS.md), so they are opt-in.
    public static let defaultModelConformances: [String] = []

    /// Creates options; the defaults are those of a missing configuration file.
    public init(accessModifier: String = "public", additionalImports: [String] = [], unknownEnumCases: Bool = true,
                modelConformances: [String] = RenderOptions.defaultModelConformances) {
        self.accessModifier = accessModifier
        self.additionalImports = additionalImports
        self.unknownEnumCases = unknownEnumCases
        self.modelConformances = modelConformances
    }
}

/// The template context of a model: typed views (``DocumentView``, ``SchemaView``, ``OperationView``, …) over the IR,
/// each computing a key when a template reads it.
///
/// Every key of every view is declared once, in that view's ``ContextMembers`` table, which is also what
/// ``ContextContract/keys`` lists and what `dump-context` prints (``json(scope:)``). This object holds what the
/// views share: the model, the options and the facts worked out once per model.
public final class TemplateContext: Sendable {
    /// The model being rendered.
    public let model: RenderModel
    /// Options from the configuration file.
    public let options: RenderOptions
    /// What each declared type name is, and which types travel as text.
    let catalog: TypeCatalog

    /// Prepares the context of a model.
    public init(model: RenderModel, options: RenderOptions) {
        self.model = model
        self.options = options
        catalog = TypeCatalog(types: model.types)
    }

    /// The document-scope context: the root of every document-scope template, and the outer context of every
    /// per-item rendering.
    func document() -> DocumentView {
        DocumentView(context: self, schemas: model.types.indices, part: 1, parts: 1)
    }

    /// The context as pretty-printed JSON with sorted keys (`dump-context`): the document, or for another scope the
    /// list of its items (what each per-item rendering sees first). Every value a template can read is in it.
    public func json(scope: TemplateScope = .document) -> String {
        let document = document()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        if let key = scope.itemsKey {
            data = try? encoder.encode((document.value(named: key) as? ContextList)?.elements ?? [])
        } else {
            data = try? encoder.encode(document)
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
