import Foundation
public import HTTPTypes

/// Header fields a webhook delivery arrived with, looked up by name without regard to case.
///
/// `HTTPFields` (swift-http-types, what Hummingbird and other servers hand out) and
/// `[String: String]` conform; conform your server framework's header type to pass it directly.
public protocol WebhookHeaderSource {
    /// Every value of the fields whose name equals `lowercasedName` (ASCII lowercase, e.g.
    /// `webhook-signature`) ignoring case, in the order received; empty when there is none.
    func webhookHeaderValues(named lowercasedName: String) -> [String]
}

extension HTTPFields: WebhookHeaderSource {
    /// The values of the fields named `lowercasedName`; `HTTPFields` compares names without case.
    public func webhookHeaderValues(named lowercasedName: String) -> [String] {
        guard let name = HTTPField.Name(lowercasedName) else { return [] }
        return self[values: name]
    }
}

extension Dictionary: WebhookHeaderSource where Key == String, Value == String {
    /// The values of every key equal to `lowercasedName` ignoring ASCII case, ordered by key so the
    /// result does not depend on the dictionary's iteration order.
    public func webhookHeaderValues(named lowercasedName: String) -> [String] {
        filter { WebhookHeaderNames.equalIgnoringASCIICase($0.key, lowercasedName) }
            .sorted { $0.key < $1.key }
            .map(\.value)
    }
}

/// The Standard Webhooks v1 header names, in lowercase.
public enum WebhookHeaderNames {
    /// `webhook-id`: the message id, the same on every retry of one event.
    public static let id = "webhook-id"
    /// `webhook-timestamp`: the Unix time of the attempt, in seconds.
    public static let timestamp = "webhook-timestamp"
    /// `webhook-signature`: space-separated `v1,<base64>` signatures.
    public static let signature = "webhook-signature"

    /// Whether two header names are equal ignoring ASCII case.
    static func equalIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.utf8, right = rhs.utf8
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { lowercase($0) == lowercase($1) }
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
