import BindgenIR

extension TemplateContext {
    /// The operation-scope context of one operation.
    public func operation(_ op: OperationDeclaration) -> [String: Any] {
        let arguments = op.arguments.enumerated().map { index, argument in
            var entry = self.argument(argument, isFirst: index == 0, isLast: index == op.arguments.count - 1)
            entry["isPageCursor"] = argument.swiftName == op.pagination?.cursorArgument
            return entry
        }
        let pathComponents = op.pathComponents.enumerated().map { index, component -> [String: Any] in
            var entry: [String: Any] = ["isLiteral": false, "isParameter": false, "text": "", "name": "",
                                        "isFirst": index == 0, "isLast": index == op.pathComponents.count - 1]
            switch component {
            case .literal(let text):
                entry["isLiteral"] = true
                entry["text"] = SwiftSpelling.stringLiteralContents(text)
            case .parameter(let name):
                entry["isParameter"] = true
                entry["name"] = SwiftSpelling.identifier(name)
            }
            return entry
        }
        let text = SwiftSpelling.commentText
        // The sentences of the operation's comment are in `operationDocComment.mustache`; these are its facts.
        let bodyAlternatives = op.body == nil ? [] : op.bodyAlternatives.enumerated().map { index, alternative -> [String: Any] in
            ["name": text(alternative.swiftName), "contentTypeText": text(alternative.contentType),
             "isFirst": index == 0, "isLast": index == op.bodyAlternatives.count - 1]
        }
        let documentedArguments = op.arguments.filter { !$0.documentation.isEmpty }.map { argument -> [String: Any] in
            ["name": text(argument.swiftName), "docText": text(argument.documentation.joined(separator: " "))]
        }
        var returnType = ""
        var jsonReturn: TypeUsage?
        var returnKind: [String: Bool] = ["isJSON": false, "isBinary": false, "isText": false, "isNone": false]
        switch op.success.body {
        case .none: returnKind["isNone"] = true
        case .json(let usage):
            jsonReturn = usage
            returnKind["isJSON"] = true
            returnType = SwiftSpelling.type(usage)
        case .binary:
            returnKind["isBinary"] = true
            returnType = SwiftSpelling.type(.data)
        case .text:
            returnKind["isText"] = true
            returnType = SwiftSpelling.type(.string)
        }
        var outputTypeName = ""
        switch op.success.shape {
        case .single: break
        case .optional:
            returnType += "?"
        case .perStatus(let typeName):
            outputTypeName = SwiftSpelling.identifier(typeName)
            returnType = outputTypeName
        }
        let bodiless = op.success.responses.filter { $0.body == .none }.map(\.status)
        let successResponses = op.success.responses.enumerated().map { index, response -> [String: Any] in
            var payloadType = ""
            var kind: [String: Bool] = ["isJSON": false, "isBinary": false, "isText": false, "isNone": false]
            switch response.body {
            case .none: kind["isNone"] = true
            case .json(let usage): kind["isJSON"] = true; payloadType = SwiftSpelling.type(usage)
            case .binary: kind["isBinary"] = true; payloadType = SwiftSpelling.type(.data)
            case .text: kind["isText"] = true; payloadType = SwiftSpelling.type(.string)
            }
            let pattern: String
            if let code = Int(response.status) {
                pattern = String(code)
            } else {
                let first = response.status.first?.wholeNumberValue ?? 2
                pattern = "\(first * 100)..<\(first * 100 + 100)"
            }
            return [
                "status": response.status, "pattern": pattern,
                "caseName": SwiftSpelling.identifier(response.caseName), "caseReference": SwiftSpelling.memberReference(response.caseName),
                "payloadType": payloadType, "hasPayload": !payloadType.isEmpty, "payloadKind": kind,
                "summaryLine": SwiftSpelling.singleLine("`\(response.status)`" + (response.description.map { ": \($0)" } ?? "")),
                "isFirst": index == 0, "isLast": index == op.success.responses.count - 1,
            ]
        }
        let responseHeaders = op.responseHeaders.enumerated().map { index, header -> [String: Any] in
            [
                "name": SwiftSpelling.identifier(header.swiftName), "memberReference": SwiftSpelling.memberReference(header.swiftName),
                "wireName": header.wireName, "wireNameLiteral": SwiftSpelling.stringLiteral(header.wireName),
                "type": SwiftSpelling.type(header.type),
                "docLines": SwiftSpelling.docComment(header.documentation),
                "hasDocumentation": !header.documentation.isEmpty,
                "wireNameText": SwiftSpelling.commentText(header.wireName),
                "isFirst": index == 0, "isLast": index == op.responseHeaders.count - 1,
            ]
        }
        let documentedErrors = op.errorResponses.filter { $0.status != "429" }
        let errors = documentedErrors.enumerated().map { index, response -> [String: Any] in
            ["status": text(response.status), "descriptionText": text(response.description),
             "isFirst": index == 0, "isLast": index == documentedErrors.count - 1]
        }
        let statuses = op.success.statuses.isEmpty ? ["2XX"] : op.success.statuses
        let successStatuses = statuses.enumerated().map { index, status -> [String: Any] in
            var entry: [String: Any] = ["status": status, "isRange": false, "code": 0, "lowerBound": 0, "upperBound": 0,
                                        "isFirst": index == 0, "isLast": index == statuses.count - 1]
            if let code = Int(status) {
                entry["code"] = code
            } else {
                let first = status.first?.wholeNumberValue ?? 2
                entry["isRange"] = true
                entry["lowerBound"] = first * 100
                entry["upperBound"] = first * 100 + 100
            }
            return entry
        }
        let accept = op.acceptedContentTypes.joined(separator: ", ")
        var context: [String: Any] = [
            "name": SwiftSpelling.identifier(op.swiftName),
            "caseReference": SwiftSpelling.memberReference(op.swiftName),
            "operationID": op.operationID,
            "operationIDLiteral": SwiftSpelling.stringLiteral(op.operationID),
            "method": op.method,
            "methodReference": op.method.lowercased(),
            "pathTemplate": op.pathTemplate,
            "pathTemplateLiteral": SwiftSpelling.stringLiteral(op.pathTemplate),
            "pathComponents": pathComponents,
            "sourcePointer": op.sourcePointer,
            "tags": op.tags,
            "firstTag": op.tags.first ?? "",
            "summary": op.summary ?? "",
            "docLines": SwiftSpelling.docComment(op.documentation),
            "hasDocumentation": !op.documentation.isEmpty,
            "pathTemplateText": text(op.pathTemplate),
            "operationIDText": text(op.operationID),
            "sourcePointerText": text(op.sourcePointer),
            "requestContentTypeText": text(op.body?.contentType ?? ""),
            "bodyAlternatives": bodyAlternatives,
            "hasBodyAlternatives": !bodyAlternatives.isEmpty,
            "documentedArguments": documentedArguments,
            "hasDocumentedArguments": !documentedArguments.isEmpty,
            "successDescriptionText": text(op.success.description ?? ""),
            "hasSuccessDescription": op.success.description != nil,
            "successStatusList": text(op.success.statuses.joined(separator: ", ")),
            "bodyStatusList": text(op.success.responses.filter { $0.body != .none }.map(\.status).joined(separator: ", ")),
            "bodilessStatusList": text(bodiless.joined(separator: ", ")),
            "documentedErrors": errors,
            "hasDocumentedErrors": !errors.isEmpty,
            "isDeprecated": op.deprecated,
            "arguments": arguments,
            "hasArguments": !arguments.isEmpty,
            "hasPathArguments": op.arguments.contains { $0.role == .path },
            "hasBoundArguments": op.arguments.contains { $0.role != .path },
            "caseSummary": SwiftSpelling.singleLine(op.summary ?? "`\(op.method) \(op.pathTemplate)`"),
            "queryArguments": arguments.filter { $0["isQuery"] as? Bool == true },
            "headerArguments": arguments.filter { $0["isHeader"] as? Bool == true },
            "cookieArguments": arguments.filter { $0["isCookie"] as? Bool == true },
            "partArguments": arguments.filter {
                $0["isFormPart"] as? Bool == true || $0["isFormValue"] as? Bool == true || $0["isAdditionalParts"] as? Bool == true
            },
            "isMediaTypeVariant": op.primaryName != nil,
            "primaryName": op.primaryName.map(SwiftSpelling.identifier) ?? "",
            "requestContentType": op.body?.contentType ?? "",
            "successStatuses": successStatuses,
            "returnType": returnType,
            "returnTypeInfo": jsonReturn.map(typeInfo) ?? false,
            "hasReturnValue": !returnType.isEmpty,
            "returnTypeOrVoid": returnType.isEmpty ? "Swift.Void" : returnType,
            "isSingleReturn": op.success.shape == .single,
            "isOptionalReturn": op.success.shape == .optional,
            "isOutputReturn": !outputTypeName.isEmpty,
            "outputTypeName": outputTypeName,
            "successResponses": successResponses,
            "responseHeaders": responseHeaders,
            "hasResponseHeaders": !responseHeaders.isEmpty,
            "responseHeadersTypeName": op.responseHeadersTypeName.map(SwiftSpelling.identifier) ?? "",
            "headersMethodName": op.headersMethodName.map(SwiftSpelling.identifier) ?? "",
            "returnKind": returnKind,
            "acceptLiteral": SwiftSpelling.stringLiteral(accept.isEmpty ? "*/*" : accept),
            "hasBody": op.body != nil,
            "body": false,
            "pagination": pagination(op),
        ]
        if let body = op.body {
            context["body"] = [
                "contentTypeLiteral": SwiftSpelling.stringLiteral(body.contentType),
                "isJSON": body.encoding == .json, "isMultipart": body.encoding == .multipart,
                "isFormURLEncoded": body.encoding == .formURLEncoded, "isBinary": body.encoding == .binary,
                "isText": body.encoding == .text, "isRequired": body.required,
                "argumentName": op.arguments.first { $0.role == .jsonBody || $0.role == .rawBody }.map { SwiftSpelling.identifier($0.swiftName) } ?? "body",
            ] as [String: Any]
        }
        return context
    }

