import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension APIClient {
    /// Maps an error thrown by a transport or a middleware to a ``ClientError`` (see ``send(_:)``).
    func mapTransportError(_ error: any Error, operationID: String) -> ClientError {
        if let clientError = error as? ClientError { return clientError }
        if error is CancellationError { return .cancelled(operationID: operationID) }
        if let transportError = error as? TransportError {
            switch transportError.kind {
            case .cancelled: return .cancelled(operationID: operationID)
            case .timedOut: return .timedOut(operationID: operationID)
            case .connection:
                if Task.isCancelled { return .cancelled(operationID: operationID) }
                return .transport(operationID: operationID, message: redact(OneLine.clean(transportError.message)))
            }
        }
        if let urlError = error as? URLError {
            switch urlError.code {
            case .cancelled: return .cancelled(operationID: operationID)
            case .timedOut: return .timedOut(operationID: operationID)
            default: break
            }
            if Task.isCancelled { return .cancelled(operationID: operationID) }
            return .transport(operationID: operationID, message: redact(TransportErrorText.describe(urlError)))
        }
        if Task.isCancelled { return .cancelled(operationID: operationID) }
        return .transport(operationID: operationID, message: redact(String(describing: error)))
    }

    /// Replaces every configured secret in `text` with `<redacted>`.
    func redact(_ text: String) -> String {
        var result = text
        for secret in configuration.authentication?.secrets ?? [] where !secret.isEmpty {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return result
    }
}

/// Human-readable, single-line descriptions of transport errors.
///
/// `URLError`'s own description is a multi-line `NSError` dump on Linux and may contain the
/// failing URL (and so a query API key); this prints the code's meaning and number instead.
enum TransportErrorText {
    /// `"<meaning> (URLError <code>)"`, followed by the system's own message (on Linux the libcurl
    /// text, e.g. `Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server`)
    /// when it says more than the code.
    static func describe(_ error: URLError) -> String {
        var text = "\(meaning(of: error.code)) (URLError \(error.code.rawValue))"
        if let systemMessage = error.userInfo[NSLocalizedDescriptionKey] as? String,
           !systemMessage.isEmpty, systemMessage.lowercased() != meaning(of: error.code) {
            text += ": " + systemMessage
        }
        return text
    }

    private static func meaning(of code: URLError.Code) -> String {
        switch code {
        case .cannotConnectToHost: "could not connect to host"
        case .cannotFindHost: "could not find host"
        case .dnsLookupFailed: "DNS lookup failed"
        case .networkConnectionLost: "network connection lost"
        case .notConnectedToInternet: "not connected to the internet"
        case .secureConnectionFailed: "TLS connection failed"
        case .serverCertificateUntrusted: "server certificate untrusted"
        case .serverCertificateHasBadDate: "server certificate expired or not yet valid"
        case .serverCertificateHasUnknownRoot: "server certificate has an unknown root"
        case .serverCertificateNotYetValid: "server certificate not yet valid"
        case .clientCertificateRejected: "client certificate rejected"
        case .clientCertificateRequired: "client certificate required"
        case .badURL: "bad URL"
        case .unsupportedURL: "unsupported URL"
        case .badServerResponse: "bad server response"
        case .zeroByteResource: "empty response"
        case .cannotParseResponse: "could not parse response"
        case .httpTooManyRedirects: "too many redirects"
        case .redirectToNonExistentLocation: "redirect to a non-existent location"
        case .resourceUnavailable: "resource unavailable"
        case .cannotOpenFile, .fileDoesNotExist, .noPermissionsToReadFile: "could not read the body file"
        case .dataLengthExceedsMaximum: "response too large"
        case .userAuthenticationRequired: "authentication required"
        case .internationalRoamingOff, .callIsActive, .dataNotAllowed: "cellular data unavailable"
        default: "network error"
        }
    }
}
