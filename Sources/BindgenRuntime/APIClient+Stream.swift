import Foundation

extension APIClient {
    /// How many bytes of a streamed body the transport reads ahead of the consumer: 1 MiB.
    public static let streamBufferLimit = 1 << 20

    /// Sends a request and returns as soon as the head of a successful response is in, with its body as a
    /// ``ResponseBodyStream`` that yields chunks as they arrive: for server-sent events, JSON Lines, and binary bodies read
    /// piece by piece.
    ///
    /// Retries, rate limiting, middlewares and the deadline apply as for ``send(_:)`` until the method returns
    /// (middlewares see the response with an empty body); nothing is retried after that. The transport's timeout
    /// still applies while the body streams (`URLSessionTransport`: between two chunks; `AsyncHTTPClientTransport`:
    /// to the whole exchange), and so does ``ClientConfiguration/deadline``.
    ///
    /// ```swift
    /// let request = try Endpoint.getSignedDocument(id: envelopeID).makeRequest(using: client.runtime)
    /// let (response, body) = try await client.runtime.stream(request)
    /// for try await chunk in body { hash.update(data: chunk) }
    /// ```
    ///
    /// - Parameters:
    ///   - request: The request; its `accept` says which media type to ask for.
    ///   - success: Which statuses are the operation's successes (default 2xx); another status throws the error it
    ///     stands for (``error(for:)``), its body read whole.
    /// - Returns: The response head (status and header fields; `body` empty) and the body.
    /// - Throws: What ``send(_:)`` throws; ``error(for:)``'s error for a status `success` rejects.
    public func stream(
        _ request: APIRequest, success: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) }
    ) async throws(ClientError) -> (response: APIResponse, body: ResponseBodyStream) {
        var exchange = try await prepareExchange(request)
        let buffer = ResponseBodyBuffer(limit: Self.streamBufferLimit, operationID: request.operationID)
        exchange.sink = ResponseBodySink(streamingTo: buffer, success: success)
        let prepared = exchange
        let task = Task {
            defer { prepared.body.discard() }
            do throws(ClientError) {
                buffer.finish(.success(try await self.perform(prepared)))
            } catch {
                buffer.finish(.failure(error))
            }
        }
        buffer.onCancel { task.cancel() }
        let start = await withTaskCancellationHandler {
            await buffer.waitForStart()
        } onCancel: {
            task.cancel()
        }
        switch start {
        case .began(let head):
            let response = APIResponse(request: request, status: head.status.code, headerFields: head.headerFields, body: Data())
            Self.recorder?.record(response)
            return (response, ResponseBodyStream(buffer: buffer, exchange: task))
        case .ended(let response):
            Self.recorder?.record(response)
            guard success(response.status) else { throw error(for: response) }
            return (response, ResponseBodyStream(response.body))
        case .failed(let error):
            throw error
        }
    }

    /// ``stream(_:success:)`` read as server-sent events whose `data` is JSON decoded into `type` with
    /// ``ClientConfiguration/decoder``.
    /// - Throws: What ``stream(_:success:)`` throws; iteration throws as ``ServerSentEventStream`` says.
    public func eventStream<Value: Decodable & Sendable>(
        _ request: APIRequest, of type: Value.Type, success: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) }
    ) async throws(ClientError) -> ServerSentEventStream<Value> {
        let (response, body) = try await stream(request, success: success)
        let decode = jsonDecoder(type, for: response)
        return ServerSentEventStream(body: body) { text throws(ClientError) in try decode(Data(text.utf8)) }
    }

    /// ``stream(_:success:)`` read as server-sent events whose `data` is kept as text (a stream the document gives no schema).
    /// - Throws: What ``stream(_:success:)`` throws; iteration throws as ``ServerSentEventStream`` says.
    public func eventStream(
        _ request: APIRequest, success: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) }
    ) async throws(ClientError) -> ServerSentEventStream<String> {
        let (_, body) = try await stream(request, success: success)
        return ServerSentEventStream(body: body) { $0 }
    }

    /// ``stream(_:success:)`` read as JSON Lines or JSON text sequences, each value decoded into `type` with
    /// ``ClientConfiguration/decoder``.
    /// - Throws: What ``stream(_:success:)`` throws; iteration throws as ``JSONValueStream`` says.
    public func jsonStream<Value: Decodable & Sendable>(
        _ request: APIRequest, of type: Value.Type, framing: JSONValueStream<Value>.Framing,
        success: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) }
    ) async throws(ClientError) -> JSONValueStream<Value> {
        let (response, body) = try await stream(request, success: success)
        return JSONValueStream(body: body, framing: framing, decode: jsonDecoder(type, for: response))
    }

    /// A decoder of one streamed JSON value, failing as ``decodeJSON(_:from:)`` does (the value's text in `bodyPrefix`).
    private func jsonDecoder<Value: Decodable>(_ type: Value.Type, for response: APIResponse) -> @Sendable (Data) throws(ClientError) -> Value {
        let decoder = configuration.decoder
        let operationID = response.request.operationID
        let status = response.status
        let requestID = response.requestID
        return { data throws(ClientError) in
            try JSONBody.decode(Value.self, from: data, decoder: decoder, operationID: operationID, status: status, requestID: requestID)
        }
    }
}
