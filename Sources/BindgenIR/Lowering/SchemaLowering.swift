import BindgenDiagnostics
import OpenAPIModel

/// Lowers schemas to type declarations and usages. One instance per pipeline run.
final class SchemaLowering {
    let document: OpenAPIDocument
    let diagnostics: DiagnosticCollector
    private(set) var names: [NodeAddress: String] = [:]
    private var topLevelNames: NameAllocator
    /// Declarations for operation-level inline schemas (request and response bodies, parameter enums).
    var extraDeclarations: [TypeDeclaration] = []

    /// Types chosen for formats (`typeOverrides.formats`), checked before the built-in mapping.
    let formatTypes: [String: TypeUsage]

    /// Schemas replaced by existing types (`typeOverrides.schemas`): referenced by that type's name, never declared.
    private let externalSchemas: Set<NodeAddress>

    /// The identity of each named schema's type, handed out when first asked for (a `$ref` or its declaration).
    private var schemaTypeIDs: [NodeAddress: TypeID] = [:]
    /// The current name of every type identity handed out (promotion to the top level renames).
    private var typeNames: [TypeID: String] = [:]
    private var nextTypeID = 0

    init(document: OpenAPIDocument, diagnostics: DiagnosticCollector, formatTypes: [String: TypeUsage] = [:], namer: TypeNamer) {
        self.document = document
        self.diagnostics = diagnostics
        self.formatTypes = formatTypes
        names = namer.names
        externalSchemas = namer.external
        topLevelNames = namer.allocator
    }

    /// Top-level type names that `$ref`s reached while the current declaration was built.
    private var referencedNames: Set<String> = []
    /// Names the nested types of the current declaration may not take (see ``declaration(for:name:)``).
    private var nestedNameReservations: Set<String> = []
    /// What the generated types cannot represent, reported once per kind when lowering ends (``flushUnrepresented()``).
    private var unrepresented = ToleratedTally()
    private var unrepresentedSeen: Set<String> = []

    /// Records a construct the generated types do not represent, once per schema.
    func recordUnrepresented(_ kind: String, pointer: String, message: @autoclosure () -> String, at location: SourceLocation?) {
        guard unrepresentedSeen.insert(kind + " " + pointer).inserted else { return }
        unrepresented.record(kind, "not represented: " + message(), at: location)
    }

    /// Reports what ``recordUnrepresented(_:pointer:message:at:)`` collected: one warning per kind.
    func flushUnrepresented() {
        unrepresented.flush(into: diagnostics)
    }

    /// A new type identity for a declaration about to be built under `name`.
    func newTypeID(named name: String) -> TypeID {
        let id = TypeID(nextTypeID)
        nextTypeID += 1
        typeNames[id] = name
        return id
    }

    /// The identity of a named schema's type.
    func typeID(of address: NodeAddress) -> TypeID {
        if let id = schemaTypeIDs[address] { return id }
        let id = newTypeID(named: names[address] ?? "")
        schemaTypeIDs[address] = id
        return id
    }

    /// A fresh top-level name (for inline request/response bodies).
    func allocateTopLevelName(_ base: String) -> String {
        topLevelNames.unique(SwiftName.typeName(base))
    }

    /// Declarations of every named schema: components first (document order), then other `$ref` targets.
    func namedDeclarations() -> [TypeDeclaration] {
        var result: [TypeDeclaration] = []
        var done: Set<NodeAddress> = []
        let ordered = document.componentSchemas.map(\.address) + document.schemas.keys.sorted()
        for address in ordered where done.insert(address).inserted && !externalSchemas.contains(address) {
            guard let schema = document.schemas[address], let name = names[address] else { continue }
            result.append(declaration(for: schema, name: name, id: typeID(of: address)))
        }
        return result
    }

