public import BindgenDiagnostics
public import OpenAPIModel

/// The `filter` section of the configuration: which operations and webhooks are generated.
///
/// `include` is a list of what to keep: when it names any tag, operation, path or webhook, only the operations
/// it matches and the webhooks it lists are kept; when it names none, everything is. `exclude` then removes what
/// it matches. Types are kept only if a kept operation or webhook uses them, directly or through other types, or
/// `include.schemas` lists them (which adds to the rest, never narrows it).
public struct OperationFilter: Sendable {
    /// One side of the filter.
    public struct Criteria: Sendable {
        /// Operation tags.
        public var tags: [ConfiguredName]
        /// `operationId`s (or the names derived for operations without one).
        public var operations: [ConfiguredName]
        /// Path templates as written (`/pets/{id}`); a trailing `*` matches any rest (`/admin/*`).
        public var paths: [ConfiguredName]
        /// Webhook names (`envelope.created`).
        public var webhooks: [ConfiguredName]
        /// Schemas kept even when no kept operation uses them (`include` only).
        public var schemas: [ConfiguredName]

        /// Creates criteria; empty by default.
        public init(
            tags: [ConfiguredName] = [], operations: [ConfiguredName] = [], paths: [ConfiguredName] = [],
            webhooks: [ConfiguredName] = [], schemas: [ConfiguredName] = []
        ) {
            self.tags = tags
            self.operations = operations
            self.paths = paths
            self.webhooks = webhooks
            self.schemas = schemas
        }

        /// Whether the criteria name anything that selects operations or webhooks (`schemas` only adds types).
        var selectsSomething: Bool { !tags.isEmpty || !operations.isEmpty || !paths.isEmpty || !webhooks.isEmpty }

        func matches(_ operation: Operation) -> Bool {
            let operationID = operation.operationID ?? OperationLowering.derivedName(method: operation.method, path: operation.path)
            return tags.contains { operation.tags.contains($0.text) }
                || operations.contains { $0.text == operationID }
                || paths.contains { OperationFilter.pathMatches($0.text, operation.path) }
        }
    }

    /// What to keep.
    public var include: Criteria
    /// What to leave out (wins over `include`).
    public var exclude: Criteria

    /// Creates a filter.
    public init(include: Criteria = Criteria(), exclude: Criteria = Criteria()) {
        self.include = include
        self.exclude = exclude
    }

    /// The document with what the filter keeps, before lowering: the operations and webhooks it selects, and the
    /// schemas they use (directly or through other schemas, callbacks' payloads included) plus `include.schemas`.
    /// Leaving schemas out here, rather than after lowering, means a schema the filter drops never takes a type name
    /// from one it keeps. Criteria that match nothing are warnings at their place in the configuration.
    public func apply(to document: OpenAPIDocument, diagnostics: DiagnosticCollector) -> OpenAPIDocument {
        warnAboutUnmatched(in: document, diagnostics: diagnostics)
        let keepsAll = !include.selectsSomething
        let operations = document.operations.filter { operation in
            (keepsAll || include.matches(operation)) && !exclude.matches(operation)
        }
        let webhooks = document.webhooks.filter { hook in
            (keepsAll || include.webhooks.contains { $0.text == hook.name }) && !exclude.webhooks.contains { $0.text == hook.name }
        }
        var roots: [Schema] = []
        func use(_ operation: Operation) {
            roots += operation.parameters.compactMap(\.schema)
            roots += operation.requestBody?.content.compactMap(\.schema) ?? []
            for response in operation.responses where response.isSuccess {
                roots += response.content.compactMap(\.schema) + response.content.compactMap(\.itemSchema)
                    + response.headers.compactMap(\.schema)
            }
            for callback in operation.callbacks { callback.operations.forEach(use) }
        }
        operations.forEach(use)
        webhooks.flatMap(\.operations).forEach(use)
        var kept = document.reachableSchemas(from: roots)
        for key in include.schemas {
            let named = document.componentSchemas.first { $0.name == key.text }
                ?? document.componentSchemas.first { SwiftName.typeName($0.name) == key.text }
            guard let named, let schema = document.schemas[named.address] else {
                diagnostics.error("filter.include.schemas: no schema '\(key.text)' in the document", at: key.location)
                continue
            }
            kept.insert(named.address)
            kept.formUnion(document.reachableSchemas(from: [schema]))
        }
        return document.keeping(operations: operations, webhooks: webhooks, schemas: kept)
    }

    static func pathMatches(_ pattern: String, _ path: String) -> Bool {
        if pattern.hasSuffix("*") { return path.hasPrefix(String(pattern.dropLast())) }
        return pattern == path
    }

    private func warnAboutUnmatched(in document: OpenAPIDocument, diagnostics: DiagnosticCollector) {
        for (side, criteria) in [("include", include), ("exclude", exclude)] {
            for tag in criteria.tags where !document.operations.contains(where: { $0.tags.contains(tag.text) }) {
                diagnostics.warning("filter.\(side).tags: no operation has the tag '\(tag.text)'", at: tag.location)
            }
            for id in criteria.operations where !document.operations.contains(where: {
                ($0.operationID ?? OperationLowering.derivedName(method: $0.method, path: $0.path)) == id.text
            }) {
                diagnostics.warning("filter.\(side).operations: no operation '\(id.text)' in the document", at: id.location)
            }
            for path in criteria.paths where !document.operations.contains(where: { Self.pathMatches(path.text, $0.path) }) {
                diagnostics.warning("filter.\(side).paths: no operation matches '\(path.text)'", at: path.location)
            }
            for hook in criteria.webhooks where !document.webhooks.contains(where: { $0.name == hook.text }) {
                diagnostics.warning("filter.\(side).webhooks: no webhook '\(hook.text)' in the document", at: hook.location)
            }
        }
    }
}
