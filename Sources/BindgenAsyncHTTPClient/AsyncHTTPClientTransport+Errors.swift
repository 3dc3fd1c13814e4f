import AsyncHTTPClient
import BindgenRuntime
import NIOCore
import NIOFileSystem

extension AsyncHTTPClientTransport {
    /// Classifies an error of AsyncHTTPClient, SwiftNIO or NIOFileSystem as a ``TransportError``;
    /// `CancellationError` and ``TransportError`` pass through.
    static func transportError(for error: any Error) -> any Error {
        if error is CancellationError || error is TransportError { return error }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout:
                return TransportError(.timedOut, message: "timed out (\(clientError))")
            case .cancelled:
                return TransportError(.cancelled, message: "cancelled")
            case .remoteConnectionClosed:
                return TransportError(.connection, message: "the server closed the connection before answering")
            case .bodyLengthMismatch:
                return TransportError(.connection, message: "the request body's length changed while sending")
            default:
                return TransportError(.connection, message: String(describing: clientError))
            }
        }
        if let fileError = error as? FileSystemError {
            return TransportError(.connection, message: "could not read the body file: \(fileError.message)")
        }
        if let channelError = error as? ChannelError {
            return TransportError(.connection, message: "connection failed: \(channelError)")
        }
        if let ioError = error as? IOError {
            return TransportError(.connection, message: "connection failed: \(ioError.description)")
        }
        return TransportError(.connection, message: String(describing: error))
    }
}
