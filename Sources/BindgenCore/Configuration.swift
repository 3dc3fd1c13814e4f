import Foundation
public import OpenAPIModel
import YAMLSource

/// The generator's configuration file, `openapi-bindgen.yaml`, next to the document.
///
/// ```yaml
/// accessModifier: public        # public | package | internal
/// templates: Templates          # folder of custom templates, relative to this file
/// additionalImports: [MyKit]
/// unknownEnumCases: true        # string enums decode unknown values into `.unknown(String)`
/// ```
public struct Configuration: Sendable {
    public var accessModifier = "public"
    /// Absolute or working-directory-relative path of the custom templates folder.
    public var templatesDirectory: String?
    public var additionalImports: [String] = []
    public var unknownEnumCases = true

    public init() {}

    static let keys = ["accessModifier", "templates", "additionalImports", "unknownEnumCases"]

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
            default:
                diagnostics.error("unknown configuration key '\(key)'; known keys: \(keys.joined(separator: ", "))", at: entry.key.location)
            }
        }
        return configuration
    }
}
