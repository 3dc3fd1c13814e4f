import BindgenIR

extension TemplateContext {
    /// The schema-scope context of one declaration (nested declarations included under `nested`).
    ///
    /// - Parameter parents: Swift names of the enclosing declarations, outermost first (empty at the top level).
    public func type(_ declaration: TypeDeclaration, parents: [String] = []) -> [String: Any] {
        let path = parents + [declaration.name]
        var context: [String: Any] = [
            "name": SwiftSpelling.identifier(declaration.name),
            "qualifiedName": path.map(SwiftSpelling.identifier).joined(separator: "."),
            "sourcePointer": declaration.sourcePointer,
            "docLines": SwiftSpelling.docComment(declaration.documentation),
            "hasDocumentation": !declaration.documentation.isEmpty,
            "sourcePointerText": SwiftSpelling.commentText(declaration.sourcePointer),
            "isDeprecated": declaration.deprecated,
            "isNested": !parents.isEmpty,
            "isStruct": false, "isStringEnum": false, "isIntegerEnum": false, "isAlias": false, "isOneOf": false,
            "kind": "",
            "nested": declaration.nested.enumerated().map { index, child in
                var nested = type(child, parents: path)
                nested["isFirst"] = index == 0
                nested["isLast"] = index == declaration.nested.count - 1
                return nested
            },
            "hasNested": !declaration.nested.isEmpty,
            "properties": [[String: Any]](), "hasProperties": false, "hasIDProperty": false,
            "initProperties": [[String: Any]](), "hasConstantProperties": false,
            "cases": [[String: Any]](), "rawType": "", "aliasedType": "", "aliasedTypeInfo": false,
        ]
        switch declaration.kind {
        case .structure(let properties):
            context["isStruct"] = true
            context["kind"] = "struct"
            context["hasProperties"] = !properties.isEmpty
            context["hasIDProperty"] = properties.contains { $0.swiftName == "id" }
            // Required members that may be null must be sent as `null`, which synthesized Codable would leave out.
            context["hasRequiredNullable"] = properties.contains { $0.required && $0.type.isOptional }
            // `additionalProperties` beside `properties`: a dictionary member filled by custom coding.
            context["hasAdditionalProperties"] = properties.contains(where: \.isAdditionalProperties)
            context["properties"] = properties.enumerated().map { index, property in
                self.property(property, isFirst: index == 0, isLast: index == properties.count - 1)
            }
            // The initializer's parameters: every member but those the schema fixes to one value.
            let settable = properties.filter { $0.constantValue == nil }
            context["initProperties"] = settable.enumerated().map { index, property in
                self.property(property, isFirst: index == 0, isLast: index == settable.count - 1)
            }
            context["hasConstantProperties"] = settable.count < properties.count
        case .stringEnum(let cases), .integerEnum(let cases):
            let isString: Bool
            if case .stringEnum = declaration.kind { isString = true } else { isString = false }
            context[isString ? "isStringEnum" : "isIntegerEnum"] = true
            context["kind"] = isString ? "stringEnum" : "integerEnum"
            context["rawType"] = SwiftSpelling.type(isString ? .string : .integer(bits: nil))
            context["cases"] = cases.enumerated().map { index, item -> [String: Any] in
                [
                    "name": SwiftSpelling.identifier(item.swiftName),
                    "reference": SwiftSpelling.memberReference(item.swiftName),
                    "rawValue": item.rawValue,
                    "rawLiteral": isString ? SwiftSpelling.stringLiteral(item.rawValue) : item.rawValue,
                    "isFirst": index == 0,
                    "isLast": index == cases.count - 1,
                ]
            }
        case .oneOf(let oneOf):
            context["isOneOf"] = true
            context["kind"] = "oneOf"
            context.merge(self.oneOf(oneOf)) { _, new in new }
            context["isParameterValue"] = parameterValueOneOfs.contains(path)
        case .alias(let usage):
            context["isAlias"] = true
            context["kind"] = "alias"
            context["aliasedType"] = SwiftSpelling.type(usage)
            context["aliasedTypeInfo"] = typeInfo(usage)
        }
        return context
    }

