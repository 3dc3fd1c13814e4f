import Foundation
import XCTest

@testable import CertyneoSandbox

final class FormatTests: XCTestCase {
    func testRFC3339RoundTrip() throws {
        let date = try XCTUnwrap(RFC3339.parse("2026-12-01T05:41:20Z"))
        XCTAssertEqual(date.timeIntervalSince1970, 1_796_103_680)
        XCTAssertEqual(RFC3339.format(date), "2026-12-01T05:41:20Z")
        XCTAssertEqual(RFC3339.parse("2026-12-01T07:41:20.500+02:00")?.timeIntervalSince1970, 1_796_103_680.5)
        XCTAssertEqual(RFC3339.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(RFC3339.format(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29T00:00:00Z")
        for bad in ["2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-01 05:41:20", "2026-12-01T05:41:20", "tomorrow", "2026-12-01T24:00:00Z"] {
            XCTAssertNil(RFC3339.parse(bad), bad)
        }
    }

    func testMultipartParsing() throws {
        let body = Array("preamble\r\n--xyz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMon contrat\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n\r\nbody\r\n--xyz--\r\n".utf8)
        let form = try XCTUnwrap(MultipartForm(body: body, boundary: "xyz"))
        XCTAssertEqual(form.parts.count, 2)
        XCTAssertEqual(form.part(named: "name").map { String(decoding: $0.body, as: UTF8.self) }, "Mon contrat")
        let file = try XCTUnwrap(form.part(named: "file"))
        XCTAssertEqual(file.fileName, "a b.pdf")
        XCTAssertEqual(String(decoding: file.body, as: UTF8.self), "%PDF-1.7\r\n\r\nbody")
        XCTAssertNil(MultipartForm(body: Array("--xyz\r\nno end".utf8), boundary: "xyz"))
        XCTAssertNil(MultipartForm(body: Array("nothing".utf8), boundary: "xyz"))
    }

    func testMediaTypes() throws {
        let type = try XCTUnwrap(MediaType("Multipart/Form-Data; boundary=\"a;b\"; charset=utf-8"))
        XCTAssertEqual(type.essence, "multipart/form-data")
        XCTAssertEqual(type.parameters["boundary"], "a;b")
        XCTAssertTrue(MediaType("application/json; charset=utf-8")?.isJSON ?? false)
        XCTAssertNil(MediaType("json"))
    }

    func testEmailAndURLFormats() {
        XCTAssertTrue(FormatChecks.isEmail("client@example.com"))
        XCTAssertTrue(FormatChecks.isEmail("a.b+c@sub.example.co"))
        XCTAssertFalse(FormatChecks.isEmail("client.example.com"))
        XCTAssertFalse(FormatChecks.isEmail("@example.com"))
        XCTAssertFalse(FormatChecks.isEmail("a b@example.com"))
        XCTAssertTrue(FormatChecks.isWebURL("https://crm.example.com/hooks/certyneo"))
        XCTAssertFalse(FormatChecks.isWebURL("ftp://example.com"))
        XCTAssertFalse(FormatChecks.isWebURL("/relative"))
    }

    func testReferenceDigest() {
        XCTAssertEqual(SHA256Reference.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(RouteSupport.sha256Hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

final class FingerprintTests: XCTestCase {
    private func fingerprint(_ body: String, contentType: String) -> String {
        RequestFingerprint.make(method: "POST", path: "/api/v1/envelopes", contentType: MediaType(contentType), body: Array(body.utf8))
    }

    func testJSONBodiesCompareByValue() {
        let first = fingerprint(#"{"a": 1, "b": [true, null]}"#, contentType: "application/json")
        let reordered = fingerprint(#"{"b":[true,null],"a":1.0}"#, contentType: "application/json; charset=utf-8")
        let other = fingerprint(#"{"a": 2, "b": [true, null]}"#, contentType: "application/json")
        XCTAssertEqual(first, reordered)
        XCTAssertNotEqual(first, other)
    }

    func testMultipartBodiesIgnoreTheBoundary() {
        let one = fingerprint("--aaa\r\nx\r\n--aaa--", contentType: "multipart/form-data; boundary=aaa")
        let two = fingerprint("--bbbb\r\nx\r\n--bbbb--", contentType: "multipart/form-data; boundary=bbbb")
        XCTAssertEqual(one, two)
    }
}
