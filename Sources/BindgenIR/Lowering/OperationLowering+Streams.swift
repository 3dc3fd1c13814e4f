import Foundation
import OpenAPIModel

/// Success bodies read as they arrive: server-sent events, JSON Lines and JSON text sequences get a method each,
/// whose items decode into the document's schema for them.
extension OperationLowering {
    /// The framing of a streamed media type; `nil` for a media type read whole.
    static func streamFraming(_ contentType: String) -> StreamDeclaration.Framing? {
        let base = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch base {
        case "text/event-stream": return .serverSentEvents
        case "application/jsonl", "application/x-ndjson", "application/ndjson", "application/x-jsonlines",
             "application/jsonlines", "application/json-lines":
            return .jsonLines
        case "application/json-seq": return .jsonSequence
        default: return nil
        }
    }

    /// The media types of `content` read whole (not streamed).
    static func wholeMedia(_ content: [MediaType]) -> [MediaType] {
        content.filter { streamFraming($0.contentType) == nil }
    }

    /// One declaration per framing the success responses offer, in the order the document first lists each, with
    /// every media type of that framing (`application/jsonl` and `application/x-ndjson` share one method).
    func streamDeclarations(_ successes: [Response], typePrefix: String) -> [StreamDeclaration] {
        var streams: [StreamDeclaration] = []
        for response in successes {
            for media in response.content {
                guard let framing = Self.streamFraming(media.contentType) else { continue }
                if let index = streams.firstIndex(where: { $0.framing == framing }) {
                    if !streams[index].contentTypes.contains(media.contentType) { streams[index].contentTypes.append(media.contentType) }
                    continue
                }
                let suffix = switch framing {
                case .serverSentEvents: "Events"
                case .jsonLines: "Lines"
                case .jsonSequence: "JSONSequence"
                case .bytes: "Chunks"
                }
                let item = streamItem(media, framing: framing, name: typePrefix + (framing == .serverSentEvents ? "Event" : "Item"))
                streams.append(StreamDeclaration(framing: framing, item: item, contentTypes: [media.contentType], suffix: suffix))
            }
        }
        return streams
    }

    /// The type of each item of a streamed media type.
    ///
    /// - JSON Lines and JSON text sequences: `itemSchema` (OpenAPI 3.2), else `schema` (3.0 and 3.1 documents put
    ///   the item's schema there); any JSON value without either.
    /// - Server-sent events: 3.2's `itemSchema` describes the event (`event`, `data`, `id`, `retry`): its `data`
    ///   property's `contentSchema` is the data's type, a `data` of another non-string schema is that schema, a
    ///   string is text. A 3.0/3.1 `schema` is the type of each event's `data`, unless it is a string (text).
    func streamItem(_ media: MediaType, framing: StreamDeclaration.Framing, name: String) -> TypeUsage? {
        switch framing {
        case .jsonLines, .jsonSequence:
            guard let schema = media.itemSchema ?? media.schema, !schemas.resolve(schema).isUnconstrained else { return .jsonValue }
            return bodyType(schema, name: name)
        case .serverSentEvents:
            if let itemSchema = media.itemSchema {
                let event = schemas.resolve(itemSchema)
                guard let data = event.properties.first(where: { $0.name == "data" })?.schema else {
                    diagnostics.warning(
                        "the itemSchema of \(media.contentType) at \(itemSchema.address.fragment) has no `data` property; each event's data is read as text",
                        at: itemSchema.location)
                    return nil
                }
                let resolved = schemas.resolve(data)
                if let content = resolved.contentSchema { return bodyType(content, name: name) }
                return Self.isText(resolved) ? nil : bodyType(data, name: name)
            }
            guard let schema = media.schema else { return nil }
            return Self.isText(schemas.resolve(schema)) ? nil : bodyType(schema, name: name)
        case .bytes:
            return nil
        }
    }

    /// Whether a resolved schema describes plain text (a string, or anything at all).
    static func isText(_ schema: Schema) -> Bool {
        schema.isUnconstrained || schema.nonNullTypes == ["string"]
    }
}