    /// The declaration of a named (or inline, given a name) schema.
    ///
    /// A nested type must not take the name of a top-level type that the declaration refers to: inside
    /// `ApiErrors`, a nested `Source` would hide the top-level `Source` (Stripe's `api_errors.source` is
    /// `anyOf [bank_account, card, source]`, whose `source` case would then hold the enum itself). When that
    /// happens the declaration is built again with those names reserved (`Source2` for the nested one); other
    /// nested types keep their plain names.
    func declaration(for schema: Schema, name: String, id: TypeID) -> TypeDeclaration {
        let diagnosticsMark = diagnostics.diagnostics.count
        let extraMark = extraDeclarations.count
        referencedNames = []
        nestedNameReservations = []
        let first = buildDeclaration(for: schema, name: name, id: id)
        let clashes = referencedNames.intersection(Self.nestedNames(of: first))
        guard !clashes.isEmpty else { return first }
        diagnostics.truncate(to: diagnosticsMark)
        extraDeclarations.removeSubrange(extraMark...)
        nestedNameReservations = clashes
        defer { nestedNameReservations = [] }
        return buildDeclaration(for: schema, name: name, id: id)
    }

    /// The names of every nested declaration, at any depth.
    static func nestedNames(of declaration: TypeDeclaration) -> Set<String> {
        var result: Set<String> = []
        func visit(_ declaration: TypeDeclaration) {
            for child in declaration.nested {
                result.insert(child.name)
                visit(child)
            }
        }
        visit(declaration)
        return result
    }

    private func buildDeclaration(for schema: Schema, name: String, id: TypeID) -> TypeDeclaration {
        let docs = Documentation.lines(for: schema)
        let pointer = schema.address.fragment
        // `allOf: [{inline shape}]` plus annotations: the inline shape's declaration, under this schema's name.
        if let shape = allOfShape(schema), shape.reference == nil {
            var declaration = buildDeclaration(for: shape, name: name, id: id)
            declaration.sourcePointer = pointer
            if !docs.isEmpty { declaration.documentation = docs }
            declaration.deprecated = declaration.deprecated || schema.deprecated
            return declaration
        }
        if let kind = enumKind(schema), let values = schema.enumValues {
            if kind == .integer {
                let cases = enumCases(values.compactMap { $0.integer.map(String.init) }, integer: true)
                return TypeDeclaration(id: id, name: name, kind: .integerEnum(cases), documentation: docs, sourcePointer: pointer, deprecated: schema.deprecated)
            }
            let cases = enumCases(values.compactMap { $0.isNull ? nil : $0.text }, integer: false)
            return TypeDeclaration(id: id, name: name, kind: .stringEnum(cases), documentation: docs, sourcePointer: pointer, deprecated: schema.deprecated)
        }
        if let variants = variantSchemas(schema) {
            var nested: [TypeDeclaration] = []
            var nestedNames = NameAllocator(reserved: nestedNameReservations.union([name]))
            let oneOf = oneOfDeclaration(schema, variants: variants, hint: name, nested: &nested, nestedNames: &nestedNames)
            return TypeDeclaration(id: id, name: name, kind: .oneOf(oneOf), documentation: docs, sourcePointer: pointer, deprecated: schema.deprecated, nested: nested)
        }
        if isStructLike(schema) {
            noteUnrepresented(in: schema)
            var nested: [TypeDeclaration] = []
            var nestedNames = NameAllocator(reserved: nestedNameReservations.union([name]))
            let properties = structProperties(schema, nested: &nested, nestedNames: &nestedNames)
            return TypeDeclaration(id: id, name: name, kind: .structure(properties), documentation: docs, sourcePointer: pointer, deprecated: schema.deprecated, nested: nested)
        }
        var nested: [TypeDeclaration] = []
        var nestedNames = NameAllocator(reserved: nestedNameReservations.union([name]))
        // Nullability belongs to the use site: `Cursor: {type: [string, "null"]}` is `typealias Cursor = String`, and
        // every use of it (``admitsNull(_:depth:)``) is `Cursor?`; an optional alias would make `Cursor??`.
        let aliased = usage(of: schema, hint: name + "Value", nested: &nested, nestedNames: &nestedNames).unwrapped
        // A typealias cannot hold nested types: promote them to the top level.
        promote(nested)
        return TypeDeclaration(id: id, name: name, kind: .alias(aliased), documentation: docs, sourcePointer: pointer, deprecated: schema.deprecated)
    }

