import BindgenIR

/// One piece of an operation's path (`pathComponents`): literal text or a path parameter.
final class PathComponentView: ContextObject, @unchecked Sendable {
    let component: PathComponent
    let position: ContextPosition

    init(component: PathComponent, position: ContextPosition) {
        self.component = component
        self.position = position
    }

    static let members = ContextMembers<PathComponentView>("pathComponent", [
        "isLiteral": { if case .literal = $0.component { true } else { false } },
        "isParameter": { if case .parameter = $0.component { true } else { false } },
        "text": { view in if case .literal(let text) = view.component { SwiftSpelling.stringLiteralContents(text) } else { "" } },
        "name": { view in if case .parameter(let name) = view.component { SwiftSpelling.identifier(name) } else { "" } },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// Another method for the same operation with another request media type (`bodyAlternatives`), comment-safe.
final class BodyAlternativeView: ContextObject, @unchecked Sendable {
    let name: String
    let contentType: String
    let position: ContextPosition

    init(name: String, contentType: String, position: ContextPosition) {
        self.name = name
        self.contentType = contentType
        self.position = position
    }

    static let members = ContextMembers<BodyAlternativeView>("bodyAlternative", [
        "name": { SwiftSpelling.commentText($0.name) },
        "contentTypeText": { SwiftSpelling.commentText($0.contentType) },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// An argument with documentation, for the `- Parameters:` list (`documentedArguments`), comment-safe.
final class DocumentedArgumentView: ContextObject, @unchecked Sendable {
    let argument: ArgumentDeclaration

    init(argument: ArgumentDeclaration) {
        self.argument = argument
    }

    static let members = ContextMembers<DocumentedArgumentView>("documentedArgument", [
        "name": { SwiftSpelling.commentText($0.argument.swiftName) },
        "docText": { SwiftSpelling.commentText($0.argument.documentation.joined(separator: " ")) },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// A documented error response (`documentedErrors`; 429 is left to the rate-limit sentence), comment-safe.
final class DocumentedErrorView: ContextObject, @unchecked Sendable {
    let status: String
    let description: String
    let position: ContextPosition

    init(status: String, description: String, position: ContextPosition) {
        self.status = status
        self.description = description
        self.position = position
    }

    static let members = ContextMembers<DocumentedErrorView>("documentedError", [
        "status": { SwiftSpelling.commentText($0.status) },
        "descriptionText": { SwiftSpelling.commentText($0.description) },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
