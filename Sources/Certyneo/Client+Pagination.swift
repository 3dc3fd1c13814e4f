public import BindgenRuntime

extension Client {
    /// Every envelope, newest first, fetched lazily page by page through `startingAfter`.
    ///
    /// ```swift
    /// for try await envelope in client.allEnvelopes(status: .sent) { print(envelope.id) }
    /// ```
    /// - Parameters:
    ///   - status: Only envelopes in this state; `nil` for all.
    ///   - pageSize: Items per request, 1 to 100; `nil` for the server's default.
    /// - Returns: A sequence whose iteration throws the ``BindgenRuntime/ClientError`` of a failed page.
    public func allEnvelopes(status: EnvelopeStatus? = nil, pageSize: Int32? = nil) -> PageSequence<EnvelopeList, Envelope> {
        PageSequence(
            fetch: { cursor throws(ClientError) in
                try await self.listEnvelopes(limit: pageSize, startingAfter: cursor, status: status)
            },
            items: \.data, nextCursor: { $0.hasMore ? $0.nextCursor : nil })
    }

    /// Every document, newest first, fetched lazily page by page.
    /// - Parameter pageSize: Items per request, 1 to 100; `nil` for the server's default.
    public func allDocuments(pageSize: Int32? = nil) -> PageSequence<DocumentList, Document> {
        PageSequence(
            fetch: { cursor throws(ClientError) in try await self.listDocuments(limit: pageSize, startingAfter: cursor) },
            items: \.data, nextCursor: { $0.hasMore ? $0.nextCursor : nil })
    }

    /// Every webhook, fetched lazily page by page.
    /// - Parameter pageSize: Items per request, 1 to 100; `nil` for the server's default.
    public func allWebhooks(pageSize: Int32? = nil) -> PageSequence<WebhookList, Webhook> {
        PageSequence(
            fetch: { cursor throws(ClientError) in try await self.listWebhooks(limit: pageSize, startingAfter: cursor) },
            items: \.data, nextCursor: { $0.hasMore ? $0.nextCursor : nil })
    }

    /// Every API key of the account (secrets not included), fetched lazily page by page.
    /// - Parameter pageSize: Items per request, 1 to 100; `nil` for the server's default.
    public func allAPIKeys(pageSize: Int32? = nil) -> PageSequence<APIKeyList, APIKey> {
        PageSequence(
            fetch: { cursor throws(ClientError) in try await self.listAPIKeys(limit: pageSize, startingAfter: cursor) },
            items: \.data, nextCursor: { $0.hasMore ? $0.nextCursor : nil })
    }
}
