import Foundation

/// A response as the sandbox builds it: plain data, so an idempotent replay can store and repeat
/// it byte for byte before it becomes a Hummingbird `Response`.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    static func json(_ value: some Encodable, status: Int = 200) -> HTTPReply {
        encoded(value, status: status, contentType: "application/json")
    }

    static func problem(_ problem: Problem, requestID: String, instance: String) -> HTTPReply {
        var reply = encoded(
            problem.body(requestID: requestID, instance: instance), status: problem.status,
            contentType: "application/problem+json"
        )
        for header in problem.headers {
            reply.setHeader(header.name, header.value)
        }
        return reply
    }

    static func noContent() -> HTTPReply {
        HTTPReply(status: 204)
    }

    static func pdf(_ bytes: [UInt8], fileName: String) -> HTTPReply {
        HTTPReply(
            status: 200,
            headers: [("Content-Type", "application/pdf"), ("Content-Disposition", "attachment; filename=\"\(fileName)\"")],
            body: bytes
        )
    }

    static func html(_ text: String) -> HTTPReply {
        HTTPReply(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }

    private static func encoded(_ value: some Encodable, status: Int, contentType: String) -> HTTPReply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else {
            let fallback = #"{"type":"https://certyneo.com/problems/internal-error","title":"Internal error","status":500,"code":"internal_error","requestId":""}"#
            return HTTPReply(status: 500, headers: [("Content-Type", "application/problem+json")], body: Array(fallback.utf8))
        }
        return HTTPReply(status: status, headers: [("Content-Type", contentType)], body: Array(data))
    }
}