    /// Moves nested declarations to the top level (a typealias, an operation or a webhook cannot hold them) under
    /// unique top-level names, prefixed by `prefix`. Their uses hold identities, so they follow without rewriting.
    func promote(_ nested: [TypeDeclaration], prefix: String = "") {
        for var declaration in nested {
            declaration.name = allocateTopLevelName(prefix + declaration.name)
            typeNames[declaration.id] = declaration.name
            extraDeclarations.append(declaration)
        }
    }

    /// The non-null variants of a `oneOf`/`anyOf` that needs an enum (two or more), else `nil`.
    func variantSchemas(_ schema: Schema) -> [Schema]? {
        guard schema.properties.isEmpty, schema.allOf.isEmpty else { return nil }
        let variants = (schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf).filter { $0.types != ["null"] }
        return variants.count >= 2 ? variants : nil
    }

    /// Cases, types and discriminator values of a `oneOf`/`anyOf` enum.
    func oneOfDeclaration(_ schema: Schema, variants: [Schema], hint: String, nested: inout [TypeDeclaration], nestedNames: inout NameAllocator) -> OneOfDeclaration {
        var caseNames = NameAllocator(reserved: ["unknown"])
        let discriminator = schema.discriminator ?? variants.lazy.compactMap { self.resolve($0).discriminator }.first
        var result: [OneOfDeclaration.Variant] = []
        for (index, variant) in variants.enumerated() {
            let type = usage(of: variant, hint: hint + "Case\(index + 1)", nested: &nested, nestedNames: &nestedNames)
            var base: String
            if let reference = variant.reference, let target = names[reference.target] {
                base = SwiftName.memberName(target)
            } else if let title = variant.title {
                base = SwiftName.memberName(title)
            } else {
                base = caseBase(for: type)
            }
            let values = discriminator.map { discriminatorValues(of: variant, discriminator: $0) } ?? []
            result.append(.init(caseName: caseNames.unique(base), type: type, discriminatorValues: values))
        }
        let usable = discriminator != nil && result.contains { !$0.discriminatorValues.isEmpty }
        // An alternative that is the union itself (`RecursivePetAnyOf: anyOf [RecursivePetAnyOf, string]`) adds no values
        // and would only recurse: it keeps its case but is never tried.
        let order = variants.indices
            .filter { variants[$0].reference?.target != schema.address }
            .sorted { (decodeRank(variants[$0]), $0) < (decodeRank(variants[$1]), $1) }
        return OneOfDeclaration(
            variants: result, discriminatorProperty: usable ? discriminator?.propertyName : nil, decodeOrder: order,
            isAnyOf: schema.oneOf.isEmpty)
    }

    func caseBase(for type: TypeUsage) -> String {
        switch type.unwrapped {
        case .string: "string"
        case .integer: "integer"
        case .double, .float: "number"
        case .bool: "boolean"
        case .date: "date"
        case .data: "data"
        case .url: "url"
        case .uuid: "uuid"
        case .jsonValue: "value"
        case .file: "file"
        case .generated(let id): SwiftName.memberName(typeNames[id] ?? "")
        case .external(let name): SwiftName.memberName(name)
        case .array(let element): caseBase(for: element) + "Array"
        case .dictionary(let value): caseBase(for: value) + "Map"
        case .optional(let wrapped): caseBase(for: wrapped)
        }
    }

    enum EnumKind { case string, integer }

