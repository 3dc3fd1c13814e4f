/// How the sandbox delivers webhook events: retries and the time an attempt may take.
public struct WebhookDeliveryConfiguration: Sendable {
    /// When failed deliveries are tried again.
    public var retries: WebhookRetrySchedule
    /// How long one attempt may wait for the receiver; URLSession on Linux rounds it up to whole
    /// seconds.
    public var attemptTimeout: Duration
    /// Whether only loopback URLs (`127.0.0.0/8`, `localhost`, `::1`) are called, the default: a
    /// local sandbox never posts to the network. Webhooks with other URLs are kept but not called.
    public var loopbackOnly: Bool

    public init(retries: WebhookRetrySchedule = WebhookRetrySchedule(), attemptTimeout: Duration = .seconds(10), loopbackOnly: Bool = true) {
        self.retries = retries
        self.attemptTimeout = attemptTimeout
        self.loopbackOnly = loopbackOnly
    }
}
