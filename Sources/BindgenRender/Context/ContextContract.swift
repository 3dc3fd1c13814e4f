/// The template context contract: its version and every key, per kind of object, that the context holds.
///
/// The Custom Templates article documents each key with its type and an example. ``version`` changes when a
/// key is removed or changes meaning; adding keys keeps it. Templates can state the version they were written
/// for with a `{{! bindgen-contract: 3 }}` comment, and generation then fails, naming the template, on a mismatch.
public enum ContextContract {
    /// The version of the contract this generator provides (the `contractVersion` key of the document scope).
    public static let version = 3

    /// The keys of each kind of object in the context.
    public static let keys: [String: [String]] = [
        "document": [
            "contractVersion", "accessModifier", "title", "apiVersion", "openAPIVersion", "sourceFile", "titleText",
            "apiVersionText", "docLines", "imports", "additionalImports", "servers", "defaultServerURLLiteral", "auth",
            "schemas", "hasSchemas", "schemasPart", "schemasParts", "operations", "hasOperations", "hasPagination", "tags", "hasTags", "webhooks", "hasWebhooks",
            "unknownEnumCases",
        ],
        "server": ["url", "urlLiteral", "description", "isFirst", "isLast"],
        "auth": ["isBearer", "isBasic", "isAPIKey", "isNone", "apiKeyNameLiteral", "apiKeyLocation"],
        "schema": [
            "name", "qualifiedName", "sourcePointer", "sourcePointerText", "docLines", "hasDocumentation", "isDeprecated", "isNested", "isStruct", "isStringEnum",
            "isIntegerEnum", "isAlias", "kind", "nested", "hasNested", "properties", "hasProperties", "hasIDProperty", "hasRequiredNullable", "hasAdditionalProperties", "initProperties", "hasConstantProperties", "cases",
            "rawType", "aliasedType", "aliasedTypeInfo", "isOneOf", "variants", "decodeOrder", "hasDiscriminator", "discriminatorProperty",
            "discriminatorPropertyLiteral", "isAnyOf", "isParameterValue", "isFirst", "isLast",
        ],
        "property": [
            "name", "memberReference", "jsonName", "jsonNameLiteral", "codingKeyNeedsRawValue", "type", "typeInfo",
            "isOptional", "isRequired", "isRequiredNullable", "isNullableMember", "storageName", "isConstant", "hasDocumentation", "constantExpression", "isAdditionalProperties", "isReadOnly", "isWriteOnly", "isIndirect", "docLines", "isDeprecated", "isFirst", "isLast",
        ],
        "variant": [
            "caseName", "caseReference", "type", "discriminatorValues", "discriminatorValueLiterals", "hasDiscriminatorValues",
            "isFirst", "isLast",
        ],
        "case": ["name", "reference", "rawValue", "rawLiteral", "isFirst", "isLast"],
        "typeInfo": [
            "kind", "swiftType", "wrappedType", "isOptional", "isString", "isInteger", "isDouble", "isFloat", "isBool",
            "isDate", "isData", "isURL", "isUUID", "isJSONValue", "isFile", "isNamed", "isArray", "isDictionary",
            "isStructType", "isEnumType", "isAliasType", "isExternalType", "namedType", "integerBits", "element",
        ],
        "operation": [
            "name", "caseReference", "operationID", "operationIDLiteral", "method", "methodReference", "pathTemplate",
            "pathTemplateLiteral", "pathComponents", "sourcePointer", "tags", "firstTag", "summary", "docLines",
            "hasDocumentation", "pathTemplateText", "operationIDText", "sourcePointerText", "requestContentTypeText",
            "bodyAlternatives", "hasBodyAlternatives", "documentedArguments", "hasDocumentedArguments", "successDescriptionText",
            "hasSuccessDescription", "successStatusList", "bodyStatusList", "bodilessStatusList", "documentedErrors",
            "hasDocumentedErrors",
            "isDeprecated", "arguments", "hasArguments", "hasPathArguments", "hasBoundArguments", "caseSummary",
            "queryArguments", "headerArguments", "cookieArguments", "partArguments", "successStatuses", "returnType",
            "returnTypeInfo", "hasReturnValue", "returnKind", "acceptLiteral", "hasBody", "body", "isFirst", "isLast",
            "returnTypeOrVoid", "isSingleReturn", "isOptionalReturn", "isOutputReturn", "outputTypeName", "successResponses",
            "responseHeaders", "hasResponseHeaders", "responseHeadersTypeName", "headersMethodName", "isMediaTypeVariant",
            "primaryName", "requestContentType", "pagination",
        ],
        "pagination": [
            "methodName", "pageType", "elementType", "pageArguments", "cursorArgumentName", "itemsMember", "itemsIsOptional",
            "nextCursorMember", "hasMoreMember", "hasHasMore", "hasMoreIsOptional",
        ],
        "successResponse": [
            "status", "pattern", "caseName", "caseReference", "payloadType", "hasPayload", "payloadKind", "summaryLine",
            "isFirst", "isLast",
        ],
        "payloadKind": ["isJSON", "isBinary", "isText", "isNone"],
        "responseHeader": [
            "name", "memberReference", "wireName", "wireNameLiteral", "wireNameText", "type", "docLines", "hasDocumentation",
            "isFirst", "isLast",
        ],
        "bodyAlternative": ["name", "contentTypeText", "isFirst", "isLast"],
        "documentedArgument": ["name", "docText"],
        "documentedError": ["status", "descriptionText", "isFirst", "isLast"],
        "pathComponent": ["isLiteral", "isParameter", "text", "name", "isFirst", "isLast"],
        "successStatus": ["status", "isRange", "code", "lowerBound", "upperBound", "isFirst", "isLast"],
        "returnKind": ["isJSON", "isBinary", "isText", "isNone"],
        "body": ["contentTypeLiteral", "isJSON", "isMultipart", "isFormURLEncoded", "isBinary", "isText", "isRequired", "argumentName"],
        "argument": [
            "name", "label", "hasSeparateLabel", "isUnlabeled", "caseLabel", "wireName", "wireNameLiteral", "type",
            "typeInfo", "isOptional", "isRequired", "isArray", "isFile", "explode", "isPath", "isQuery", "isHeader",
            "isCookie", "isJSONBody", "isFormPart", "isRawBody", "isFirst", "isLast", "isBound", "isScalar", "isPlainScalar",
            "isScalarArray", "queryStyle", "isFormValue", "isAdditionalParts", "isFileMap", "isScalarMap", "isPageCursor",
        ],
        "tag": ["name", "nameLiteral", "nameText", "typeName", "memberName", "operations", "operationCount", "isFirst", "isLast"],
        "webhook": [
            "name", "nameLiteral", "caseName", "caseReference", "docLines", "hasPayload", "payloadType", "payloadTypeInfo",
            "isFirst", "isLast", "eventType", "eventTypeLiteral", "hasPinnedType", "isDispatchedByType", "hasDocumentation",
            "nameText", "pinnedTypeText",
        ],
    ]

    /// Every key of every kind of object: what a template may name (a key outside it can never resolve).
    public static let allKeys: Set<String> = Set(keys.values.joined())

    /// The keys whose values are lists or objects (or, for `body` and the `…TypeInfo` keys, `false` when absent) in
    /// every scope: printing one (`{{typeInfo}}`) would write the value's debug dump into Swift, so the linter
    /// refuses it. Sections over them (`{{#properties}}`) and dotted members (`{{typeInfo.swiftType}}`) are fine.
    public static let nonScalarKeys: Set<String> = [
        "additionalImports", "aliasedTypeInfo", "arguments", "auth", "body", "bodyAlternatives", "cases", "documentedArguments",
        "documentedErrors", "cookieArguments", "decodeOrder",
        "discriminatorValues", "docLines", "element", "headerArguments", "imports", "initProperties", "nested", "operations",
        "pageArguments", "pagination", "partArguments", "pathComponents", "payloadKind", "payloadTypeInfo", "properties", "queryArguments",
        "responseHeaders", "returnKind", "returnTypeInfo", "schemas", "servers", "successResponses", "successStatuses",
        "tags", "typeInfo", "variants", "webhooks",
    ]
}
