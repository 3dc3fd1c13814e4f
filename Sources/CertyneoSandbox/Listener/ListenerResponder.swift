import Foundation
import HTTPTypes
import Hummingbird

/// Collects the body and calls the listener's handler.
struct ListenerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: WebhookListener.Handler

    /// How long the rest of an oversize body is read and dropped before the `413` goes out (30 s, as a lingering
    /// close does), so that a client that writes its whole body before reading gets the answer instead of blocking
    /// on a connection nobody reads.
    static let drainTime: Duration = .seconds(30)

    func respond(to request: Hummingbird.Request, context: Context) async throws -> Response {
        var body = ByteBuffer()
        var total = 0
        var drainDeadline: ContinuousClock.Instant?
        for try await chunk in request.body {
            total += chunk.readableBytes
            if total <= WebhookListener.maximumBodyBytes {
                body.writeImmutableBuffer(chunk)
            } else if let deadline = drainDeadline {
                if ContinuousClock.now > deadline { break }
            } else {
                drainDeadline = ContinuousClock.now + Self.drainTime
            }
        }
        if total > WebhookListener.maximumBodyBytes {
            var response = Self.response(WebhookListener.Reply(status: 413, body: "body larger than \(WebhookListener.maximumBodyBytes) bytes\n"))
            response.headers[.connection] = "close"
            return response
        }
        let received = WebhookListener.Request(
            method: request.method.rawValue, path: request.uri.path, headers: request.headers, body: Data(body.readableBytesView)
        )
        return Self.response(await handler(received))
    }

    static func response(_ reply: WebhookListener.Reply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        let status = HTTPResponse.Status(code: reply.status)
        guard !reply.body.isEmpty else { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
