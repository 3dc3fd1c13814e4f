import Foundation

/// The body of an ``APIRequest``.
///
/// ``APIClient/send(_:)`` sets the `Content-Type` header from the body and leaves
/// `Content-Length` (or chunked framing) to the transport.
public enum RequestBody: Sendable {
    /// Bytes in memory with their media type: JSON, `text/plain`, `application/octet-stream`,
    /// `application/x-www-form-urlencoded` (see ``formURLEncoded(_:)``), …
    case data(Data, contentType: String)
    /// A `multipart/form-data` form (RFC 7578); `Content-Type` carries its boundary. A form with
    /// files on disk is written to a temporary file once per call and streamed from it by every
    /// attempt (see ``MultipartForm/write(to:)``); other forms are encoded in memory.
    case multipart(MultipartForm)
    /// A file streamed from disk by the transport, with its media type.
    case file(URL, contentType: String)

    /// The `Content-Type` header value for this body.
    public var contentType: String {
        switch self {
        case .data(_, let contentType), .file(_, let contentType): contentType
        case .multipart(let form): form.contentType
        }
    }

    /// A JSON body (`application/json`, RFC 8259) from already-encoded bytes.
    public static func json(_ data: Data) -> RequestBody {
        .data(data, contentType: "application/json")
    }

    /// An `application/x-www-form-urlencoded` body; encoding as in ``APIRequest/formURLEncoded(_:)``.
    public static func formURLEncoded(_ fields: [(name: String, value: String)]) -> RequestBody {
        .data(APIRequest.formURLEncoded(fields), contentType: "application/x-www-form-urlencoded")
    }
}
