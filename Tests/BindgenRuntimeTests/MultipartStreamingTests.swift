import BindgenRuntime
import Foundation
import Testing

@Suite("Multipart forms with files on disk are streamed, and replayed from disk on retries")
struct MultipartStreamingTests {
    private func temporaryFile(_ bytes: Data, name: String = "doc.pdf") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bindgen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    private func form(file: URL) -> MultipartForm {
        var form = MultipartForm(boundary: "bnd-42")
        form.append("name", "Contrat.pdf")
        form.append("file", file: .pdf(at: file))
        form.append("meta", json: Data(#"{"a":1}"#.utf8))
        return form
    }

    @Test func writtenFormIsByteForByteTheEncodedForm() throws {
        // Larger than one copy chunk (1 MiB), with a remainder.
        let bytes = Data((0..<(3 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        let file = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let form = form(file: file)
        #expect(form.readsFiles)
        let output = file.deletingLastPathComponent().appendingPathComponent("form.bin")
        try form.write(to: output)
        #expect(try Data(contentsOf: output) == (try form.encode()))
    }

    @Test func formsWithoutFilesOnDiskStayInMemory() {
        var form = MultipartForm()
        form.append("file", file: .pdf(Data("%PDF-1.4".utf8), filename: "a.pdf"))
        #expect(!form.readsFiles)
    }

    @Test func everyAttemptStreamsTheSameTemporaryFileWhichIsRemovedAfterTheCall() async throws {
        let bytes = Data("%PDF-1.7 hello".utf8)
        let file = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let transport = ScriptedTransport([.status(503), .failure(URLError(.networkConnectionLost)), .status(201)])
        var request = apiRequest(.post, "/documents")
        request.body = .multipart(form(file: file))
        let response = try await scriptedClient(transport).send(request)
        #expect(response.status == 201)
        let attempts = transport.attempts
        #expect(attempts.count == 3)
        let urls = attempts.compactMap { attempt -> URL? in
            if case .file(let url)? = attempt.body { return url }
            return nil
        }
        #expect(urls.count == 3 && Set(urls).count == 1)
        let expected = try form(file: file).encode()
        #expect(attempts.allSatisfy { $0.fileBytes == expected })
        #expect(attempts.allSatisfy { $0.request.headerFields[.contentType] == "multipart/form-data; boundary=bnd-42" })
        #expect(!FileManager.default.fileExists(atPath: urls[0].path))
        #expect(file != urls[0])
    }

    @Test func anUnreadableFileIsAnInvalidRequestAndNothingIsSent() async throws {
        let transport = ScriptedTransport([.status(201)])
        var request = apiRequest(.post, "/documents")
        request.body = .multipart(form(file: URL(fileURLWithPath: "/nonexistent/\(UUID().uuidString).pdf")))
        let error = await #expect(throws: ClientError.self) { try await scriptedClient(transport).send(request) }
        guard case .invalidRequest(let message)? = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message.contains("nonexistent"))
        #expect(transport.attempts.isEmpty)
    }
}
