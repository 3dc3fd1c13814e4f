import Foundation
public import Logging

/// Logs every attempt through swift-log, with credentials redacted.
///
/// - At ``level`` (default `.debug`): one line per request (`→ POST /api/v1/documents`) and per
///   response (`← 201 in 12 ms`) or failure, with metadata `operation`, `attempt`, `status`,
///   `requestId` and `durationMs`.
/// - At `.trace`: every request and response header field, one line each, and the body's kind
///   and size. Bodies themselves are never logged: they may hold secrets (a created API key) or
///   personal data.
///
/// The values of `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie` and the fields of
/// ``redactedFields`` are logged as `<redacted>`; every logged string also goes through
/// ``MiddlewareContext/redact(_:)``, which removes the configured credentials wherever they appear
/// (an API key in the query string, say).
///
/// ```swift
/// var logger = Logger(label: "certyneo")
/// logger.logLevel = .trace
/// configuration.middlewares.append(LoggingMiddleware(logger: logger))
/// ```
public struct LoggingMiddleware: ClientMiddleware {
    /// The logger written to; its own `logLevel` filters as usual.
    public let logger: Logger
    /// The level of the request and response lines.
    public let level: Logger.Level
    /// More header fields whose values are never logged, e.g. a custom API-key header.
    public let redactedFields: Set<HTTPField.Name>

    /// Fields whose values are always redacted.
    public static let alwaysRedacted: Set<HTTPField.Name> = [.authorization, .proxyAuthorization, .cookie, .setCookie]

    /// Creates the middleware.
    /// - Parameters:
    ///   - logger: Where to log.
    ///   - level: The level of the per-request and per-response lines; headers go to `.trace`.
    ///   - redactedFields: Extra header fields to redact.
    public init(logger: Logger, level: Logger.Level = .debug, redactedFields: Set<HTTPField.Name> = []) {
        self.logger = logger
        self.level = level
        self.redactedFields = redactedFields
    }

    /// Logs the request, passes it on, logs the response or the failure.
    public func intercept(_ request: HTTPRequest, body: TransportBody?, context: MiddlewareContext,
                          next: Next) async throws -> (HTTPResponse, Data) {
        var metadata: Logger.Metadata = ["operation": "\(context.operationID)", "attempt": "\(context.attempt)"]
        let target = context.redact(request.path ?? "/")
        logger.log(level: level, "→ \(request.method.rawValue) \(target)", metadata: metadata)
        if logger.logLevel <= .trace {
            logFields(request.headerFields, direction: "→", context: context, metadata: metadata)
            logger.trace("→ body: \(Self.describe(body))", metadata: metadata)
        }
        let start = ContinuousClock.now
        do {
            let (response, data) = try await next(request, body)
            let milliseconds = (ContinuousClock.now - start).timeInterval * 1000
            metadata["status"] = "\(response.status.code)"
            metadata["durationMs"] = "\(Int(milliseconds.rounded()))"
            if let requestID = response.headerFields[HTTPField.Name.xRequestID] {
                metadata["requestId"] = "\(context.redact(requestID))"
            }
            logger.log(level: level, "← \(response.status.code) in \(Int(milliseconds.rounded())) ms", metadata: metadata)
            if logger.logLevel <= .trace {
                logFields(response.headerFields, direction: "←", context: context, metadata: metadata)
                logger.trace("← body: \(data.count) bytes", metadata: metadata)
            }
            return (response, data)
        } catch {
            let milliseconds = (ContinuousClock.now - start).timeInterval * 1000
            metadata["durationMs"] = "\(Int(milliseconds.rounded()))"
            let message = context.redact(OneLine.clean(String(describing: error)))
            logger.log(level: level, "✗ \(request.method.rawValue) \(target) failed: \(message)", metadata: metadata)
            throw error
        }
    }

    private func logFields(_ fields: HTTPFields, direction: String, context: MiddlewareContext, metadata: Logger.Metadata) {
        for field in fields {
            let hidden = Self.alwaysRedacted.contains(field.name) || redactedFields.contains(field.name)
            let value = hidden ? "<redacted>" : context.redact(field.value)
            logger.trace("\(direction) \(field.name.canonicalName): \(value)", metadata: metadata)
        }
    }

    private static func describe(_ body: TransportBody?) -> String {
        switch body {
        case nil: "none"
        case .data(let data)?: "\(data.count) bytes in memory"
        case .file(let url)?:
            "file of \((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) bytes"
        }
    }
}
