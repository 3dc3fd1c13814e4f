import Foundation

/// One part of a `multipart/form-data` body (RFC 7578).
struct MultipartPart: Sendable {
    /// The `name` of its `Content-Disposition`.
    let name: String
    /// The `filename` of its `Content-Disposition`, when it carries a file.
    let fileName: String?
    let contentType: String?
    let body: ArraySlice<UInt8>
}

/// A parsed `multipart/form-data` body.
struct MultipartForm: Sendable {
    let parts: [MultipartPart]

    /// The first part named `name`.
    func part(named name: String) -> MultipartPart? {
        parts.first { $0.name == name }
    }

    /// Parses `body` split by `boundary`; `nil` when it is not a well-formed multipart body.
    init?(body: [UInt8], boundary: String) {
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [0x0D, 0x0A]
        guard var position = ByteSearch.firstIndex(of: delimiter, in: body, from: 0) else { return nil }
        // The preamble before the first delimiter, if any, must end with CRLF.
        guard position == 0 || ByteSearch.hasPrefix(crlf, in: body, at: position - 2) else { return nil }
        var parts: [MultipartPart] = []
        while true {
            position += delimiter.count
            if ByteSearch.hasPrefix([0x2D, 0x2D], in: body, at: position) {
                break
            }
            while position < body.count, body[position] == 0x20 || body[position] == 0x09 {
                position += 1
            }
            guard ByteSearch.hasPrefix(crlf, in: body, at: position) else { return nil }
            position += 2
            let headerEnd: Int
            let contentStart: Int
            if ByteSearch.hasPrefix(crlf, in: body, at: position) {
                headerEnd = position
                contentStart = position + 2
            } else {
                guard let end = ByteSearch.firstIndex(of: crlf + crlf, in: body, from: position) else { return nil }
                headerEnd = end
                contentStart = end + 4
            }
            guard let next = ByteSearch.firstIndex(of: crlf + delimiter, in: body, from: contentStart - 2) else {
                return nil
            }
            let contentEnd = max(next, contentStart)
            guard let part = Self.part(headers: body[position..<headerEnd], content: body[contentStart..<contentEnd]) else {
                return nil
            }
            parts.append(part)
            position = next + 2
        }
        self.parts = parts
    }

    private static func part(headers: ArraySlice<UInt8>, content: ArraySlice<UInt8>) -> MultipartPart? {
        let text = String(decoding: headers, as: UTF8.self)
        var disposition: [String: String]?
        var contentType: String?
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-disposition" {
                let (head, parameters) = MediaType.split(headerValue: value)
                guard head.lowercased() == "form-data" else { return nil }
                disposition = parameters
            } else if name == "content-type" {
                contentType = value
            }
        }
        guard let disposition, let name = disposition["name"] else { return nil }
        return MultipartPart(name: name, fileName: fileName(disposition), contentType: contentType, body: content)
    }

    /// `filename*=UTF-8''…` (RFC 5987) wins over `filename`.
    private static func fileName(_ parameters: [String: String]) -> String? {
        if let extended = parameters["filename*"], let quote = extended.range(of: "''") {
            if let decoded = extended[quote.upperBound...].removingPercentEncoding, !decoded.isEmpty {
                return decoded
            }
        }
        guard let plain = parameters["filename"], !plain.isEmpty else { return nil }
        return plain
    }
}

/// Byte-pattern search over `[UInt8]`.
enum ByteSearch {
    static func hasPrefix(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] {
            return false
        }
        return true
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = max(start, 0)
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first, hasPrefix(pattern, in: bytes, at: index) {
                return index
            }
            index += 1
        }
        return nil
    }
}
