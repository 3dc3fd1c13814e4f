import Foundation

/// A file to upload as one part of a ``MultipartForm`` (RFC 7578 §4.2).
public struct MultipartFile: Sendable, Hashable {
    /// Where the file's bytes come from.
    public enum Source: Sendable, Hashable {
        /// Bytes already in memory.
        case data(Data)
        /// A local file, read when the form is encoded.
        case file(URL)
    }

    /// The bytes.
    public var source: Source
    /// The `filename` parameter of the part's `Content-Disposition`, e.g. `"contract.pdf"`.
    public var filename: String
    /// The part's `Content-Type`, e.g. `"application/pdf"`.
    public var contentType: String

    /// Creates a file part description.
    public init(source: Source, filename: String, contentType: String) {
        self.source = source
        self.filename = filename
        self.contentType = contentType
    }

    /// A file from bytes in memory; the content type defaults to `application/octet-stream`.
    public static func data(_ data: Data, filename: String,
                            contentType: String = "application/octet-stream") -> MultipartFile {
        MultipartFile(source: .data(data), filename: filename, contentType: contentType)
    }

    /// A file on disk, read when the form is encoded. `filename` is the URL's last path component.
    ///
    /// Without `contentType`, it is guessed from the extension (case-insensitive): `pdf`
    /// → `application/pdf`, `png` → `image/png`, `jpg`/`jpeg` → `image/jpeg`, `txt` → `text/plain`,
    /// `json` → `application/json`, anything else → `application/octet-stream`.
    public static func file(at url: URL, contentType: String? = nil) -> MultipartFile {
        MultipartFile(source: .file(url), filename: url.lastPathComponent,
                      contentType: contentType ?? guessContentType(forExtension: url.pathExtension))
    }

    /// A PDF file on disk (`application/pdf`), named after the URL's last path component.
    public static func pdf(at url: URL) -> MultipartFile {
        file(at: url, contentType: "application/pdf")
    }

    /// A PDF document in memory (`application/pdf`).
    public static func pdf(_ data: Data, filename: String) -> MultipartFile {
        MultipartFile(source: .data(data), filename: filename, contentType: "application/pdf")
    }

    /// The media type for a file extension (see ``file(at:contentType:)``).
    public static func guessContentType(forExtension pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "txt": "text/plain"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }

    /// The file's bytes.
    /// - Throws: ``ClientError/invalidRequest(_:)`` naming the path when a file cannot be read.
    func contents() throws(ClientError) -> Data {
        switch source {
        case .data(let data):
            return data
        case .file(let url):
            do {
                return try Data(contentsOf: url)
            } catch {
                throw .invalidRequest("Could not read multipart file \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
