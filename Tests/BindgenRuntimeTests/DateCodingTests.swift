import BindgenRuntime
import Foundation
import Testing

@Suite("RFC 3339 dates")
struct DateCodingTests {
    private struct Box: Codable, Equatable {
        let at: Date
    }

    private func decode(_ text: String) throws -> Date {
        try JSONDecoder.bindgen.decode(Box.self, from: Data(#"{"at":"\#(text)"}"#.utf8)).at
    }

    private func encode(_ date: Date) throws -> String {
        String(decoding: try JSONEncoder.bindgen.encode(Box(at: date)), as: UTF8.self)
    }

    // 2026-12-01T05:41:20Z
    private let reference: TimeInterval = 1_796_103_680

    @Test(arguments: [
        ("2026-12-01T05:41:20Z", 0.0),
        ("2026-12-01t05:41:20z", 0.0),
        ("2026-12-01 05:41:20Z", 0.0),
        ("2026-12-01T05:41:20.5Z", 0.5),
        ("2026-12-01T05:41:20.123Z", 0.123),
        ("2026-12-01T05:41:20.123456789Z", 0.123456789),
        ("2026-12-01T05:41:20.1234567891234Z", 0.123456789),
        ("2026-12-01T07:41:20+02:00", 0.0),
        ("2026-11-30T23:11:20-06:30", 0.0),
        ("2026-12-01T05:41:20.250-00:00", 0.25),
    ])
    func decodesValidTimestamps(text: String, fraction: Double) throws {
        let date = try decode(text)
        #expect(abs(date.timeIntervalSince1970 - (reference + fraction)) < 1e-6, "\(text)")
    }

    @Test func keepsSubMicrosecondPrecision() throws {
        let a = try decode("2026-12-01T05:41:20.000001Z").timeIntervalSince1970
        let b = try decode("2026-12-01T05:41:20.000002Z").timeIntervalSince1970
        #expect(b > a)
        #expect(abs((b - a) - 0.000001) < 1e-7)
    }

    @Test func leapDaysAndEpoch() throws {
        #expect(try decode("2024-02-29T00:00:00Z").timeIntervalSince1970 == 1_709_164_800)
        #expect(try decode("2000-02-29T12:00:00Z").timeIntervalSince1970 == 951_825_600)
        #expect(try decode("1970-01-01T00:00:00Z").timeIntervalSince1970 == 0)
        #expect(try decode("1969-12-31T23:59:59.5Z").timeIntervalSince1970 == -0.5)
        #expect(try decode("0001-01-01T00:00:00Z").timeIntervalSince1970 == -62_135_596_800)
    }

    @Test(arguments: [
        "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-02-30T00:00:00Z", "2026-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-01T24:00:00Z",
        "2026-12-01T23:60:00Z", "2026-12-01T23:59:61Z", "2026-12-01T05:41:20", "2026-12-01T05:41:20.Z",
        "2026-12-01T05:41:20+0200", "2026-12-01T05:41:20+24:00", "2026-12-01T05:41:20+02:60",
        "2026-12-01", "26-12-01T05:41:20Z", "2026-12-01T5:41:20Z", "2026-12-01T05:41:20ZZ",
        "2026-12-01T05:41:20Z ", "not a date", "", "２０２６-12-01T05:41:20Z",
    ])
    func rejectsInvalidTimestamps(text: String) {
        #expect(throws: DecodingError.self, "\(text)") { try decode(text) }
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func invalidDateErrorNamesTheString() throws {
        let error = #expect(throws: DecodingError.self) { try decode("2026-02-30T00:00:00Z") }
        guard case .dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("\"2026-02-30T00:00:00Z\""))
    }

    @Test func encodesWholeSecondsWithoutFraction() throws {
        #expect(try encode(Date(timeIntervalSince1970: reference)) == #"{"at":"2026-12-01T05:41:20Z"}"#)
    }

    @Test func encodesFractionalSeconds() throws {
        #expect(try encode(Date(timeIntervalSince1970: reference + 0.123)) == #"{"at":"2026-12-01T05:41:20.123Z"}"#)
        #expect(try encode(Date(timeIntervalSince1970: reference + 0.5)) == #"{"at":"2026-12-01T05:41:20.5Z"}"#)
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: reference + 0.000_25)) == "2026-12-01T05:41:20.00025Z")
    }

    @Test func encodingRoundsToMicrosecondsAndCarries() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: reference + 0.999_999_9)) == "2026-12-01T05:41:21Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.5Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_709_164_800)) == "2024-02-29T00:00:00Z")
    }

    @Test func roundTripsThroughEncoderAndDecoder() throws {
        for interval in [0, reference, reference + 0.25, 951_825_600.75, -86_400 * 365.25 * 100] {
            let date = Date(timeIntervalSince1970: interval)
            let decoded = try JSONDecoder.bindgen.decode(Box.self, from: try JSONEncoder.bindgen.encode(Box(at: date)))
            #expect(abs(decoded.at.timeIntervalSince1970 - interval) < 1e-6, "\(interval)")
        }
    }

    @Test func dateParameterValueIsRFC3339UTC() {
        #expect(Date(timeIntervalSince1970: reference).parameterValue == "2026-12-01T05:41:20Z")
        #expect(Date(timeIntervalSince1970: reference + 0.75).parameterValue == "2026-12-01T05:41:20.75Z")
    }

    @Test func encoderDoesNotEscapeSlashes() throws {
        let text = String(decoding: try JSONEncoder.bindgen.encode(["url": "https://a/b"]), as: UTF8.self)
        #expect(text == #"{"url":"https://a/b"}"#)
    }
}
