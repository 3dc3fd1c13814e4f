import Foundation

/// The `Retry-After` response field (RFC 9110 §10.2.3): how long the client should wait before
/// its next request.
///
/// ```text
/// Retry-After = HTTP-date / delay-seconds
/// delay-seconds = 1*DIGIT
/// ```
public enum RetryAfter: Sendable {
    /// The largest delay ``delay(from:now:)`` returns: 10¹² seconds (about 31,700 years). Longer
    /// delay-seconds values are clamped to it, so they still exceed any sensible cap.
    public static let maximumDelay: Duration = .seconds(1_000_000_000_000)

    /// Parses a `Retry-After` value into a delay.
    ///
    /// - delay-seconds: one or more ASCII digits, e.g. `"120"` → 120 seconds. A sign, a fraction,
    ///   an exponent or any other character makes the value invalid (`"-5"`, `"1.5"`, `"1e3"` → `nil`);
    ///   values above ``maximumDelay`` are clamped to it.
    /// - HTTP-date: any of the three formats of RFC 9110 §5.6.7 (see ``HTTPDate``); the delay is the
    ///   time from `now` to that date, and zero when the date has passed.
    ///
    /// Leading and trailing whitespace (OWS) is ignored.
    /// - Parameters:
    ///   - value: The field value.
    ///   - now: The current wall-clock time, to turn a date into a delay.
    /// - Returns: A delay of zero or more, or `nil` when the value is neither form (ignore the field).
    public static func delay(from value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return delaySeconds(trimmed)
        }
        guard let date = HTTPDate.date(from: trimmed, now: now) else { return nil }
        let interval = date.timeIntervalSince(now)
        guard interval > 0 else { return .zero }
        return min(.milliseconds(Int64((interval * 1000).rounded(.up))), maximumDelay)
    }

    /// The delay of a response's `Retry-After` field, if it has a valid one.
    static func delay(in headerFields: HTTPFields, now: Date) -> Duration? {
        headerFields[.retryAfter].flatMap { delay(from: $0, now: now) }
    }

    /// `1*DIGIT` as whole seconds, clamped to ``maximumDelay``.
    private static func delaySeconds(_ digits: String) -> Duration {
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 13, let seconds = Int64(significant.isEmpty ? "0" : String(significant)) else {
            return maximumDelay
        }
        return min(.seconds(seconds), maximumDelay)
    }
}
