import BindgenDiagnostics
import BindgenIR
import OpenAPIModel
import YAMLSource

/// Reads the nested sections of the configuration file (`filter`, `names`, `typeOverrides`), reporting each
/// problem at its line:column.
struct ConfigurationReader {
    let diagnostics: DiagnosticCollector

    func filter(_ node: YAMLNode) -> OperationFilter? {
        var filter = OperationFilter()
        guard let entries = mapping(node, named: "filter", keys: ["include", "exclude"]) else { return nil }
        for (key, value) in entries {
            let isInclude = key.text == "include"
            let known = isInclude ? ["tags", "operations", "paths", "webhooks", "schemas"] : ["tags", "operations", "paths", "webhooks"]
            guard let fields = mapping(value, named: "filter.\(key.text)", keys: known) else { continue }
            var criteria = OperationFilter.Criteria()
            for (field, list) in fields {
                let names = strings(list, named: "filter.\(key.text).\(field.text)")
                switch field.text {
                case "tags": criteria.tags = names
                case "operations": criteria.operations = names
                case "paths": criteria.paths = names
                case "webhooks": criteria.webhooks = names
                default: criteria.schemas = names
                }
            }
            if isInclude { filter.include = criteria } else { filter.exclude = criteria }
        }
        return filter
    }

    func names(_ node: YAMLNode) -> NameOverrides {
        var overrides = NameOverrides()
        guard let entries = mapping(node, named: "names", keys: ["schemas", "properties", "operations"]) else { return overrides }
        for (key, value) in entries {
            let pairs = pairs(value, named: "names.\(key.text)")
            switch key.text {
            case "schemas": overrides.schemas = pairs
            case "properties": overrides.properties = pairs
            default: overrides.operations = pairs
            }
        }
        return overrides
    }

    func typeOverrides(_ node: YAMLNode) -> TypeOverrides {
        guard let entries = mapping(node, named: "typeOverrides", keys: ["schemas", "formats"]) else { return TypeOverrides() }
        var overrides = TypeOverrides()
        for (key, value) in entries {
            let mappings = pairs(value, named: "typeOverrides.\(key.text)")
            if key.text == "formats" { overrides.formats += mappings } else { overrides.schemas += mappings }
        }
        return overrides
    }

    /// The entries of a mapping whose keys must be among `keys`; unknown keys are errors.
    private func mapping(_ node: YAMLNode, named name: String, keys: [String]) -> [(key: ConfiguredName, value: YAMLNode)]? {
        if node.isNull { return [] }
        guard let entries = node.entries else {
            diagnostics.error("'\(name)' must be a mapping with the keys \(keys.joined(separator: ", "))", at: node.location)
            return nil
        }
        return entries.compactMap { entry in
            let key = entry.key.scalar ?? ""
            guard keys.contains(key) else {
                diagnostics.error("unknown key '\(key)' in '\(name)'; known keys: \(keys.joined(separator: ", "))", at: entry.key.location)
                return nil
            }
            return (ConfiguredName(key, at: entry.key.location), entry.value)
        }
    }

    /// A list of strings (a single string counts as a list of one).
    private func strings(_ node: YAMLNode, named name: String) -> [ConfiguredName] {
        if node.isNull { return [] }
        if let text = node.scalar { return [ConfiguredName(text, at: node.location)] }
        guard let items = node.sequence else {
            diagnostics.error("'\(name)' must be a list of strings", at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalar else {
                diagnostics.error("'\(name)' must be a list of strings", at: item.location)
                return nil
            }
            return ConfiguredName(text, at: item.location)
        }
    }

    /// A mapping of strings to strings.
    private func pairs(_ node: YAMLNode, named name: String) -> [ConfiguredMapping] {
        if node.isNull { return [] }
        guard let entries = node.entries else {
            diagnostics.error("'\(name)' must be a mapping of names, e.g. 'OldName: NewName'", at: node.location)
            return []
        }
        return entries.compactMap { entry in
            guard let key = entry.key.scalar, let value = entry.value.scalar, !value.isEmpty else {
                diagnostics.error("'\(name)' entries must map a name to a name", at: entry.value.location)
                return nil
            }
            return ConfiguredMapping(key: ConfiguredName(key, at: entry.key.location), value: ConfiguredName(value, at: entry.value.location))
        }
    }
}
