import Foundation
import XCTest

/// Structural checks of a PDF file, plus the poppler and qpdf tools when they are installed.
enum PDFStructure {
    /// `%PDF-` header, `%%EOF` end, and every in-use xref entry pointing at its `N 0 obj`.
    static func check(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(bytes.starts(with: Array("%PDF-".utf8)), "starts with %PDF-", file: file, line: line)
        let text = String(decoding: bytes, as: UTF8.self)
        let tail = String(decoding: bytes.suffix(64), as: UTF8.self)
        XCTAssertTrue(tail.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"), "ends with %%EOF", file: file, line: line)
        let startxref = try XCTUnwrap(tail.range(of: "startxref\n"), "startxref", file: file, line: line)
        let offsetText = tail[startxref.upperBound...].prefix { $0.isNumber }
        let xrefOffset = try XCTUnwrap(Int(offsetText), file: file, line: line)
        let xref = Array(bytes[xrefOffset...])
        XCTAssertTrue(xref.starts(with: Array("xref\n".utf8)), "startxref points at xref", file: file, line: line)
        let lines = String(decoding: xref, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[1].split(separator: " ")
        let count = try XCTUnwrap(Int(header[1]), file: file, line: line)
        XCTAssertGreaterThan(count, 1, file: file, line: line)
        for number in 1..<count {
            let entry = lines[2 + number]
            XCTAssertEqual(entry.utf8.count + 1, 20, "xref entries are 20 bytes", file: file, line: line)
            guard entry.hasSuffix("n "), let offset = Int(entry.prefix(10)) else { continue }
            let object = Array("\(number) 0 obj".utf8)
            XCTAssertEqual(Array(bytes[offset..<min(bytes.count, offset + object.count)]), object, "object \(number) at \(offset)", file: file, line: line)
        }
        XCTAssertTrue(text.contains("trailer"), file: file, line: line)
    }

    /// `pdfinfo`'s page count and a `qpdf --check` and `pdftoppm` run, when the tools exist;
    /// returns the page count (nil without pdfinfo).
    @discardableResult
    static func checkWithTools(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> Int? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("file.pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        if let qpdf = tool("qpdf") {
            let (status, output) = try run(qpdf, ["--check", path])
            XCTAssertEqual(status, 0, "qpdf --check: \(output)", file: file, line: line)
        }
        if let pdftoppm = tool("pdftoppm") {
            let (status, output) = try run(pdftoppm, ["-png", "-r", "20", path, directory.appendingPathComponent("page").path])
            XCTAssertEqual(status, 0, "pdftoppm: \(output)", file: file, line: line)
            let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".png") }
            XCTAssertFalse(pages.isEmpty, "pdftoppm rendered pages", file: file, line: line)
            XCTAssertFalse(output.lowercased().contains("error"), "pdftoppm: \(output)", file: file, line: line)
        }
        guard let pdfinfo = tool("pdfinfo") else { return nil }
        let (status, output) = try run(pdfinfo, [path])
        XCTAssertEqual(status, 0, "pdfinfo: \(output)", file: file, line: line)
        let pagesLine = output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return pagesLine.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    /// The names `pdfdetach -list` reports, or nil without poppler.
    static func attachments(_ bytes: [UInt8]) throws -> [String]? {
        guard let pdfdetach = tool("pdfdetach") else { return nil }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-detach-\(UUID().uuidString).pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (_, output) = try run(pdfdetach, ["-list", path])
        return output.split(separator: "\n").dropFirst().map { line in
            String(line.split(separator: " ", maxSplits: 1).last ?? "")
        }
    }

    /// The text `pdftotext` extracts, or nil without poppler.
    static func text(_ bytes: [UInt8]) throws -> String? {
        guard let pdftotext = tool("pdftotext") else { return nil }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-text-\(UUID().uuidString).pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try run(pdftotext, ["-enc", "UTF-8", path, "-"]).1
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/opt/homebrew/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
