import BindgenRuntime
import Foundation
import Testing

@Suite("Multipart form-data (RFC 7578)")
struct MultipartFormTests {
    @Test func textAndFilePartsEncodeToExactBytes() throws {
        var form = MultipartForm(boundary: "XyZ-boundary")
        form.append("title", "Q3 contract")
        form.append("copies", 2)
        form.append("skipped", String?.none)
        form.append("document", file: .pdf(Data("%PDF-1.7\n".utf8), filename: "contract.pdf"))
        form.append("missing", file: nil)

        let expected = "--XyZ-boundary\r\n"
            + "Content-Disposition: form-data; name=\"title\"\r\n"
            + "\r\n"
            + "Q3 contract\r\n"
            + "--XyZ-boundary\r\n"
            + "Content-Disposition: form-data; name=\"copies\"\r\n"
            + "\r\n"
            + "2\r\n"
            + "--XyZ-boundary\r\n"
            + "Content-Disposition: form-data; name=\"document\"; filename=\"contract.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n"
            + "\r\n"
            + "%PDF-1.7\n\r\n"
            + "--XyZ-boundary--\r\n"
        let encoded = try form.encode()
        #expect(encoded == Data(expected.utf8))
        #expect(form.contentType == "multipart/form-data; boundary=XyZ-boundary")
    }

    @Test func jsonPartCarriesItsContentType() throws {
        var form = MultipartForm(boundary: "b")
        form.append("meta", json: Data(#"{"a":1}"#.utf8))
        let expected = "--b\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n"
            + "{\"a\":1}\r\n--b--\r\n"
        #expect(try form.encode() == Data(expected.utf8))
    }

    @Test func quotesAndLineBreaksInNamesAndFilenamesAreEscaped() throws {
        var form = MultipartForm(boundary: "b")
        form.append("say \"hi\"\r\nX-Injected: 1", file: .data(Data([0x00, 0xFF]), filename: "a\"b\nc\r.bin"))
        let encoded = try form.encode()
        let expected = Data(("--b\r\n"
            + "Content-Disposition: form-data; name=\"say %22hi%22%0D%0AX-Injected: 1\"; filename=\"a%22b%0Ac%0D.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").utf8) + Data([0x00, 0xFF]) + Data("\r\n--b--\r\n".utf8)
        #expect(encoded == expected)
    }

    @Test func unicodeFilenameIsSentAsUTF8() throws {
        var form = MultipartForm(boundary: "b")
        form.append("f", file: .data(Data("x".utf8), filename: "contrat signé.txt", contentType: "text/plain"))
        let text = String(decoding: try form.encode(), as: UTF8.self)
        #expect(text.contains("filename=\"contrat signé.txt\"\r\nContent-Type: text/plain\r\n"))
    }

    @Test func fileSourceIsReadFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bindgen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("Scan.PDF")
        let bytes = Data([0x25, 0x50, 0x44, 0x46, 0x0D, 0x0A, 0x00, 0x7F])
        try bytes.write(to: url)

        let file = MultipartFile.file(at: url)
        #expect(file.filename == "Scan.PDF")
        #expect(file.contentType == "application/pdf")

        var form = MultipartForm(boundary: "disk")
        form.append("document", file: file)
        let expected = Data(("--disk\r\nContent-Disposition: form-data; name=\"document\"; filename=\"Scan.PDF\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n").utf8) + bytes + Data("\r\n--disk--\r\n".utf8)
        #expect(try form.encode() == expected)
    }

    @Test func unreadableFileThrowsInvalidRequest() {
        var form = MultipartForm(boundary: "b")
        form.append("document", file: .pdf(at: URL(fileURLWithPath: "/nonexistent/\(UUID().uuidString).pdf")))
        let error = #expect(throws: ClientError.self) { try form.encode() }
        guard case .invalidRequest(let message)? = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message.contains("/nonexistent/"))
    }

    @Test(arguments: [
        ("pdf", "application/pdf"), ("png", "image/png"), ("JPG", "image/jpeg"), ("jpeg", "image/jpeg"),
        ("txt", "text/plain"), ("json", "application/json"), ("docx", "application/octet-stream"),
        ("", "application/octet-stream"),
    ])
    func contentTypeIsGuessedFromExtension(pathExtension: String, contentType: String) {
        let name = pathExtension.isEmpty ? "README" : "file.\(pathExtension)"
        #expect(MultipartFile.file(at: URL(fileURLWithPath: "/tmp/\(name)")).contentType == contentType)
    }

    @Test func explicitContentTypeWins() {
        let file = MultipartFile.file(at: URL(fileURLWithPath: "/tmp/a.pdf"), contentType: "application/x-custom")
        #expect(file.contentType == "application/x-custom")
    }

    @Test func randomBoundaryHasPrefixAndAlphanumericSuffix() {
        let boundary = MultipartForm.randomBoundary()
        #expect(boundary.hasPrefix("bindgen-"))
        let suffix = boundary.dropFirst("bindgen-".count)
        #expect(suffix.count == 24)
        #expect(suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(MultipartForm.randomBoundary() != boundary)
        #expect(MultipartForm().boundary.hasPrefix("bindgen-"))
    }

    @Test func emptyFormIsOnlyTheCloseDelimiter() throws {
        #expect(try MultipartForm(boundary: "b").encode() == Data("--b--\r\n".utf8))
    }

    @Test(arguments: ["", "trailing space ", String(repeating: "x", count: 71), "semi;colon"])
    func invalidBoundaryIsRejected(boundary: String) {
        #expect(throws: ClientError.self) { try MultipartForm(boundary: boundary).encode() }
    }

    @Test func boundaryWithNonTokenCharactersIsQuoted() {
        #expect(MultipartForm(boundary: "a:b").contentType == "multipart/form-data; boundary=\"a:b\"")
    }
}
