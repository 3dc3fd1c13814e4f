import BindgenIR

/// A success body read as it arrives (`streams`, `returnStream`): the method's name, the sequence it returns and the
/// media types it asks for.
final class StreamView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let stream: StreamDeclaration

    init(context: TemplateContext, stream: StreamDeclaration) {
        self.context = context
        self.stream = stream
    }

    /// The Swift type of each item (empty for byte chunks).
    var itemType: String {
        switch stream.framing {
        case .serverSentEvents: SwiftSpelling.type(stream.item ?? .string, in: context.catalog)
        case .jsonLines, .jsonSequence: SwiftSpelling.type(stream.item ?? .jsonValue, in: context.catalog)
        case .bytes: ""
        }
    }

    /// The sequence the method returns.
    static func returnType(_ stream: StreamDeclaration, in context: TemplateContext) -> String {
        let view = StreamView(context: context, stream: stream)
        return switch stream.framing {
        case .serverSentEvents: "BindgenRuntime.ServerSentEventStream<\(view.itemType)>"
        case .jsonLines, .jsonSequence: "BindgenRuntime.JSONValueStream<\(view.itemType)>"
        case .bytes: "BindgenRuntime.ResponseBodyStream"
        }
    }

    static let members = ContextMembers<StreamView>("stream", [
        "name": { SwiftSpelling.identifier($0.stream.swiftName) },
        "returnType": { StreamView.returnType($0.stream, in: $0.context) },
        "itemType": { $0.itemType },
        "hasItemSchema": { $0.stream.item != nil },
        "contentTypes": { $0.stream.contentTypes.joined(separator: ", ") },
        "acceptLiteral": { SwiftSpelling.stringLiteral($0.stream.contentTypes.joined(separator: ", ")) },
        "isServerSentEvents": { $0.stream.framing == .serverSentEvents },
        "isJSONLines": { $0.stream.framing == .jsonLines },
        "isJSONSequence": { $0.stream.framing == .jsonSequence },
        "isBytes": { $0.stream.framing == .bytes },
        "summaryLine": { view -> String in
            let types = view.stream.contentTypes.map { "`\($0)`" }.joined(separator: ", ")
            return switch view.stream.framing {
            case .serverSentEvents:
                "server-sent events (\(types)), each one's data " + (view.stream.item == nil ? "as text" : "decoded as `\(view.itemType)`")
            case .jsonLines: "JSON Lines (\(types)), each line decoded as `\(view.itemType)`"
            case .jsonSequence: "a JSON text sequence (\(types)), each value decoded as `\(view.itemType)`"
            case .bytes: "the bytes (\(types)) in chunks"
            }
        },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