    /// Enums generated as Swift enums: string values (declared `type: string` or untyped with scalar values)
    /// and integers. Other enums (numbers, booleans, mixed) keep their base type.
    func enumKind(_ schema: Schema) -> EnumKind? {
        guard let values = schema.enumValues else { return nil }
        let types = schema.nonNullTypes
        let nonNull = values.filter { !$0.isNull }
        if types == ["integer"], nonNull.allSatisfy({ $0.integer != nil }) { return .integer }
        if types == ["string"] || (types.isEmpty && nonNull.allSatisfy(\.isString)) {
            return nonNull.allSatisfy({ $0.text != nil }) ? .string : nil
        }
        return nil
    }

    func enumCases(_ raws: [String], integer: Bool) -> [EnumCaseDeclaration] {
        var allocator = NameAllocator(reserved: ["unknown", "allCases", "rawValue", "rawValueIndex", "init"])
        var seen: Set<String> = []
        return raws.compactMap { raw in
            guard seen.insert(raw).inserted else { return nil }
            let base = integer ? SwiftName.caseName(raw.hasPrefix("-") ? raw : "_" + raw) : SwiftName.caseName(raw)
            return EnumCaseDeclaration(swiftName: allocator.unique(base), rawValue: raw, documentation: [])
        }
    }

    /// Objects with properties, `allOf` compositions and bare `type: object` without `additionalProperties` become structs.
    func isStructLike(_ schema: Schema) -> Bool {
        if !schema.properties.isEmpty { return true }
        if !schema.allOf.isEmpty, allOfShape(schema) == nil { return true }
        return false
    }

    /// Properties of a struct, `allOf` parts merged in order (own properties last), later duplicates replacing earlier ones.
    func structProperties(_ schema: Schema, nested: inout [TypeDeclaration], nestedNames: inout NameAllocator) -> [PropertyDeclaration] {
        var collected: [(Schema.Property, Bool)] = []
        var visited: Set<NodeAddress> = []
        collect(schema, into: &collected, required: [], visited: &visited)
        var allocator = NameAllocator(reserved: [])
        var result: [PropertyDeclaration] = []
        for (property, required) in collected {
            let hint = SwiftName.typeName(property.name)
            let nestedBefore = nested.count
            var type = usage(of: property.schema, hint: hint, nested: &nested, nestedNames: &nestedNames)
            let admitsNull = type.isOptional
            if !required { type = type.optional }
            var member = PropertyDeclaration(
                swiftName: allocator.unique(SwiftName.memberName(property.name)), jsonName: property.name, type: type,
                documentation: Documentation.lines(for: property.schema), deprecated: property.schema.deprecated,
                readOnly: property.schema.readOnly, writeOnly: property.schema.writeOnly, required: required)
            member.distinguishesNull = !required && admitsNull
            if required, let value = singleValue(property.schema), jsonTypes(of: property.schema) == ["string"] {
                switch type {
                case .string:
                    member.constantValue = value
                case .generated(let id):
                    // The enum this member's schema just declared (a `$ref`'d one is not looked into).
                    let declared = nested[nestedBefore...].first { $0.id == id }
                    if case .stringEnum(let cases)? = declared?.kind, let match = cases.first(where: { $0.rawValue == value }) {
                        member.constantValue = value
                        member.constantCase = match.swiftName
                    }
                default:
                    break
                }
            }
            result.append(member)
        }
        // A name in `required` that no part declares under `properties` admits any value: a required `JSONValue`.
        let declared = Set(collected.map(\.0.name))
        for name in requiredNames(of: schema) where !declared.contains(name) {
            result.append(PropertyDeclaration(
                swiftName: allocator.unique(SwiftName.memberName(name)), jsonName: name, type: .jsonValue,
                documentation: [], deprecated: false, readOnly: false, writeOnly: false, required: true))
        }
        // `@Nullable` stores a member as `_name`: not where another member already has that name.
        let names = Set(result.map(\.swiftName))
        for index in result.indices where result[index].distinguishesNull && names.contains("_" + result[index].swiftName) {
            result[index].distinguishesNull = false
        }
        if let values = additionalMembers(of: schema) {
            let type = values.map { usage(of: $0, hint: "AdditionalProperty", nested: &nested, nestedNames: &nestedNames) } ?? .jsonValue
            var member = PropertyDeclaration(
                swiftName: allocator.unique("additionalProperties"), jsonName: "", type: .dictionary(type),
                documentation: ["The members the schema does not declare, by name (`additionalProperties`)."],
                deprecated: false, readOnly: false, writeOnly: false, required: true)
            member.isAdditionalProperties = true
            result.append(member)
        }
        return result
    }

