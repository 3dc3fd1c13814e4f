import Foundation

extension MultipartForm {
    /// The size of the chunks in which ``write(to:)`` copies files: 1 MiB.
    static let copyChunkSize = 1 << 20

    /// Whether a part reads a file from disk (``MultipartFile/Source/file(_:)``).
    ///
    /// ``APIClient`` encodes such a form into a temporary file with ``write(to:)`` and has the
    /// transport stream it, so that a large upload is never held in memory and every retry streams
    /// it again from disk.
    public var readsFiles: Bool {
        parts.contains { part in
            if case .file(_, let file) = part, case .file = file.source { return true }
            return false
        }
    }

    /// Writes the encoded form to the file at `url` (created or truncated, readable by its owner
    /// only), byte for byte the same
    /// as ``encode()``, copying files in chunks of 1 MiB so that memory use stays small whatever the
    /// files' sizes.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the boundary is invalid, a part's file cannot
    ///   be read, or `url` cannot be written.
    public func write(to url: URL) throws(ClientError) {
        guard Self.isValidBoundary(boundary) else {
            throw .invalidRequest("Invalid multipart boundary \"\(boundary)\" (RFC 2046: 1-70 bchars, no trailing space)")
        }
        // Owner-only (0600): the form may hold a confidential document.
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw .invalidRequest("Could not create the temporary multipart file \(url.path)")
        }
        do {
            let output = try FileHandle(forWritingTo: url)
            defer { try? output.close() }
            for part in parts {
                try output.write(contentsOf: Data("--\(boundary)\r\n".utf8))
                switch part {
                case .text(let name, let value):
                    try output.write(contentsOf: header(name: name, filename: nil, contentType: nil))
                    try output.write(contentsOf: Data(value.utf8))
                case .file(let name, let file):
                    try output.write(contentsOf: header(name: name, filename: file.filename, contentType: file.contentType))
                    try Self.copy(file, to: output)
                case .json(let name, let data, let contentType):
                    try output.write(contentsOf: header(name: name, filename: nil, contentType: contentType))
                    try output.write(contentsOf: data)
                }
                try output.write(contentsOf: Data("\r\n".utf8))
            }
            try output.write(contentsOf: Data("--\(boundary)--\r\n".utf8))
        } catch let error as ClientError {
            throw error
        } catch {
            throw .invalidRequest("Could not write the multipart body to \(url.path): \(error.localizedDescription)")
        }
    }

    /// Appends a file's bytes to `output`, in chunks for files on disk.
    private static func copy(_ file: MultipartFile, to output: FileHandle) throws {
        switch file.source {
        case .data(let data):
            try output.write(contentsOf: data)
        case .file(let url):
            let input: FileHandle
            do {
                input = try FileHandle(forReadingFrom: url)
            } catch {
                throw ClientError.invalidRequest("Could not read multipart file \(url.path): \(error.localizedDescription)")
            }
            defer { try? input.close() }
            while let chunk = try input.read(upToCount: copyChunkSize), !chunk.isEmpty {
                try output.write(contentsOf: chunk)
            }
        }
    }
}
