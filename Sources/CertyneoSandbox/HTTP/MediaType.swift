import Foundation

/// A parsed `Content-Type` value: `type/subtype` (lowercased) and its parameters.
struct MediaType: Sendable, Equatable {
    var type: String
    var subtype: String
    var parameters: [String: String]

    var essence: String { type + "/" + subtype }

    /// Parses `type/subtype; name=value; name="quoted value"`; `nil` when malformed.
    init?(_ text: String) {
        let (head, parameters) = Self.split(headerValue: text)
        let essence = head.lowercased()
        let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !essence.contains(where: { $0 == " " || $0 == "\t" })
        else { return nil }
        self.type = String(parts[0])
        self.subtype = String(parts[1])
        self.parameters = parameters
    }

    /// `application/json` (parameters such as `charset` allowed).
    var isJSON: Bool {
        essence == "application/json"
    }

    /// Splits a header value such as `form-data; name="file"` into its leading token and its
    /// parameters (names lowercased, quotes removed; the first of a repeated name wins).
    static func split(headerValue text: String) -> (head: String, parameters: [String: String]) {
        let pieces = splitParameters(text)
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            if !name.isEmpty, parameters[name] == nil {
                parameters[name] = value
            }
        }
        return ((pieces.first ?? "").trimmingCharacters(in: .whitespaces), parameters)
    }

    /// Splits at `;` outside double quotes.
    private static func splitParameters(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }
}
