public import BindgenDiagnostics
import Foundation
import YAMLSource

/// Turns the YAML tree of a root document (and the files its `$ref`s reach) into an ``OpenAPIDocument``.
///
/// Problems are collected into the ``DiagnosticCollector``; ``parse()`` throws ``DiagnosticsError``
/// when any of them is an error, after the whole document has been looked at.
public final class DocumentParser {
    let sources: SourceSet
    let diagnostics: DiagnosticCollector
    var schemas: [NodeAddress: Schema] = [:]
    var schemasInProgress: Set<NodeAddress> = []
    var referenceStack: [NodeAddress] = []
    /// Operations given as `$ref` so far; the first one is warned about, with the count of the others at the end.
    var referencedOperations: [(text: String, location: SourceLocation?)] = []
    /// Specification violations whose meaning is clear, reported once per kind at the end of ``parse()``.
    var tolerated = ToleratedTally()
    /// `openapi` of the root document (`3.0.3`, `3.1.0`), known once ``checkVersion(_:)`` has run.
    var version = ""

    public init(sources: SourceSet, diagnostics: DiagnosticCollector) {
        self.sources = sources
        self.diagnostics = diagnostics
    }

    /// Parses the root document. Throws ``DiagnosticsError`` if any error was reported.
    public func parse() throws(DiagnosticsError) -> OpenAPIDocument {
        let file = sources.rootFile
        let root: YAMLNode
        do {
            root = try sources.tree(of: file)
        } catch {
            diagnostics.error(error.message, at: error.location)
            throw diagnostics.failure()
        }
        guard root.entries != nil else {
            diagnostics.error("an OpenAPI document must be a mapping at its top level", at: root.location)
            throw diagnostics.failure()
        }
        let version = checkVersion(root)
        guard let version else { throw diagnostics.failure() }
        self.version = version
        let rootAddress = NodeAddress(file: file, tokens: [])

        let infoNode = root["info"]
        let info = OpenAPIDocument.Info(
            title: infoNode?["title"]?.scalar ?? "API",
            version: infoNode?["version"]?.scalar ?? "",
            description: infoNode?["description"]?.scalar)
        if infoNode == nil { diagnostics.warning("the document has no 'info' object", at: root.location) }

        let servers = (root["servers"]?.sequence ?? []).compactMap(parseServer)

        var operations: [Operation] = []
        if let paths = root["paths"], let entries = paths.entries {
            let pathsAddress = rootAddress.appending("paths")
            for entry in entries {
                guard let path = entry.key.scalar else { continue }
                operations += parsePathItem(entry.value, path: path, address: pathsAddress.appending(path))
            }
        }
        if let first = referencedOperations.first {
            let others = referencedOperations.count - 1
            diagnostics.warning(
                "operation given as $ref ('\(first.text)')" + (others > 0 ? " and \(others) more like it" : "")
                    + ": OpenAPI 3.x allows references to path items, not to operations; the references are followed",
                at: first.location)
        }

        var webhooks: [OpenAPIDocument.Webhook] = []
        if let hooks = root["webhooks"]?.entries {
            let hooksAddress = rootAddress.appending("webhooks")
            for entry in hooks {
                guard let name = entry.key.scalar else { continue }
                let ops = parsePathItem(entry.value, path: name, address: hooksAddress.appending(name))
                webhooks.append(.init(name: name, operations: ops))
            }
        }

        var componentSchemas: [(name: String, address: NodeAddress)] = []
        var securitySchemes: [OpenAPIDocument.SecurityScheme] = []
        if let components = root["components"] {
            let componentsAddress = rootAddress.appending("components")
            for entry in components["schemas"]?.entries ?? [] {
                guard let name = entry.key.scalar else { continue }
                let address = componentsAddress.appending("schemas").appending(name)
                if schemas[address] == nil {
                    schemasInProgress.insert(address)
                    schemas[address] = schema(entry.value, at: address)
                    schemasInProgress.remove(address)
                }
                componentSchemas.append((name, address))
            }
            for entry in components["securitySchemes"]?.entries ?? [] {
                guard let name = entry.key.scalar else { continue }
                let node = resolved(entry.value, file: file) ?? entry.value
                securitySchemes.append(.init(
                    name: name, type: node["type"]?.scalar ?? "", scheme: node["scheme"]?.scalar,
                    parameterName: node["name"]?.scalar, parameterLocation: node["in"]?.scalar))
            }
        }

        tolerated.flush(into: diagnostics)
        if diagnostics.hasErrors { throw diagnostics.failure() }
        return OpenAPIDocument(
            version: version, info: info, servers: servers, operations: operations, webhooks: webhooks,
            componentSchemas: componentSchemas, schemas: schemas, securitySchemes: securitySchemes, rootFile: file)
    }

