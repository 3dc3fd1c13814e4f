import BindgenRuntime

/// Facts about this SDK.
public enum CertyneoSDK: Sendable {
    /// The SDK's version (semantic versioning).
    public static let version = "0.1.0"

    /// The `User-Agent` the SDK sends (RFC 9110 §10.1.5): the SDK and its version, then the runtime,
    /// e.g. `certyneo-swift/0.1.0 BindgenRuntime/0.1 (Swift)`.
    public static let userAgent = "certyneo-swift/\(version) \(ClientConfiguration.defaultUserAgent)"
}
