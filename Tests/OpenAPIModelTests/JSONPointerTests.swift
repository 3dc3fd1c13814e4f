import OpenAPIModel
import Testing

/// JSON pointers (RFC 6901): `~` and `/` inside a token are escaped as `~0` and `~1`, and `tokens(_:)` reads back
/// what `fragment(_:)` writes.
@Suite struct JSONPointerTests {
    @Test func escapesTildeBeforeSlash() {
        #expect(JSONPointer.escape("/v1/accounts/{id}") == "~1v1~1accounts~1{id}")
        #expect(JSONPointer.escape("a~1b") == "a~01b")
        #expect(JSONPointer.escape("plain") == "plain")
        #expect(JSONPointer.fragment(["paths", "/pets/{petId}", "get"]) == "#/paths/~1pets~1{petId}/get")
    }

    @Test func fragmentsRoundTripThroughTokens() {
        // Tokens from an alphabet dense in the characters that need escaping, and in ones that look like escapes.
        let alphabet: [Character] = ["~", "/", "0", "1", "a", "é", " ", "%"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let tokens = (0..<next(4)).map { _ in String((0..<next(6)).map { _ in alphabet[next(alphabet.count)] }) }
            let fragment = JSONPointer.fragment(tokens)
            #expect(JSONPointer.tokens(String(fragment.dropFirst())) == tokens || tokens.joined().contains("%"), "\(tokens) → \(fragment)")
            #expect(tokens.map(JSONPointer.escape).map(JSONPointer.unescape) == tokens)
        }
    }
}
