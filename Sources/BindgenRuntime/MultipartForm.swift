import Foundation

/// A `multipart/form-data` body (RFC 7578), built part by part and encoded to bytes.
///
/// Encoding, byte for byte (CRLF line endings, RFC 2046 §5.1.1 framing):
/// ```text
/// --<boundary>\r\n
/// Content-Disposition: form-data; name="title"\r\n
/// \r\n
/// Q3 contract\r\n
/// --<boundary>\r\n
/// Content-Disposition: form-data; name="file"; filename="contract.pdf"\r\n
/// Content-Type: application/pdf\r\n
/// \r\n
/// <file bytes>\r\n
/// --<boundary>--\r\n
/// ```
/// Text parts carry no `Content-Type` (RFC 7578 §4.4 default `text/plain`, UTF-8). In `name` and
/// `filename`, `"` becomes `%22`, CR `%0D` and LF `%0A`, as browsers do (WHATWG HTML
/// "multipart/form-data encoding algorithm"); other characters are sent as UTF-8.
public struct MultipartForm: Sendable {
    /// The boundary delimiter, without the leading `--`.
    public let boundary: String
    var parts: [Part] = []

    enum Part: Sendable {
        case text(name: String, value: String)
        case file(name: String, file: MultipartFile)
        case json(name: String, data: Data, contentType: String)
    }

    /// Creates an empty form.
    /// - Parameter boundary: 1–70 characters from RFC 2046 `bchars`, not ending in a space; checked
    ///   by ``encode()``. Defaults to ``randomBoundary()``.
    public init(boundary: String = MultipartForm.randomBoundary()) {
        self.boundary = boundary
    }

    /// `"bindgen-"` followed by 24 random ASCII letters and digits.
    public static func randomBoundary() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        let suffix = (0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] }
        return "bindgen-" + String(suffix)
    }

    /// Whether the form has no parts.
    public var isEmpty: Bool { parts.isEmpty }

    /// Appends a text part with the value's ``ParameterValue/parameterValue``; `nil` appends nothing.
    public mutating func append(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        parts.append(.text(name: name, value: value.parameterValue))
    }

    /// Appends a file part with `filename` and `Content-Type`; `nil` appends nothing.
    public mutating func append(_ name: String, file: MultipartFile?) {
        guard let file else { return }
        parts.append(.file(name: name, file: file))
    }

    /// Appends a part holding encoded JSON (or another structured type given by `contentType`),
    /// with a `Content-Type` header and no filename.
    public mutating func append(_ name: String, json: Data, contentType: String = "application/json") {
        parts.append(.json(name: name, data: json, contentType: contentType))
    }

    /// The `Content-Type` header value, `multipart/form-data; boundary=<boundary>`; the boundary is
    /// quoted when it contains characters outside an RFC 9110 token.
    public var contentType: String {
        let isToken = !boundary.isEmpty && boundary.utf8.allSatisfy { byte in
            PercentEncoding.isUnreserved(byte) || "!#$%&'*+^`|".utf8.contains(byte)
        }
        return "multipart/form-data; boundary=" + (isToken ? boundary : "\"\(boundary)\"")
    }

    /// The complete body bytes in memory; files given by URL are read now. ``APIClient`` uses
    /// this only for forms without files on disk; those it streams (see ``write(to:)``).
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the boundary is not a valid RFC 2046
    ///   boundary or a file cannot be read.
    public func encode() throws(ClientError) -> Data {
        guard Self.isValidBoundary(boundary) else {
            throw .invalidRequest("Invalid multipart boundary \"\(boundary)\" (RFC 2046: 1-70 bchars, no trailing space)")
        }
        var body = Data()
        for part in parts {
            body.append(contentsOf: Array("--\(boundary)\r\n".utf8))
            switch part {
            case .text(let name, let value):
                body.append(header(name: name, filename: nil, contentType: nil))
                body.append(contentsOf: Array(value.utf8))
            case .file(let name, let file):
                body.append(header(name: name, filename: file.filename, contentType: file.contentType))
                body.append(try file.contents())
            case .json(let name, let data, let contentType):
                body.append(header(name: name, filename: nil, contentType: contentType))
                body.append(data)
            }
            body.append(contentsOf: Array("\r\n".utf8))
        }
        body.append(contentsOf: Array("--\(boundary)--\r\n".utf8))
        return body
    }

    /// The part's header block, including the blank line that ends it.
    func header(name: String, filename: String?, contentType: String?) -> Data {
        var text = "Content-Disposition: form-data; name=\"\(Self.escape(name))\""
        if let filename { text += "; filename=\"\(Self.escape(filename))\"" }
        text += "\r\n"
        if let contentType { text += "Content-Type: \(Self.stripLineBreaks(contentType))\r\n" }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// `"` → `%22`, CR → `%0D`, LF → `%0A` (WHATWG HTML form-data escaping).
    static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "%22"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Header values must not contain line breaks; they are replaced by spaces.
    private static func stripLineBreaks(_ value: String) -> String {
        String(value.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : Character($0) })
    }

    /// RFC 2046 §5.1.1: `bchars := bcharsnospace / " "`, 1 to 70 of them, not ending with space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "a")...UInt8(ascii: "z"):
                true
            default:
                "'()+_,-./:=? ".utf8.contains(byte)
            }
        }
    }
}
