import Foundation

/// Formats and parses RFC 3339 `date-time` strings (the `format: date-time` of OpenAPI).
///
/// A hand-written parser: no `DateFormatter` or `ISO8601DateFormatter` is created per call, so it is
/// cheap, thread-safe and `Sendable`.
///
/// Accepted input (RFC 3339 §5.6): `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±hh:mm)`.
/// - `T` and `Z` may be lowercase (`t`, `z`); a single space is accepted in place of `T`
///   (RFC 3339 §5.6, NOTE).
/// - The fraction may have any number of digits; up to nine (nanoseconds) are kept.
/// - Second `60` (a leap second) is accepted and lands on the following second.
/// - Calendar validity is checked, including leap years: `2026-02-30` or month `13` is rejected.
///
/// Output is always UTC with a `Z` suffix. Fractional seconds are written only when non-zero,
/// rounded to microseconds with trailing zeros trimmed: `2026-12-01T05:41:20Z`,
/// `2026-12-01T05:41:20.123Z`.
public enum RFC3339: Sendable {
    /// Formats `date` as an RFC 3339 UTC timestamp, e.g. `"2026-12-01T05:41:20Z"` or
    /// `"2026-12-01T05:41:20.5Z"` when the date has a fractional second (microsecond resolution).
    ///
    /// Dates outside years 0001–9999 are clamped to that range, which is all RFC 3339 can express.
    public static func string(from date: Date) -> String {
        var interval = date.timeIntervalSince1970
        if interval.isNaN { interval = 0 }
        interval = min(max(interval, -62_135_596_800), 253_402_300_799)
        let wholeSeconds = interval.rounded(.down)
        var seconds = Int64(wholeSeconds)
        var micros = Int64(((interval - wholeSeconds) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilDate(fromDays: days)
        var result = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        result += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if micros != 0 {
            var fraction = pad(micros, 6)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            result += "." + fraction
        }
        return result + "Z"
    }

    /// Parses an RFC 3339 `date-time`; returns `nil` for anything that is not a valid timestamp
    /// (wrong shape, out-of-range fields, impossible calendar dates such as February 30).
    public static func date(from string: String) -> Date? {
        var scanner = Scanner(Array(string.utf8))
        guard let year = scanner.number(digits: 4), scanner.consume("-"),
              let month = scanner.number(digits: 2), scanner.consume("-"),
              let day = scanner.number(digits: 2),
              scanner.consume("T") || scanner.consume("t") || scanner.consume(" "),
              let hour = scanner.number(digits: 2), scanner.consume(":"),
              let minute = scanner.number(digits: 2), scanner.consume(":"),
              let second = scanner.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }

        var nanoseconds: Int64 = 0
        if scanner.consume(".") {
            var count = 0
            while let digit = scanner.digit() {
                if count < 9 { nanoseconds = nanoseconds * 10 + digit }
                count += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 9) { nanoseconds *= 10 }
        }

        var offsetSeconds: Int64 = 0
        if scanner.consume("Z") || scanner.consume("z") {
            offsetSeconds = 0
        } else if let sign = scanner.sign() {
            guard let offsetHour = scanner.number(digits: 2), scanner.consume(":"),
                  let offsetMinute = scanner.number(digits: 2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        } else {
            return nil
        }
        guard scanner.isAtEnd else { return nil }

        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1_000_000_000)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, days relative to 1970-01-01)

    static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 for a civil date (era-based computation on 400-year cycles).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysFromCivil(year:month:day:)``.
    static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A byte cursor over the input.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { index == bytes.count }

        mutating func consume(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int64? {
            guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
                return nil
            }
            defer { index += 1 }
            return Int64(bytes[index] - UInt8(ascii: "0"))
        }

        /// Exactly `digits` decimal digits.
        mutating func number(digits: Int) -> Int64? {
            var value: Int64 = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        mutating func sign() -> Int64? {
            if consume("+") { return 1 }
            if consume("-") { return -1 }
            return nil
        }
    }
}
