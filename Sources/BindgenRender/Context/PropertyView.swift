import BindgenIR

/// One stored property of a struct (`properties`, `initProperties`).
final class PropertyView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let property: PropertyDeclaration
    let position: ContextPosition

    init(context: TemplateContext, property: PropertyDeclaration, position: ContextPosition) {
        self.context = context
        self.property = property
        self.position = position
    }

    static let members = ContextMembers<PropertyView>("property", [
        "name": { SwiftSpelling.identifier($0.property.swiftName) },
        "memberReference": { SwiftSpelling.memberReference($0.property.swiftName) },
        "jsonName": { $0.property.jsonName },
        "jsonNameLiteral": { SwiftSpelling.stringLiteral($0.property.jsonName) },
        "codingKeyNeedsRawValue": { $0.property.jsonName != $0.property.swiftName },
        "type": { SwiftSpelling.type($0.property.type, in: $0.context.catalog) },
        "typeInfo": { TypeInfoView(context: $0.context, usage: $0.property.type) },
        "isOptional": { $0.property.type.isOptional },
        "isRequired": { $0.property.required },
        "isRequiredNullable": { $0.property.required && $0.property.type.isOptional },
        "isNullableMember": { $0.property.distinguishesNull },
        "nullableStorageType": { $0.property.isIndirect ? "BindgenRuntime.IndirectNullable" : "BindgenRuntime.Nullable" },
        "storageAttribute": { view in
            switch (view.property.distinguishesNull, view.property.isIndirect) {
            case (true, true): "@BindgenRuntime.IndirectNullable "
            case (true, false): "@BindgenRuntime.Nullable "
            case (false, true): "@BindgenRuntime.Indirect "
            case (false, false): ""
            }
        },
        "storageName": { "_" + $0.property.swiftName },
        "isConstant": { $0.property.constantValue != nil },
        "hasDocumentation": { !$0.property.documentation.isEmpty },
        "constantExpression": { view in
            view.property.constantCase.map { "." + SwiftSpelling.memberReference($0) }
                ?? view.property.constantValue.map(SwiftSpelling.stringLiteral) ?? ""
        },
        "isAdditionalProperties": { $0.property.isAdditionalProperties },
        "isReadOnly": { $0.property.readOnly },
        "isWriteOnly": { $0.property.writeOnly },
        "isIndirect": { $0.property.isIndirect },
        "docLines": { SwiftSpelling.docComment($0.property.documentation) },
        "isDeprecated": { $0.property.deprecated },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// One case of a string or integer enum (`cases`).
final class CaseView: ContextObject, @unchecked Sendable {
    let item: EnumCaseDeclaration
    let isString: Bool
    let position: ContextPosition

    init(item: EnumCaseDeclaration, isString: Bool, position: ContextPosition) {
        self.item = item
        self.isString = isString
        self.position = position
    }

    static let members = ContextMembers<CaseView>("case", [
        "name": { SwiftSpelling.identifier($0.item.swiftName) },
        "reference": { SwiftSpelling.memberReference($0.item.swiftName) },
        "rawValue": { $0.item.rawValue },
        "rawLiteral": { $0.isString ? SwiftSpelling.stringLiteral($0.item.rawValue) : $0.item.rawValue },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// One variant of a oneOf/anyOf enum (`variants`, `decodeOrder`).
final class VariantView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let variant: OneOfDeclaration.Variant
    let position: ContextPosition

    init(context: TemplateContext, variant: OneOfDeclaration.Variant, position: ContextPosition) {
        self.context = context
        self.variant = variant
        self.position = position
    }

    static let members = ContextMembers<VariantView>("variant", [
        "caseName": { SwiftSpelling.identifier($0.variant.caseName) },
        "caseReference": { SwiftSpelling.memberReference($0.variant.caseName) },
        "type": { SwiftSpelling.type($0.variant.type, in: $0.context.catalog) },
        "discriminatorValues": { $0.variant.discriminatorValues },
        "discriminatorValueLiterals": { $0.variant.discriminatorValues.map(SwiftSpelling.stringLiteral).joined(separator: ", ") },
        "hasDiscriminatorValues": { !$0.variant.discriminatorValues.isEmpty },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
