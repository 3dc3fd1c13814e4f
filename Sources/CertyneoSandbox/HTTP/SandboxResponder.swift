import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Answers every request: routing (404/405), Bearer authentication (401), rate limiting (429),
/// body limits (413), idempotent replays, problem rendering and the `X-Request-Id` header; injects
/// the configured faults (``SandboxConfiguration/FaultInjection``) and counts the answers.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext

    let routes: RouteTable
    let store: SandboxStore
    let rateLimiter: RateLimiter?
    let idempotency: IdempotencyCache
    let maxBodyBytes: Int
    let logger: Logger?
    /// Injects faults and counts answers; `nil` does neither.
    var monitor: TrafficMonitor? = nil

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestID = IdentifierGenerator.make(.request)
        let path = request.uri.path
        let fault = await drawFault(method: request.method.rawValue, path: path)
        if fault == .dropBeforeProcessing { return await dropConnection(context) }
        var reply: HTTPReply
        do {
            if let problem = injectedProblem(fault) { throw problem }
            reply = try await handle(request, path: path, requestID: requestID)
        } catch let problem as Problem {
            reply = .problem(problem, requestID: requestID, instance: path)
        } catch {
            reply = .problem(.internalError("The sandbox failed to answer: \(error)"), requestID: requestID, instance: path)
        }
        if reply.header("X-Request-Id") == nil {
            reply.setHeader("X-Request-Id", requestID)
        }
        if fault == .dropAfterProcessing { return await dropConnection(context) }
        await monitor?.record(status: reply.status)
        logger?.info("\(request.method.rawValue) \(path) \(reply.status)")
        return Self.response(reply)
    }

    private func handle(_ request: Request, path: String, requestID: String) async throws -> HTTPReply {
        let method = request.method.rawValue
        switch routes.match(method: method, path: path) {
        case .notFound:
            throw Problem.notFound("No route for \(method) \(path).")
        case .methodNotAllowed(let allowed):
            throw Problem.methodNotAllowed(method, path: path, allowed: allowed)
        case .found(let route, let parameters):
            var caller: Caller?
            if route.access == .apiKey {
                let authenticated = try await authenticate(request)
                if let rateLimiter, let wait = await rateLimiter.take(for: authenticated.keyID) {
                    throw Problem.rateLimited(retryAfter: wait)
                }
                caller = authenticated
            }
            let routeRequest = RouteRequest(
                method: method, path: path, parameters: parameters, query: QueryParameters(request.uri.query),
                headers: request.headers, body: try await readBody(request), requestID: requestID, caller: caller
            )
            if method == "POST", let caller, let key = routeRequest.header("Idempotency-Key") {
                return try await idempotent(route, routeRequest, caller: caller, key: key)
            }
            return try await route.handler(routeRequest)
        }
    }

    private func authenticate(_ request: Request) async throws -> Caller {
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized("Send an API key as Authorization: Bearer sk_test_….")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("The Authorization header must be Bearer <API key>.")
        }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        switch await store.authenticate(secret: secret) {
        case .valid(let caller): return caller
        case .revoked: throw Problem.unauthorized("This API key has been revoked.")
        case .unknown: throw Problem.unauthorized("This API key is not valid.")
        }
    }

    /// The whole body, refusing (413) one longer than the limit, early when `Content-Length` says
    /// so and otherwise as it streams in.
    private func readBody(_ request: Request) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            throw Problem.payloadTooLarge(limit: maxBodyBytes)
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= maxBodyBytes else {
                throw Problem.payloadTooLarge(limit: maxBodyBytes)
            }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// Runs a POST at most once per (account, `Idempotency-Key`): a repeat replays the stored
    /// answer; the same key with another request answers 422.
    private func idempotent(_ route: RouteTable.Route, _ request: RouteRequest, caller: Caller, key: String) async throws -> HTTPReply {
        guard !key.isEmpty else { return try await route.handler(request) }
        guard key.unicodeScalars.count <= 255 else {
            throw Problem.validation(
                path: FieldPath.root.appending("Idempotency-Key"),
                message: "The Idempotency-Key header must be at most 255 characters long.", code: "too_long"
            )
        }
        let cacheKey = IdempotencyCache.Key(accountID: caller.accountID, value: key)
        let fingerprint = RequestFingerprint.make(request)
        switch await idempotency.begin(cacheKey, fingerprint: fingerprint) {
        case .replay(var reply):
            reply.setHeader("Idempotent-Replayed", "true")
            return reply
        case .mismatch:
            throw Problem.idempotencyKeyReused()
        case .proceed:
            var reply: HTTPReply
            do {
                reply = try await route.handler(request)
            } catch let problem as Problem {
                reply = .problem(problem, requestID: request.requestID, instance: request.path)
            } catch {
                await idempotency.finish(cacheKey, fingerprint, reply: nil)
                throw error
            }
            reply.setHeader("X-Request-Id", request.requestID)
            // Only a success is kept: a request that failed may be corrected and retried with the key.
            await idempotency.finish(cacheKey, fingerprint, reply: (200..<300).contains(reply.status) ? reply : nil)
            return reply
        }
    }

    private static func response(_ reply: HTTPReply) -> Response {
        var fields = HTTPFields()
        for header in reply.headers {
            if let name = HTTPField.Name(header.name) {
                fields.append(HTTPField(name: name, value: header.value))
            }
        }
        let status = HTTPResponse.Status(code: reply.status)
        guard !reply.body.isEmpty else { return Response(status: status, headers: fields) }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
