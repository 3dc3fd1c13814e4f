import Foundation

/// The `HTTP-date` of RFC 9110 §5.6.7, in all three of its formats.
///
/// - IMF-fixdate (the preferred format): `Sun, 06 Nov 1994 08:49:37 GMT`
/// - obsolete RFC 850 format: `Sunday, 06-Nov-94 08:49:37 GMT`
/// - ANSI C `asctime()` format: `Sun Nov  6 08:49:37 1994`
///
/// Parsing follows the grammar with the robustness RFC 9110 asks of recipients: names of days and
/// months are matched case-insensitively, surrounding whitespace is ignored, the day name is not
/// checked against the date, and second `60` (a leap second) is accepted and lands on the next
/// second. A two-digit RFC 850 year that would be more than 50 years in the future is taken as the
/// most recent past year with those digits (RFC 9110 §5.6.7). All three formats are in UTC.
public enum HTTPDate: Sendable {
    /// Parses an `HTTP-date` in any of its three formats.
    /// - Parameters:
    ///   - text: The field value, e.g. `"Wed, 21 Oct 2015 07:28:00 GMT"`.
    ///   - now: The current time, used only to place a two-digit RFC 850 year in its century.
    /// - Returns: The instant, or `nil` when `text` is not an `HTTP-date` (wrong shape, impossible
    ///   calendar date, out-of-range fields).
    public static func date(from text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return imfFixdate(trimmed) ?? rfc850Date(trimmed, now: now) ?? asctimeDate(trimmed)
    }

    /// Formats `date` as an IMF-fixdate, e.g. `"Sun, 06 Nov 1994 08:49:37 GMT"` (fractions of a
    /// second are dropped).
    public static func string(from date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = RFC3339.floorDivide(seconds, 86_400)
        let (year, month, day) = RFC3339.civilDate(fromDays: days)
        // 1970-01-01 was a Thursday (index 4 with Sunday = 0).
        let weekday = Int(RFC3339.floorDivide(days + 4, 7).remainder)
        return "\(shortDayNames[weekday]), \(pad(day, 2)) \(monthNames[Int(month) - 1]) \(pad(year, 4)) "
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)) GMT"
    }

    // MARK: The three formats

    /// `day-name "," SP day SP month SP year SP time-of-day SP "GMT"`.
    private static func imfFixdate(_ text: String) -> Date? {
        var scanner = DateScanner(text)
        guard scanner.name(in: shortDayNames) != nil, scanner.literal(", "),
              let day = scanner.number(digits: 2), scanner.literal(" "),
              let month = scanner.name(in: monthNames), scanner.literal(" "),
              let year = scanner.number(digits: 4), scanner.literal(" "),
              let time = scanner.timeOfDay(), scanner.literal(" GMT"), scanner.isAtEnd
        else { return nil }
        return makeDate(year: year, month: Int64(month + 1), day: day, time: time)
    }

    /// `day-name-l "," SP day "-" month "-" 2DIGIT SP time-of-day SP "GMT"`.
    private static func rfc850Date(_ text: String, now: Date) -> Date? {
        var scanner = DateScanner(text)
        guard scanner.name(in: longDayNames) != nil, scanner.literal(", "),
              let day = scanner.number(digits: 2), scanner.literal("-"),
              let month = scanner.name(in: monthNames), scanner.literal("-"),
              let shortYear = scanner.number(digits: 2), scanner.literal(" "),
              let time = scanner.timeOfDay(), scanner.literal(" GMT"), scanner.isAtEnd
        else { return nil }
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let currentYear = RFC3339.civilDate(fromDays: RFC3339.floorDivide(nowSeconds, 86_400).quotient).year
        var year = currentYear - RFC3339.floorDivide(currentYear, 100).remainder + shortYear
        if year > currentYear + 50 { year -= 100 }
        return makeDate(year: year, month: Int64(month + 1), day: day, time: time)
    }

    /// `day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time-of-day SP year`.
    private static func asctimeDate(_ text: String) -> Date? {
        var scanner = DateScanner(text)
        guard scanner.name(in: shortDayNames) != nil, scanner.literal(" "),
              let month = scanner.name(in: monthNames), scanner.literal(" ")
        else { return nil }
        let day: Int64
        if scanner.literal(" ") {
            guard let digit = scanner.number(digits: 1) else { return nil }
            day = digit
        } else {
            guard let digits = scanner.number(digits: 2) else { return nil }
            day = digits
        }
        guard scanner.literal(" "), let time = scanner.timeOfDay(), scanner.literal(" "),
              let year = scanner.number(digits: 4), scanner.isAtEnd
        else { return nil }
        return makeDate(year: year, month: Int64(month + 1), day: day, time: time)
    }

    private static func makeDate(year: Int64, month: Int64, day: Int64,
                                 time: (hour: Int64, minute: Int64, second: Int64)) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= RFC3339.daysInMonth(year: year, month: month),
              time.hour <= 23, time.minute <= 59, time.second <= 60
        else { return nil }
        let days = RFC3339.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + time.hour * 3600 + time.minute * 60 + time.second
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static let shortDayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let longDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over the bytes of an HTTP-date.
private struct DateScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { index == bytes.count }

    /// Consumes `text` exactly.
    mutating func literal(_ text: String) -> Bool {
        let expected = Array(text.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            return false
        }
        index += expected.count
        return true
    }

    /// Consumes one of `names` (ASCII, case-insensitive) and returns its index; longest match wins.
    mutating func name(in names: [String]) -> Int? {
        var best: (position: Int, length: Int)?
        for (position, name) in names.enumerated() {
            let expected = Array(name.utf8)
            guard bytes.count - index >= expected.count else { continue }
            let matches = zip(bytes[index..<index + expected.count], expected).allSatisfy { lower($0) == lower($1) }
            if matches, expected.count > (best?.length ?? 0) { best = (position, expected.count) }
        }
        guard let best else { return nil }
        index += best.length
        return best.position
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int64? {
        guard bytes.count - index >= digits else { return nil }
        var value: Int64 = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    /// `hour ":" minute ":" second`, two digits each.
    mutating func timeOfDay() -> (hour: Int64, minute: Int64, second: Int64)? {
        guard let hour = number(digits: 2), literal(":"), let minute = number(digits: 2), literal(":"),
              let second = number(digits: 2)
        else { return nil }
        return (hour, minute, second)
    }

    private func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
