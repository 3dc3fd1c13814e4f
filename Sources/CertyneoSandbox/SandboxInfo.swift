import Foundation

/// Where a started sandbox listens and a key that works against it.
public struct SandboxInfo: Sendable {
    /// The bound port (the ephemeral one when the configuration asked for `0`).
    public let port: Int
    /// The API base URL, `http://127.0.0.1:PORT/api/v1`.
    public let baseURL: URL
    /// A ready `sk_test_…` key of account 1.
    public let apiKey: String

    init(port: Int, baseURL: URL, apiKey: String) {
        self.port = port
        self.baseURL = baseURL
        self.apiKey = apiKey
    }
}
