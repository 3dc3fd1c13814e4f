import Foundation

/// A request body made ready for the transport once per call and reused by every attempt.
///
/// A multipart form with files on disk is written to a temporary file (see
/// ``MultipartForm/write(to:)``) that each attempt streams again and that ``discard()`` removes
/// when the call is over; other multipart forms are encoded in memory; `.file` bodies stay where
/// they are.
struct PreparedBody: Sendable {
    /// What each attempt hands to the transport.
    let transportBody: TransportBody?
    /// The temporary file this body owns, if any.
    private let temporaryFile: URL?

    private init(transportBody: TransportBody?, temporaryFile: URL?) {
        self.transportBody = transportBody
        self.temporaryFile = temporaryFile
    }

    /// Prepares `body`.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when a multipart file cannot be read or the
    ///   temporary file cannot be written.
    static func prepare(_ body: RequestBody?) async throws(ClientError) -> PreparedBody {
        switch body {
        case nil:
            return PreparedBody(transportBody: nil, temporaryFile: nil)
        case .data(let data, _)?:
            return PreparedBody(transportBody: .data(data), temporaryFile: nil)
        case .file(let url, _)?:
            return PreparedBody(transportBody: .file(url), temporaryFile: nil)
        case .multipart(let form)?:
            guard form.readsFiles else {
                return PreparedBody(transportBody: .data(try form.encode()), temporaryFile: nil)
            }
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("bindgen-multipart-\(UUID().uuidString).form")
            do {
                try await writeOffThePool(form, to: url)
            } catch {
                try? FileManager.default.removeItem(at: url)
                throw error
            }
            return PreparedBody(transportBody: .file(url), temporaryFile: url)
        }
    }

    /// Writes the form on a Dispatch queue: copying a large file is blocking I/O, which must not
    /// hold one of the few threads of Swift's cooperative pool.
    private static func writeOffThePool(_ form: MultipartForm, to url: URL) async throws(ClientError) {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, ClientError>, Never>) in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { () throws(ClientError) in try form.write(to: url) })
            }
        }
        try result.get()
    }

    /// Removes the temporary file, if this body made one.
    func discard() {
        if let temporaryFile { try? FileManager.default.removeItem(at: temporaryFile) }
    }
}
