public import BindgenDiagnostics
public import BindgenIR
import BindgenRender
import Foundation
import OpenAPIModel
import YAMLSource

/// The generator's configuration file, `openapi-bindgen.yaml`, next to the document: one file for the CLI,
/// the build plugin and the command plugin.
///
/// ```yaml
/// accessModifier: public        # public | package | internal
/// templates: Templates          # folder of custom templates, relative to this file
/// additionalImports: [MyKit]
/// unknownEnumCases: true        # enums decode unlisted values into `.unknown(…)`
/// modelConformances: [Hashable] # besides Codable and Sendable (default: none)
/// filter:
///   include: {tags: [pets]}
///   exclude: {operations: [deletePet], paths: ['/admin/*']}
/// names:
///   schemas: {pet_type: Species}
///   properties: {Pet.pet_type: species}
///   operations: {listPets: allPets}
/// typeOverrides:
///   schemas: {Money: MyKit.Money}
/// ```
///
/// The Configuration File article describes every key. An unknown key or a bad value is an error at its line:column.
public struct Configuration: Sendable {
    /// `public`, `package` or `internal`.
    public var accessModifier = "public"
    /// Absolute or working-directory-relative path of the custom templates folder.
    public var templatesDirectory: String?
    /// Modules every generated file imports.
    public var additionalImports: [String] = []
    /// Whether enums keep unlisted values as `.unknown(…)`.
    public var unknownEnumCases = true
    /// Protocols generated models (structs and `oneOf`/`anyOf` enums) conform to besides `Codable` and `Sendable`.
    public var modelConformances = RenderOptions.defaultModelConformances
    /// Which operations (and so which types) are generated; `nil` generates everything.
    public var filter: OperationFilter?
    /// Swift names chosen for schemas, properties and operations.
    public var names = NameOverrides()
    /// Schemas replaced by existing Swift types.
    public var typeOverrides = TypeOverrides()

    /// The configuration of a missing file.
    public init() {}

    static let keys = [
        "accessModifier", "templates", "additionalImports", "unknownEnumCases", "modelConformances", "filter", "names", "typeOverrides",
    ]

    /// Reads a configuration file; an unknown key or a bad value is an error at its line:column.
    public static func load(path: String, diagnostics: DiagnosticCollector) -> Configuration {
        var configuration = Configuration()
        let root: YAMLNode
        do {
            root = try YAMLReader.read(contentsOf: path)
        } catch {
            diagnostics.error(error.message, at: error.location)
            return configuration
        }
        if root.isNull { return configuration }
        guard let entries = root.entries else {
            diagnostics.error("the configuration must be a mapping", at: root.location)
            return configuration
        }
        let reader = ConfigurationReader(diagnostics: diagnostics)
        for entry in entries {
            let key = entry.key.scalar ?? ""
            let value = entry.value
            switch key {
            case "accessModifier":
                guard let text = value.scalar, ["public", "package", "internal"].contains(text) else {
                    diagnostics.error("'accessModifier' must be public, package or internal", at: value.location)
                    continue
                }
                configuration.accessModifier = text
            case "templates":
                guard let text = value.scalar, !text.isEmpty else {
                    diagnostics.error("'templates' must be a folder path", at: value.location)
                    continue
                }
                let base = (path as NSString).deletingLastPathComponent
                configuration.templatesDirectory = text.hasPrefix("/") ? text : (base.isEmpty ? text : base + "/" + text)
            case "additionalImports":
                guard let items = value.sequence?.compactMap(\.scalar), items.count == value.sequence?.count else {
                    diagnostics.error("'additionalImports' must be a list of module names", at: value.location)
                    continue
                }
                configuration.additionalImports = items
            case "unknownEnumCases":
                guard let flag = value.boolValue else {
                    diagnostics.error("'unknownEnumCases' must be true or false", at: value.location)
                    continue
                }
                configuration.unknownEnumCases = flag
            case "modelConformances":
                guard let items = value.sequence?.compactMap(\.scalar), items.count == value.sequence?.count,
                      items.allSatisfy(Self.isTypeName) else {
                    diagnostics.error("'modelConformances' must be a list of protocol names, like [Hashable] or []", at: value.location)
                    continue
                }
                configuration.modelConformances = items.filter { !["Codable", "Sendable", "Swift.Codable", "Swift.Sendable"].contains($0) }
            case "filter":
                configuration.filter = reader.filter(value)
            case "names":
                configuration.names = reader.names(value)
            case "typeOverrides":
                configuration.typeOverrides = reader.typeOverrides(value)
            default:
                diagnostics.error("unknown configuration key '\(key)'; known keys: \(keys.joined(separator: ", "))", at: entry.key.location)
            }
        }
        return configuration
    }

    /// Whether `text` is a Swift type name, possibly qualified by a module (`Hashable`, `MyKit.Model`).
    static func isTypeName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
        }
    }
}
