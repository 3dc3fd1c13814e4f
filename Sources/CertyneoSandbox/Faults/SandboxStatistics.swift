/// What a running sandbox holds and has answered (``SandboxServer/statistics()``), across all
/// accounts: for tests that check that retries created nothing twice and lost nothing.
public struct SandboxStatistics: Sendable, Equatable {
    /// Stored documents.
    public var documents: Int
    /// Envelopes in any state.
    public var envelopes: Int
    /// Envelopes per status, e.g. `["DRAFT": 1, "COMPLETED": 3]`.
    public var envelopesByStatus: [String: Int]
    /// Registered webhooks.
    public var webhooks: Int
    /// API keys that are not revoked.
    public var activeAPIKeys: Int
    /// Responses written per HTTP status (injected faults included; dropped connections are not
    /// responses and are not counted here).
    public var responsesByStatus: [Int: Int]
    /// Injected faults per kind.
    public var injectedFaults: [SandboxConfiguration.FaultInjection.Kind: Int]

    /// Rate-limit answers that were not injected: real 429s of the sandbox's token bucket.
    public var rateLimitedResponses: Int {
        (responsesByStatus[429] ?? 0) - (injectedFaults[.rateLimited] ?? 0)
    }
}
