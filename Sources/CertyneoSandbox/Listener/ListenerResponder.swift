import Foundation
import HTTPTypes
import Hummingbird

/// Collects the body and calls the listener's handler.
struct ListenerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: WebhookListener.Handler

    func respond(to request: Hummingbird.Request, context: Context) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: WebhookListener.maximumBodyBytes)
        } catch {
            return Self.response(WebhookListener.Reply(status: 413, body: "body larger than \(WebhookListener.maximumBodyBytes) bytes\n"))
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
