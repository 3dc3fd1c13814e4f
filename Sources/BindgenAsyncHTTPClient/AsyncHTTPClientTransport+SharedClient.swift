public import AsyncHTTPClient
import NIOCore

extension AsyncHTTPClientTransport {
    /// The process-wide client that transports use by default: AsyncHTTPClient's browser-like
    /// singleton configuration, except that
    /// - a failed connection attempt fails the exchange at once (AsyncHTTPClient would otherwise keep
    ///   reconnecting with backoff until the request's deadline): retrying belongs to
    ///   `RetryPolicy`, which knows whether the request is safe to repeat;
    /// - connecting may take at most 10 seconds.
    ///
    /// It runs on `HTTPClient.defaultEventLoopGroup` and is never shut down, like `HTTPClient.shared`.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
