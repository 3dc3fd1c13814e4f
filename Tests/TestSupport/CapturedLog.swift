import Foundation
import Logging

/// Collects every log record written through its ``logger`` (messages and metadata, rendered as
/// text), at any level.
public final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String] = []

    public init() {}

    /// A logger at `.trace` writing into this capture.
    public var logger: Logger {
        var logger = Logger(label: "test.capture") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    public var lines: [String] { lock.withLock { records } }
    public var text: String { lines.joined(separator: "\n") }

    fileprivate func append(_ line: String) {
        lock.withLock { records.append(line) }
    }

    private struct Handler: LogHandler {
        let capture: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = all.keys.sorted().map { "\($0)=\(all[$0].map { "\($0)" } ?? "")" }.joined(separator: " ")
            capture.append("[\(event.level)] \(event.message) \(rendered) source=\(event.source)")
        }
    }
}