    /// Accepts `openapi: 3.0.x`, `3.1.x` and (with a warning) `3.2.x`; refuses Swagger 2.0 and documents without `openapi`.
    func checkVersion(_ root: YAMLNode) -> String? {
        guard let versionNode = root["openapi"] else {
            if let swagger = root.entries?.first(where: { $0.key.scalar == "swagger" }) {
                diagnostics.error(
                    "Swagger \(swagger.value.scalar ?? "?") documents are not supported (found 'swagger: \(swagger.value.scalar ?? "")'); convert the document to OpenAPI 3.0 or 3.1",
                    at: swagger.key.location)
            } else {
                diagnostics.error("not an OpenAPI document: the 'openapi' field (e.g. 'openapi: 3.1.0') is missing", at: root.location)
            }
            return nil
        }
        let version = versionNode.scalar ?? ""
        guard version.hasPrefix("3.0") || version.hasPrefix("3.1") || version.hasPrefix("3.2") else {
            diagnostics.error("unsupported OpenAPI version '\(version)'; supported are 3.0.x, 3.1.x and 3.2.x", at: versionNode.location)
            return nil
        }
        if version.hasPrefix("3.2") {
            diagnostics.warning(
                "OpenAPI \(version) is read as 3.1 plus `itemSchema` (typed streams); other 3.2 additions (the QUERY method, `querystring` parameters, `additionalOperations`) are not read",
                at: versionNode.location)
        }
        return version
    }

    func parseServer(_ node: YAMLNode) -> OpenAPIDocument.Server? {
        guard let url = node["url"]?.scalar else {
            diagnostics.warning("a server without 'url' is ignored", at: node.location)
            return nil
        }
        let variables = (node["variables"]?.entries ?? []).compactMap { entry -> (String, String)? in
            guard let name = entry.key.scalar else { return nil }
            return (name, entry.value["default"]?.scalar ?? "")
        }
        return .init(url: url, description: node["description"]?.scalar, variables: variables)
    }

    // MARK: References

    /// Follows `$ref` chains of a non-schema object (parameter, response, …) to the node they name.
    /// Reports a missing target at the `$ref` and returns `nil`.
    func resolved(_ node: YAMLNode, file: String) -> YAMLNode? {
        resolvedWithAddress(node, file: file)?.node
    }

    func resolvedWithAddress(_ node: YAMLNode, file: String) -> (node: YAMLNode, file: String)? {
        var current = node
        var currentFile = file
        var seen: Set<NodeAddress> = []
        while let refNode = current["$ref"], let text = refNode.scalar {
            guard let address = reference(text, at: refNode, in: currentFile) else { return nil }
            if !seen.insert(address).inserted {
                diagnostics.error("$ref '\(text)' is part of a reference cycle", at: refNode.location)
                return nil
            }
            guard let target = lookup(address, text: text, at: refNode) else { return nil }
            current = target
            currentFile = address.file
        }
        return (current, currentFile)
    }

    /// Resolves `$ref` text to an address, reporting malformed references.
    func reference(_ text: String, at node: YAMLNode, in file: String) -> NodeAddress? {
        guard let address = sources.address(ofReference: text, from: file) else {
            diagnostics.error("$ref '\(text)' is not a relative file path or a JSON pointer ('#/…'); remote references are not supported", at: node.location)
            return nil
        }
        return address
    }

    /// The node at an address, or an error naming the referring place, the pointer and the missing token.
    func lookup(_ address: NodeAddress, text: String, at refNode: YAMLNode) -> YAMLNode? {
        do {
            let (target, missing) = try sources.node(at: address)
            if let target { return target }
            let parent = address.tokens.dropLast().last.map { "'\($0)'" } ?? "the document"
            diagnostics.error(
                "$ref '\(text)' does not resolve: no '\(missing ?? "?")' in \(parent)" + (address.file == sources.rootFile ? "" : " of \(address.file)"),
                at: refNode.location)
        } catch {
            diagnostics.error("$ref '\(text)' names a file that cannot be read: \(error.description)", at: refNode.location)
        }
        return nil
    }
}