    func elementType(_ usage: TypeUsage) -> TypeUsage {
        if case .array(let element) = usage.unwrapped { return element }
        return usage
    }

    func argument(_ argument: ArgumentDeclaration, isFirst: Bool, isLast: Bool) -> [String: Any] {
        let name = SwiftSpelling.identifier(argument.swiftName)
        let label = argument.label ?? argument.swiftName
        var isArray = false
        var isFile = false
        var mapValue: TypeUsage?
        switch argument.type.unwrapped {
        case .array(let element):
            isArray = true
            isFile = element == .file
        case .file: isFile = true
        case .dictionary(let value): mapValue = value
        default: break
        }
        return [
            "name": name,
            "label": label == argument.swiftName ? name : label,
            "hasSeparateLabel": label != argument.swiftName,
            "caseLabel": argument.role == .jsonBody || argument.role == .rawBody ? name : name,
            "wireName": argument.wireName,
            "wireNameLiteral": SwiftSpelling.stringLiteral(argument.wireName),
            "type": SwiftSpelling.type(argument.type),
            "typeInfo": typeInfo(argument.type),
            "isUnlabeled": label == "_",
            "isOptional": argument.type.isOptional,
            "isRequired": argument.required,
            "isArray": isArray,
            "isFile": isFile,
            "explode": argument.explode,
            "isPath": argument.role == .path, "isQuery": argument.role == .query, "isHeader": argument.role == .header,
            "isCookie": argument.role == .cookie, "isJSONBody": argument.role == .jsonBody, "isFormPart": argument.role == .formPart,
            "isRawBody": argument.role == .rawBody,
            "isFormValue": argument.role == .formValue,
            "isAdditionalParts": argument.role == .additionalParts,
            "isFileMap": mapValue == .file,
            "isScalarMap": mapValue.map { Self.isScalar($0, named: scalarTypeNames) } ?? false,
            "isFirst": isFirst,
            "isLast": isLast,
            "isBound": argument.role != .path,
            "isScalar": Self.isScalar(argument.type, named: scalarTypeNames) || (isArray && Self.isScalar(elementType(argument.type), named: scalarTypeNames)),
            "isPlainScalar": !isArray && Self.isScalar(argument.type, named: scalarTypeNames),
            "isScalarArray": isArray && Self.isScalar(elementType(argument.type), named: scalarTypeNames),
            "queryStyle": ["form", "spaceDelimited", "pipeDelimited", "deepObject"].contains(argument.style) ? argument.style : "form",
        ]
    }

