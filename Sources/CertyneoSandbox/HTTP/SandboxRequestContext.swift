import Hummingbird
import NIOCore

/// The request context of the sandbox: Hummingbird's basics plus the connection's channel, which
/// fault injection closes to drop a connection for real.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection the request came in on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
