import Foundation

extension JSONEncoder {
    /// A new encoder configured for generated clients (a fresh instance on every access).
    ///
    /// - Dates: RFC 3339 in UTC, e.g. `"2026-12-01T05:41:20Z"`, or `"2026-12-01T05:41:20.123Z"` when the
    ///   date has a fractional second (microsecond resolution, trailing zeros trimmed).
    /// - `Data`: Base64 (RFC 4648 §4), the OpenAPI `format: byte`.
    /// - Output: compact, keys in declaration order (not sorted), `/` not escaped.
    public static var bindgen: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        encoder.dataEncodingStrategy = .base64
        return encoder
    }
}

extension JSONDecoder {
    /// A new decoder configured for generated clients (a fresh instance on every access).
    ///
    /// - Dates: RFC 3339 `date-time` with or without fractional seconds (any number of digits,
    ///   nanoseconds kept), `Z` or `±hh:mm` offsets, lowercase `t`/`z` accepted.
    ///   An invalid string throws `DecodingError.dataCorrupted` whose debug description names it.
    /// - `Data`: Base64 (RFC 4648 §4).
    public static var bindgen: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Invalid RFC 3339 date-time: \"\(text)\"")
            }
            return date
        }
        decoder.dataDecodingStrategy = .base64
        return decoder
    }
}
