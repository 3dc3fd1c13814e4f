import Hummingbird
import NIOCore

/// Fault injection (``SandboxConfiguration/FaultInjection``).
extension SandboxResponder {
    typealias FaultKind = SandboxConfiguration.FaultInjection.Kind

    /// The fault to inject into a request, if one is drawn: only requests to authenticated API
    /// routes draw.
    func drawFault(method: String, path: String) async -> FaultKind? {
        guard let monitor, case .found(let route, _) = routes.match(method: method, path: path),
              route.access == .apiKey
        else { return nil }
        return await monitor.drawFault()
    }

    /// The problem answered instead of processing, for the faults that answer.
    func injectedProblem(_ fault: FaultKind?) -> Problem? {
        switch fault {
        case .rateLimited?: .rateLimited(retryAfter: monitor?.retryAfterSeconds ?? 1)
        case .unavailable?: .unavailable()
        default: nil
        }
    }

    /// Closes the request's TCP connection at once, so that the client gets no answer at all. The
    /// returned response is never written: the channel is already closed.
    func dropConnection(_ context: Context) async -> Response {
        try? await context.channel.close()
        return Response(status: .serviceUnavailable)
    }
}
