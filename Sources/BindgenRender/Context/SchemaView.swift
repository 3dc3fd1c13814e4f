import BindgenIR

/// The schema scope: one declared type (struct, enum, oneOf/anyOf enum or alias) with its nested types.
///
/// Keys of other kinds are present but empty (`properties` of an enum is an empty list); the struct-only keys
/// (`hasRequiredNullable`, `hasAdditionalProperties`) and the oneOf-only keys (`variants`, `decodeOrder`,
/// `hasDiscriminator`, `discriminatorProperty…`, `isAnyOf`, `isParameterValue`) are absent from other kinds.
final class SchemaView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let declaration: TypeDeclaration
    /// Swift names of the enclosing declarations, outermost first (empty at the top level).
    let parents: [String]
    let position: ContextPosition?

    init(context: TemplateContext, declaration: TypeDeclaration, parents: [String], position: ContextPosition?) {
        self.context = context
        self.declaration = declaration
        self.parents = parents
        self.position = position
    }

    private var properties: [PropertyDeclaration]? {
        if case .structure(let properties) = declaration.kind { properties } else { nil }
    }

    private var cases: (cases: [EnumCaseDeclaration], isString: Bool)? {
        switch declaration.kind {
        case .stringEnum(let cases): (cases, true)
        case .integerEnum(let cases): (cases, false)
        default: nil
        }
    }

    private var oneOf: OneOfDeclaration? {
        if case .oneOf(let oneOf) = declaration.kind { oneOf } else { nil }
    }

    private var aliased: TypeUsage? {
        if case .alias(let usage) = declaration.kind { usage } else { nil }
    }

    private func propertyList(_ properties: [PropertyDeclaration]) -> ContextList {
        let context = context
        return ContextList.positioned(count: properties.count) { PropertyView(context: context, property: properties[$0], position: $1) }
    }

    private var variants: [VariantView] {
        guard let oneOf else { return [] }
        return oneOf.variants.enumerated().map { index, variant in
            VariantView(context: context, variant: variant, position: ContextPosition(first: index == 0, last: index == oneOf.variants.count - 1))
        }
    }

    static let members = ContextMembers<SchemaView>("schema", [
        "name": { SwiftSpelling.identifier($0.declaration.name) },
        "qualifiedName": { ($0.parents + [$0.declaration.name]).map(SwiftSpelling.identifier).joined(separator: ".") },
        "sourcePointer": { $0.declaration.sourcePointer },
        "sourcePointerText": { SwiftSpelling.commentText($0.declaration.sourcePointer) },
        "docLines": { SwiftSpelling.docComment($0.declaration.documentation) },
        "hasDocumentation": { !$0.declaration.documentation.isEmpty },
        "isDeprecated": { $0.declaration.deprecated },
        "isNested": { !$0.parents.isEmpty },
        "isStruct": { $0.properties != nil },
        "isStringEnum": { $0.cases?.isString == true },
        "isIntegerEnum": { $0.cases?.isString == false },
        "isAlias": { $0.aliased != nil },
        "kind": { view -> String in
            switch view.declaration.kind {
            case .structure: "struct"
            case .stringEnum: "stringEnum"
            case .integerEnum: "integerEnum"
            case .oneOf: "oneOf"
            case .alias: "alias"
            }
        },
        "nested": { view in
            let (context, nested, path) = (view.context, view.declaration.nested, view.parents + [view.declaration.name])
            return ContextList.positioned(count: nested.count) { SchemaView(context: context, declaration: nested[$0], parents: path, position: $1) }
        },
        "hasNested": { !$0.declaration.nested.isEmpty },
        "properties": { $0.propertyList($0.properties ?? []) },
        "hasProperties": { !($0.properties ?? []).isEmpty },
        "hasIDProperty": { ($0.properties ?? []).contains { $0.swiftName == "id" } },
        // Required members that may be null must be sent as `null`, which synthesized Codable would leave out.
        "hasRequiredNullable": { $0.properties.map { $0.contains { $0.required && $0.type.isOptional } } },
        // `additionalProperties` beside `properties`: a dictionary member filled by custom coding.
        "hasAdditionalProperties": { $0.properties.map { $0.contains(where: \.isAdditionalProperties) } },
        // The initializer's parameters: every member but those the schema fixes to one value.
        "initProperties": { $0.propertyList(($0.properties ?? []).filter { $0.constantValue == nil }) },
        "hasConstantProperties": { ($0.properties ?? []).contains { $0.constantValue != nil } },
        "cases": { view in
            guard let (cases, isString) = view.cases else { return ContextList([]) }
            return ContextList.positioned(count: cases.count) { CaseView(item: cases[$0], isString: isString, position: $1) }
        },
        "rawType": { view in view.cases.map { SwiftSpelling.type($0.isString ? .string : .integer(bits: nil), in: view.context.catalog) } ?? "" },
        "aliasedType": { view in view.aliased.map { SwiftSpelling.type($0, in: view.context.catalog) } ?? "" },
        "aliasedTypeInfo": { view in view.aliased.map { TypeInfoView(context: view.context, usage: $0) } ?? false },
        "isOneOf": { $0.oneOf != nil },
        "variants": { view in view.oneOf.map { _ in ContextList(view.variants) } },
        "decodeOrder": { view in
            view.oneOf.map { oneOf in
                let variants = view.variants
                return ContextList(oneOf.decodeOrder.compactMap { variants.indices.contains($0) ? variants[$0] : nil })
            }
        },
        "hasDiscriminator": { $0.oneOf.map { $0.discriminatorProperty != nil } },
        "discriminatorProperty": { $0.oneOf.map { $0.discriminatorProperty ?? "" } },
        "discriminatorPropertyLiteral": { $0.oneOf.map { SwiftSpelling.stringLiteral($0.discriminatorProperty ?? "") } },
        "isAnyOf": { $0.oneOf.map(\.isAnyOf) },
        "isParameterValue": { view in view.oneOf.map { _ in view.context.catalog.parameterValueOneOfs.contains(view.declaration.id) } },
        "isFirst": { $0.position?.first },
        "isLast": { $0.position?.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