    /// What a struct keeps besides its declared members: `.some(schema)` for `additionalProperties: {schema}`,
    /// `.some(nil)` for `additionalProperties: true` (any JSON), `nil` when the schema and its `allOf` parts say
    /// nothing or `false` (undeclared members are then not kept, as JSON Schema's default allows).
    ///
    /// A struct with a `oneOf`/`anyOf` among its parts (beside `properties`, or an `allOf` part: the
    /// `union-in-struct` warning) keeps the members only the alternatives declare the same way, as `JSONValue`s, so
    /// a value still round-trips whole.
    func additionalMembers(of schema: Schema) -> Schema?? {
        var parts = [schema]
        var index = 0
        var hasUnion = false
        while index < parts.count, index < 64 {
            let part = resolve(parts[index])
            index += 1
            hasUnion = hasUnion || !(part.oneOf + part.anyOf).isEmpty
            switch part.additionalProperties {
            case .schema(let values): return hasUnion ? .some(nil) : .some(values)
            case .allowed(true): return .some(nil)
            case .allowed(false), nil: parts += part.allOf
            }
        }
        return hasUnion ? .some(nil) : nil
    }

    /// The `required` names of a schema and its `allOf` parts, in order, once each.
    func requiredNames(of schema: Schema) -> [String] {
        var names: [String] = []
        var parts = [schema]
        var index = 0
        while index < parts.count, index < 64 {
            let part = resolve(parts[index])
            index += 1
            for name in part.required where !names.contains(name) { names.append(name) }
            parts += part.allOf
        }
        return names
    }

    private func collect(_ schema: Schema, into out: inout [(Schema.Property, Bool)], required: Set<String>, visited: inout Set<NodeAddress>) {
        let target = resolve(schema)
        guard visited.insert(target.address).inserted else { return }
        let required = required.union(target.required)
        for part in target.allOf {
            collect(part, into: &out, required: required, visited: &visited)
        }
        for property in target.properties {
            let isRequired = required.contains(property.name)
            if let index = out.firstIndex(where: { $0.0.name == property.name }) {
                out[index] = (property, isRequired || out[index].1)
            } else {
                out.append((property, isRequired))
            }
        }
        // `required` listed on a part for properties defined elsewhere.
        for index in out.indices where required.contains(out[index].0.name) {
            out[index].1 = true
        }
    }

    /// Follows a pure `$ref` to its target schema.
    func resolve(_ schema: Schema) -> Schema {
        var current = schema
        var hops = 0
        while let reference = current.reference, let target = document.schemas[reference.target], hops < 64 {
            current = target
            hops += 1
        }
        return current
    }

    /// How a schema is typed where it is used. Inline enums and objects become nested declarations named from `hint`.
    func usage(of schema: Schema, hint: String, nested: inout [TypeDeclaration], nestedNames: inout NameAllocator) -> TypeUsage {
        let base = nonNullUsage(of: schema, hint: hint, nested: &nested, nestedNames: &nestedNames)
        return admitsNull(schema) ? base.optional : base
    }

