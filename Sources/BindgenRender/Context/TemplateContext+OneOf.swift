import BindgenIR

extension TemplateContext {
    /// Keys of a `oneOf`/`anyOf` enum: `variants` and `decodeOrder` (the same, in the order values are tried; each `caseName`, `caseReference`, `type`,
    /// `discriminatorValueLiterals`, `hasDiscriminatorValues`), `hasDiscriminator`, `discriminatorPropertyLiteral`, `isAnyOf`.
    func oneOf(_ declaration: OneOfDeclaration) -> [String: Any] {
        let variants = declaration.variants.enumerated().map { index, variant -> [String: Any] in
            [
                "caseName": SwiftSpelling.identifier(variant.caseName),
                "caseReference": SwiftSpelling.memberReference(variant.caseName),
                "type": SwiftSpelling.type(variant.type),
                "discriminatorValues": variant.discriminatorValues,
                "discriminatorValueLiterals": variant.discriminatorValues.map(SwiftSpelling.stringLiteral).joined(separator: ", "),
                "hasDiscriminatorValues": !variant.discriminatorValues.isEmpty,
                "isFirst": index == 0,
                "isLast": index == declaration.variants.count - 1,
            ]
        }
        return [
            "variants": variants,
            "decodeOrder": declaration.decodeOrder.compactMap { variants.indices.contains($0) ? variants[$0] : nil },
            "hasDiscriminator": declaration.discriminatorProperty != nil,
            "discriminatorProperty": declaration.discriminatorProperty ?? "",
            "discriminatorPropertyLiteral": SwiftSpelling.stringLiteral(declaration.discriminatorProperty ?? ""),
            "isAnyOf": declaration.isAnyOf,
        ]
    }
}
