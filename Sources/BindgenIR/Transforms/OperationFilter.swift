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

        func matches(_ operation: OperationDeclaration) -> Bool {
            tags.contains { operation.tags.contains($0.text) }
                || operations.contains { $0.text == operation.operationID }
                || paths.contains { OperationFilter.pathMatches($0.text, operation.pathTemplate) }
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

    /// Applies the filter; a name that matches nothing is a warning at its place in the configuration.
    public func apply(to model: RenderModel, diagnostics: DiagnosticCollector) -> RenderModel {
        warnAboutUnmatched(in: model, diagnostics: diagnostics)
        var model = model
        let keepsAll = !include.selectsSomething
        model.operations = model.operations.filter { operation in
            (keepsAll || include.matches(operation)) && !exclude.matches(operation)
        }
        model.webhooks = model.webhooks.filter { hook in
            (keepsAll || include.webhooks.contains { $0.text == hook.name }) && !exclude.webhooks.contains { $0.text == hook.name }
        }
        var seeds = model.operations.flatMap { operation -> [String] in
            var names = operation.arguments.flatMap(\.type.referencedNames)
            for response in operation.success.responses {
                if case .json(let usage) = response.body { names += usage.referencedNames }
            }
            if case .json(let usage) = operation.success.body { names += usage.referencedNames }
            names += operation.responseHeaders.flatMap(\.type.referencedNames)
            return names
        }
        seeds += model.webhooks.flatMap { $0.payload?.referencedNames ?? [] }
        for schema in include.schemas {
            if let index = ModelLookup.typeIndex(schema.text, in: model.types) {
                seeds.append(model.types[index].name)
            } else {
                diagnostics.error("filter.include.schemas: no schema '\(schema.text)' in the document", at: schema.location)
            }
        }
        let kept = Self.reachable(from: seeds, in: model.types)
        model.types = model.types.filter { kept.contains($0.name) }
        return model
    }

    /// Names of top-level types reachable from `seeds` through the members of the types reached.
    static func reachable(from seeds: [String], in types: [TypeDeclaration]) -> Set<String> {
        var byName: [String: TypeDeclaration] = [:]
        for type in types where byName[type.name] == nil { byName[type.name] = type }
        var reached: Set<String> = []
        var pending = seeds
        while let name = pending.popLast() {
            guard let declaration = byName[name], reached.insert(name).inserted else { continue }
            pending += declaration.referencedNames
        }
        return reached
    }

    /// `/pets/{id}` matches itself; `/pets/*` matches `/pets/` followed by anything; `*` matches every path.
    static func pathMatches(_ pattern: String, _ path: String) -> Bool {
        if pattern.hasSuffix("*") { return path.hasPrefix(String(pattern.dropLast())) }
        return pattern == path
    }

    private func warnAboutUnmatched(in model: RenderModel, diagnostics: DiagnosticCollector) {
        for (side, criteria) in [("include", include), ("exclude", exclude)] {
            for tag in criteria.tags where !model.operations.contains(where: { $0.tags.contains(tag.text) }) {
                diagnostics.warning("filter.\(side).tags: no operation has the tag '\(tag.text)'", at: tag.location)
            }
            for id in criteria.operations where !model.operations.contains(where: { $0.operationID == id.text }) {
                diagnostics.warning("filter.\(side).operations: no operation '\(id.text)' in the document", at: id.location)
            }
            for path in criteria.paths where !model.operations.contains(where: { Self.pathMatches(path.text, $0.pathTemplate) }) {
                diagnostics.warning("filter.\(side).paths: no operation matches '\(path.text)'", at: path.location)
            }
            for hook in criteria.webhooks where !model.webhooks.contains(where: { $0.name == hook.text }) {
                diagnostics.warning("filter.\(side).webhooks: no webhook '\(hook.text)' in the document", at: hook.location)
            }
        }
    }
}