    /// The context of one stored property of a struct.
    func property(_ property: PropertyDeclaration, isFirst: Bool, isLast: Bool) -> [String: Any] {
        return [
            "name": SwiftSpelling.identifier(property.swiftName),
            "memberReference": SwiftSpelling.memberReference(property.swiftName),
            "jsonName": property.jsonName,
            "jsonNameLiteral": SwiftSpelling.stringLiteral(property.jsonName),
            "codingKeyNeedsRawValue": property.jsonName != property.swiftName,
            "isIndirect": property.isIndirect,
            "isAdditionalProperties": property.isAdditionalProperties,
            "isRequiredNullable": property.required && property.type.isOptional,
            "isNullableMember": property.distinguishesNull && !property.isIndirect,
            "storageName": "_" + property.swiftName,
            "isConstant": property.constantValue != nil,
            "constantExpression": property.constantCase.map { "." + SwiftSpelling.memberReference($0) }
                ?? property.constantValue.map(SwiftSpelling.stringLiteral) ?? "",
            "type": SwiftSpelling.type(property.type),
            "typeInfo": typeInfo(property.type),
            "isOptional": property.type.isOptional,
            "isRequired": property.required,
            "isReadOnly": property.readOnly,
            "isWriteOnly": property.writeOnly,
            "docLines": SwiftSpelling.docComment(property.documentation),
            "hasDocumentation": !property.documentation.isEmpty,
            "isDeprecated": property.deprecated,
            "isFirst": isFirst,
            "isLast": isLast,
        ]
    }

    /// What a type usage is, as flags a template can branch on (e.g. to build a sample value).
    ///
    /// Every flag is always present, so a section never falls through to an outer context's key. Built once per
    /// distinct usage of the run (every property asks; a large document has a few thousand distinct usages).
    func typeInfo(_ usage: TypeUsage) -> [String: Any] {
        typeInfoCache.value(for: usage) { makeTypeInfo(usage) }
    }

    private func makeTypeInfo(_ usage: TypeUsage) -> [String: Any] {
        let base = usage.unwrapped
        var info: [String: Any] = [
            "swiftType": SwiftSpelling.type(usage),
            "wrappedType": SwiftSpelling.type(base),
            "isOptional": usage.isOptional,
            "isString": false, "isInteger": false, "isDouble": false, "isFloat": false, "isBool": false, "isDate": false,
            "isData": false, "isURL": false, "isUUID": false, "isJSONValue": false, "isFile": false, "isNamed": false,
            "isArray": false, "isDictionary": false,
            "isStructType": false, "isEnumType": false, "isAliasType": false, "isExternalType": false,
            "namedType": "", "integerBits": 0, "element": false,
        ]
        let kind: String
        switch base {
        case .string: kind = "string"
        case .integer(let bits):
            kind = "integer"
            info["integerBits"] = bits ?? 0
        case .double: kind = "double"
        case .float: kind = "float"
        case .bool: kind = "bool"
        case .date: kind = "date"
        case .data: kind = "data"
        case .url: kind = "url"
        case .uuid: kind = "uuid"
        case .jsonValue: kind = "jsonValue"
        case .file: kind = "file"
        case .external(let name):
            // Contract 3 keeps the spelling of contract 2: an existing type is `named`, flagged `isExternalType`.
            kind = "named"
            info["namedType"] = name
            info["isExternalType"] = true
        case .named(let name):
            kind = "named"
            info["namedType"] = name
            switch declaredKinds[name] {
            case .structure: info["isStructType"] = true
            case .enumeration: info["isEnumType"] = true
            case .alias: info["isAliasType"] = true
            case nil: info["isExternalType"] = true
            }
        case .array(let element):
            kind = "array"
            info["element"] = typeInfo(element)
        case .dictionary(let value):
            kind = "dictionary"
            info["element"] = typeInfo(value)
        case .optional:
            kind = "optional"   // not reached: `unwrapped` removed the one level there can be
        }
        info["kind"] = kind
        let flag: String? = switch base {
        case .string: "isString"
        case .integer: "isInteger"
        case .double: "isDouble"
        case .float: "isFloat"
        case .bool: "isBool"
        case .date: "isDate"
        case .data: "isData"
        case .url: "isURL"
        case .uuid: "isUUID"
        case .jsonValue: "isJSONValue"
        case .file: "isFile"
        case .named, .external: "isNamed"
        case .array: "isArray"
        case .dictionary: "isDictionary"
        case .optional: nil
        }
        if let flag { info[flag] = true }
        return info
    }
}
