/// One event of a `text/event-stream` response, as the WHATWG HTML standard's event stream interpretation
/// dispatches it.
public struct ServerSentEvent: Sendable, Hashable {
    /// The event type: the block's last `event` field, or `message` when it has none.
    public var event: String
    /// The block's `data` fields joined with `"\n"` (each field's value, one leading space removed).
    public var data: String
    /// The last event ID when the event was dispatched (set by an `id` field of this or an earlier block, and kept
    /// until an `id` field changes it); `nil` while it is empty.
    public var id: String?
    /// The reconnection time, in milliseconds, that a `retry` field of this block set; `nil` when it set none.
    public var retry: Int?

    /// An event with the given fields.
    public init(event: String = "message", data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}