    /// The `pagination` object of an operation (`false` when it does not page): what the `all…` method needs.
    func pagination(_ op: OperationDeclaration) -> Any {
        guard let pagination = op.pagination else { return false }
        let kept = op.arguments.filter { $0.swiftName != pagination.cursorArgument }
        let arguments = kept.enumerated().map { index, argument in
            self.argument(argument, isFirst: index == 0, isLast: index == kept.count - 1)
        }
        return [
            "methodName": SwiftSpelling.identifier(pagination.methodName),
            "pageType": SwiftSpelling.type(.named(pagination.pageType)),
            "elementType": SwiftSpelling.type(pagination.element),
            "pageArguments": arguments,
            "cursorArgumentName": SwiftSpelling.identifier(pagination.cursorArgument),
            "itemsMember": SwiftSpelling.memberReference(pagination.itemsMember),
            "itemsIsOptional": pagination.itemsIsOptional,
            "nextCursorMember": SwiftSpelling.memberReference(pagination.nextCursorMember),
            "hasMoreMember": pagination.hasMoreMember.map(SwiftSpelling.memberReference) ?? "",
            "hasHasMore": pagination.hasMoreMember != nil,
            "hasMoreIsOptional": pagination.hasMoreIsOptional,
        ] as [String: Any]
    }
}