    private func nonNullUsage(of schema: Schema, hint: String, nested: inout [TypeDeclaration], nestedNames: inout NameAllocator) -> TypeUsage {
        if let reference = schema.reference {
            guard let name = names[reference.target] else { return .jsonValue }
            referencedNames.insert(name)
            return externalSchemas.contains(reference.target) ? .external(name) : .generated(typeID(of: reference.target))
        }
        // `allOf: [{$ref: identifier}, {readOnly: true, type: string}]` is `identifier`, annotations merged.
        if let shape = allOfShape(schema) {
            return nonNullUsage(of: shape, hint: hint, nested: &nested, nestedNames: &nestedNames)
        }
        let variants = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        if !variants.isEmpty && schema.properties.isEmpty {
            let nonNull = variants.filter { !($0.types == ["null"]) }
            if nonNull.count == 1, let only = nonNull.first {
                let inner = usage(of: only, hint: hint, nested: &nested, nestedNames: &nestedNames)
                return nonNull.count < variants.count ? inner.optional : inner
            }
            if nonNull.isEmpty { return .optional(.jsonValue) }
            let name = nestedNames.unique(SwiftName.typeName(hint))
            let id = newTypeID(named: name)
            nested.append(buildDeclaration(for: schema, name: name, id: id))
            return nonNull.count < variants.count ? .optional(.generated(id)) : .generated(id)
        }
        if enumKind(schema) != nil || isStructLike(schema) {
            let name = nestedNames.unique(SwiftName.typeName(hint))
            let id = newTypeID(named: name)
            nested.append(buildDeclaration(for: schema, name: name, id: id))
            return .generated(id)
        }
        let types = schema.nonNullTypes
        guard types.count <= 1 else { return .jsonValue }
        if let format = schema.format, let usage = formatTypes[format], ["string", "integer", "number"].contains(types.first ?? "string") {
            return usage
        }
        switch types.first {
        case "string":
            switch schema.format {
            case "date-time": return .date
            case "uuid": return .uuid
            // `uri` stays text: servers send values `Foundation.URL` refuses (Twilio's examples have `""`), and one
            // such member would fail the whole response. `typeOverrides.formats: {uri: Foundation.URL}` opts in.
            case "byte": return .data
            case "binary": return .data
            default: return .string
            }
        case "integer":
            switch schema.format {
            case "int32": return .integer(bits: 32)
            case "int64": return .integer(bits: 64)
            default: return .integer(bits: nil)
            }
        case "number":
            // `format: float` is a `Double` too: a `Float` rounds a value with more than 24 significant bits and
            // refuses a subnormal one, failing the whole response. `typeOverrides.formats: {float: Swift.Float}` opts in.
            return .double
        case "boolean":
            return .bool
        case "array":
            guard let items = schema.items else { return .array(.jsonValue) }
            return .array(usage(of: items, hint: hint + "Item", nested: &nested, nestedNames: &nestedNames))
        case "object":
            if case .schema(let values) = schema.additionalProperties {
                return .dictionary(usage(of: values, hint: hint + "Value", nested: &nested, nestedNames: &nestedNames))
            }
            return .dictionary(.jsonValue)
        case "null":
            return .jsonValue
        default:
            if case .schema(let values) = schema.additionalProperties {
                return .dictionary(usage(of: values, hint: hint + "Value", nested: &nested, nestedNames: &nestedNames))
            }
            if let items = schema.items {
                return .array(usage(of: items, hint: hint + "Item", nested: &nested, nestedNames: &nestedNames))
            }
            return .jsonValue
        }
    }
}

/// Minimal path helper without Foundation.
struct NSStringLike: ExpressibleByStringLiteral {
    let value: String
    init(stringLiteral value: String) { self.value = value }
    init(_ value: String) { self.value = value }
    var lastComponentWithoutExtension: String {
        let last = value.split(separator: "/").last.map(String.init) ?? value
        if let dot = last.lastIndex(of: ".") { return String(last[..<dot]) }
        return last
    }
}

