import BindgenRuntime
import Foundation
import Testing

@Suite("Retry-After parsing (RFC 9110 §10.2.3) and HTTP-date (§5.6.7)")
struct RetryAfterTests {
    /// 2026-11-20T12:00:00Z.
    private let now = Date(timeIntervalSince1970: 1_795_176_000)

    @Test(arguments: [("0", 0), ("1", 1), ("120", 120), ("  7 ", 7), ("007", 7), ("86400", 86_400)])
    func delaySeconds(value: String, seconds: Int64) {
        #expect(RetryAfter.delay(from: value, now: now) == .seconds(seconds))
    }

    @Test(arguments: ["99999999999999999999999999", "1000000000001", "18446744073709551616"])
    func hugeDelaySecondsAreClampedNotWrapped(value: String) {
        #expect(RetryAfter.delay(from: value, now: now) == RetryAfter.maximumDelay)
    }

    @Test(arguments: ["-5", "-0", "+5", "1.5", "1e3", "0x10", "5s", "soon", "", "   ", "1 2", "١٢",
                      "Fri, 20 Nov 2026 12:00:60 UTC", "Fri, 32 Nov 2026 12:00:00 GMT", "Fri, 20 Nov 2026 24:00:00 GMT",
                      "Fri, 20 Foo 2026 12:00:00 GMT", "Fri,20 Nov 2026 12:00:00 GMT", "Fri, 20 Nov 26 12:00:00 GMT",
                      "Friday, 20-Nov-2026 12:00:00 GMT", "Fri Nov 20 12:00:00 26", "Thu, 29 Feb 2026 00:00:00 GMT"])
    func garbageNegativeAndMalformedValuesAreIgnored(value: String) {
        #expect(RetryAfter.delay(from: value, now: now) == nil)
    }

    @Test func imfFixdate() {
        #expect(RetryAfter.delay(from: "Fri, 20 Nov 2026 12:01:30 GMT", now: now) == .seconds(90))
        #expect(HTTPDate.date(from: "Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test func rfc850Date() {
        #expect(RetryAfter.delay(from: "Friday, 20-Nov-26 12:00:05 GMT", now: now) == .seconds(5))
        #expect(HTTPDate.date(from: "Sunday, 06-Nov-94 08:49:37 GMT", now: now) == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test func rfc850TwoDigitYearMoreThanFiftyYearsAheadIsInThePast() throws {
        // In 2026, "76" would be 2076 (50 years ahead: kept), "77" would be 2077 (more: 1977).
        let ahead = try #require(HTTPDate.date(from: "Friday, 01-Jan-76 00:00:00 GMT", now: now))
        let past = try #require(HTTPDate.date(from: "Saturday, 01-Jan-77 00:00:00 GMT", now: now))
        #expect(RFC3339.string(from: ahead) == "2076-01-01T00:00:00Z")
        #expect(RFC3339.string(from: past) == "1977-01-01T00:00:00Z")
    }

    @Test func asctimeDate() {
        #expect(RetryAfter.delay(from: "Fri Nov 20 12:00:10 2026", now: now) == .seconds(10))
        #expect(HTTPDate.date(from: "Sun Nov  6 08:49:37 1994") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDate.date(from: "Sun Nov 06 08:49:37 1994") == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test func namesAreCaseInsensitiveAndTheDayNameIsNotChecked() {
        #expect(RetryAfter.delay(from: "fri, 20 NOV 2026 12:00:01 GMT", now: now) == .seconds(1))
        #expect(RetryAfter.delay(from: "Mon, 20 Nov 2026 12:00:01 GMT", now: now) == .seconds(1))
    }

    @Test func aDateInThePastMeansNoWait() {
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now) == .zero)
        #expect(RetryAfter.delay(from: "Fri, 20 Nov 2026 12:00:00 GMT", now: now) == .zero)
    }

    @Test func aFarFutureDateIsAHugeDelay() throws {
        let delay = try #require(RetryAfter.delay(from: "Fri, 31 Dec 9999 23:59:59 GMT", now: now))
        #expect(delay > .seconds(250_000_000_000))
    }

    @Test func leapSecondAndLeapDay() {
        #expect(HTTPDate.date(from: "Sat, 31 Dec 2016 23:59:60 GMT") == HTTPDate.date(from: "Sun, 01 Jan 2017 00:00:00 GMT"))
        #expect(HTTPDate.date(from: "Thu, 29 Feb 2024 00:00:00 GMT") != nil)
    }

    @Test func formatsIMFFixdateAndRoundTrips() throws {
        #expect(HTTPDate.string(from: Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.string(from: now) == "Fri, 20 Nov 2026 12:00:00 GMT")
        for seconds in stride(from: -2_000_000_000.0, to: 4_000_000_000, by: 123_456_789) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(HTTPDate.date(from: HTTPDate.string(from: date)) == date)
        }
    }
}
