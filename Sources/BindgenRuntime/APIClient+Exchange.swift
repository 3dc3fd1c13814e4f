import Foundation

/// One call made ready to send: the HTTP request with every header applied and the prepared body,
/// the same for all attempts.
struct Exchange: Sendable {
    /// The request as the operation built it.
    let request: APIRequest
    /// The request as it goes to the middlewares and the transport.
    let httpRequest: HTTPRequest
    /// The body, prepared once.
    let body: PreparedBody
    /// Whether the request may be repeated without risk of acting twice (see ``RetryPolicy``).
    let replaySafe: Bool
    /// The ``ClientRateLimiter`` bucket of the call's credential.
    let rateLimitKey: String
    /// Where a download's body goes (``APIClient/download(_:to:success:progress:)``); `nil` for an ordinary call.
    var sink: ResponseBodySink?
}

extension APIClient {
    /// Applies User-Agent, Accept, Content-Type, the idempotency key and the credentials, builds
    /// the URL and prepares the body (last, so that nothing is left on disk when an earlier step
    /// throws).
    /// - Throws: ``ClientError/invalidRequest(_:)`` as described on ``send(_:)``.
    func prepareExchange(_ request: APIRequest) async throws(ClientError) -> Exchange {
        var headerFields = request.headerFields
        var queryItems = request.queryItems
        if !configuration.userAgent.isEmpty { headerFields[.userAgent] = configuration.userAgent }
        if let accept = request.accept { headerFields[.accept] = accept }
        if let body = request.body { headerFields[.contentType] = body.contentType }
        var hasIdempotencyKey = false
        if let name = configuration.idempotencyKeyHeader.flatMap({ HTTPField.Name($0) }) {
            if request.method == .post, (headerFields[name] ?? "").isEmpty {
                headerFields[name] = UUID().uuidString.lowercased()
            }
            hasIdempotencyKey = !(headerFields[name] ?? "").isEmpty
        }
        try configuration.authentication?.apply(to: &headerFields, queryItems: &queryItems)

        var finalRequest = request
        finalRequest.queryItems = queryItems
        let url = try Self.url(serverURL: configuration.serverURL, path: request.path, query: finalRequest.encodedQuery)
        let httpRequest = HTTPRequest(method: request.method, url: url, headerFields: headerFields)
        let body = try await PreparedBody.prepare(request.body)
        return Exchange(
            request: request, httpRequest: httpRequest, body: body,
            replaySafe: RetryPolicy.isIdempotent(request.method) || hasIdempotencyKey,
            rateLimitKey: configuration.authentication?.rateLimitKey ?? "")
    }

    /// Sends one attempt through the middlewares and the transport.
    ///
    /// With a deadline, the transport timeout is at most the time left and the exchange is cut off
    /// (in real time) when that runs out.
    func sendOnce(_ exchange: Exchange, attempt: Int, deadline: Duration?) async -> Result<APIResponse, ClientError> {
        let operationID = exchange.request.operationID
        var timeout = configuration.timeout
        var remaining: Duration?
        if let deadline {
            let left = deadline - configuration.clock.now
            guard left > .zero else { return .failure(.timedOut(operationID: operationID)) }
            remaining = left
            timeout = min(timeout ?? left, left)
        }
        let context = MiddlewareContext(
            operationID: operationID, pathTemplate: exchange.request.pathTemplate, attempt: attempt, timeout: timeout,
            secrets: configuration.authentication?.secrets ?? [])
        let chain = middlewareChain(context: context, timeout: timeout, sink: exchange.sink)
        do {
            let (head, data) = try await Self.run(chain, exchange.httpRequest, exchange.body.transportBody, within: remaining)
            return .success(APIResponse(request: exchange.request, status: head.status.code,
                                        headerFields: head.headerFields, body: data))
        } catch is DeadlineExceeded {
            return .failure(.timedOut(operationID: operationID))
        } catch {
            return .failure(mapTransportError(error, operationID: operationID))
        }
    }

    /// The configured middlewares around the transport, outermost first.
    /// With a `sink`, the transport streams an accepted body into it, and the middlewares see that response with
    /// an empty body.
    private func middlewareChain(context: MiddlewareContext, timeout: Duration?, sink: ResponseBodySink?) -> ClientMiddleware.Next {
        let transport = configuration.transport
        var next: ClientMiddleware.Next = { request, body in
            if let sink { return try await transport.download(request, body: body, timeout: timeout, into: sink) }
            return try await transport.send(request, body: body, timeout: timeout)
        }
        for middleware in configuration.middlewares.reversed() {
            let inner = next
            next = { request, body in
                try await middleware.intercept(request, body: body, context: context, next: inner)
            }
        }
        return next
    }

    /// Runs `chain`, racing it against `limit` when there is one.
    /// - Throws: ``DeadlineExceeded`` when `limit` passes first, else what `chain` throws.
    private static func run(_ chain: @escaping ClientMiddleware.Next, _ request: HTTPRequest, _ body: TransportBody?,
                            within limit: Duration?) async throws -> (HTTPResponse, Data) {
        guard let limit else { return try await chain(request, body) }
        return try await withThrowingTaskGroup(of: (HTTPResponse, Data).self) { group in
            group.addTask { try await chain(request, body) }
            group.addTask {
                try await Task.sleep(for: limit)
                throw DeadlineExceeded()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw DeadlineExceeded() }
            return first
        }
    }
}

/// The per-call deadline passed while an attempt was in flight.
struct DeadlineExceeded: Error {}
