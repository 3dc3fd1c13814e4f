import BindgenRuntime
import Foundation
import Testing

/// SplitMix64: a small seeded generator, so every fuzz run is reproducible from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random inputs for the verifier: header values drawn from a mix of plausible and hostile text.
struct WebhookFuzzer {
    var random: SeededGenerator

    static let fragments = ["v1,", "v2,", "v1", ",", " ", "=", "==", "whsec_", "msg_", "evt_", ".", "\t", "\u{0}", "é", "١", "１", "🙂",
                            "nan", "1e9", "-", "+", "0", "1614265330", "9223372036854775807", "99999999999999999999", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func bool() -> Bool { Bool.random(using: &random) }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &random) } }

    /// Text made of random fragments, random ASCII and random bytes read as UTF-8 (with repairs).
    mutating func text(maxPieces: Int = 8) -> String {
        var text = ""
        for _ in 0..<int(0...maxPieces) {
            switch int(0...3) {
            case 0: text += Self.fragments[int(0...(Self.fragments.count - 1))]
            case 1: text += String(UnicodeScalar(UInt8(int(0x20...0x7E))))
            case 2: text += String(decoding: bytes(int(1...6)), as: UTF8.self)
            default: text += Data(bytes(int(1...40))).base64EncodedString()
            }
        }
        return text
    }

    /// A header name for `name`, in a random case, or a random other name.
    mutating func headerName(_ name: String) -> String {
        switch int(0...4) {
        case 0: return name.uppercased()
        case 1: return String(name.map { bool() ? Character($0.uppercased()) : $0 })
        case 2: return "x-" + name
        default: return name
        }
    }

    mutating func headers() -> [String: String] {
        var headers: [String: String] = [:]
        for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] where int(0...5) > 0 {
            headers[headerName(name)] = text()
        }
        if bool() { headers[text(maxPieces: 2)] = text() }
        return headers
    }
}

@Suite("Webhook verifier fuzzing")
struct WebhookFuzzTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let iterations = 3_000

    @Test(arguments: [1 as UInt64, 42, 0xC0FFEE])
    func randomHeadersAndBodiesNeverCrashOrPass(seed: UInt64) throws {
        var fuzzer = WebhookFuzzer(random: SeededGenerator(seed: seed))
        let verifier = try WebhookVerifier(secret: Self.secret, now: { Date(timeIntervalSince1970: 1_614_265_330) })
        for _ in 0..<Self.iterations {
            let headers = fuzzer.headers()
            let body = Data(fuzzer.bytes(fuzzer.int(0...256)))
            do {
                let accepted = try verifier.verify(body: body, headers: headers)
                Issue.record("accepted a random delivery: \(headers) → \(accepted.id)")
            } catch {
                #expect([400, 401].contains(error.suggestedStatus))
            }
            if let accepted = try? verifier.verifyIgnoringTimestamp(body: body, headers: headers) {
                Issue.record("accepted a random delivery without its timestamp check: \(headers) → \(accepted.id)")
            }
        }
    }

    /// Deliveries signed with some other secret, and valid deliveries with one thing changed, are
    /// never accepted.
    @Test(arguments: [7 as UInt64, 2026])
    func neverAcceptedWithoutTheSecret(seed: UInt64) throws {
        var fuzzer = WebhookFuzzer(random: SeededGenerator(seed: seed))
        let now: Int64 = 1_796_032_800
        let known = try WebhookSecret(bytes: fuzzer.bytes(32))
        let verifier = WebhookVerifier(secrets: [known], now: { Date(timeIntervalSince1970: TimeInterval(now)) })
        let signer = try WebhookSigner(secrets: [known])
        for _ in 0..<Self.iterations {
            let id = "msg_" + fuzzer.text(maxPieces: 3)
            let timestamp = now + Int64(fuzzer.int(-300...300))
            let body = Data(fuzzer.bytes(fuzzer.int(0...200)))
            let other = try WebhookSecret(bytes: fuzzer.bytes(fuzzer.int(1...64)))
            guard other != known else { continue }
            let forged = try WebhookSigner(secrets: [other]).headers(id: id, timestamp: timestamp, body: body)
            #expect(throws: WebhookVerificationError.self) { try verifier.verify(body: body, headers: forged) }

            var headers = signer.headers(id: id, timestamp: timestamp, body: body)
            if headers["webhook-id"].map(WebhookFuzzTests.trimmed) != id { continue } // an id with edge whitespace is not sent as such
            _ = try verifier.verify(body: body, headers: headers)
            var tamperedBody = body
            switch fuzzer.int(0...3) {
            case 0:
                if tamperedBody.isEmpty { tamperedBody.append(0) } else {
                    let index = fuzzer.int(0...(tamperedBody.count - 1))
                    tamperedBody[index] ^= UInt8(fuzzer.int(1...255))
                }
            case 1: headers["webhook-id"] = id + "x"
            case 2: headers["webhook-timestamp"] = String(timestamp + Int64(fuzzer.int(1...60)) * (fuzzer.bool() ? 1 : -1))
            default:
                var signature = Array(headers["webhook-signature"] ?? "")
                let index = fuzzer.int(3...(signature.count - 3)) // the last data character holds padding bits
                signature[index] = signature[index] == "A" ? "B" : "A"
                headers["webhook-signature"] = String(signature)
            }
            #expect(throws: WebhookVerificationError.self) { try verifier.verify(body: tamperedBody, headers: headers) }
        }
    }

    @Test(arguments: [3 as UInt64, 99])
    func signedDeliveriesRoundTrip(seed: UInt64) throws {
        var fuzzer = WebhookFuzzer(random: SeededGenerator(seed: seed))
        for _ in 0..<500 {
            let key = fuzzer.bytes(fuzzer.int(1...64))
            let padded = "whsec_" + Data(key).base64EncodedString()
            let text = fuzzer.bool() ? padded : String(padded.prefix { $0 != "=" })
            let secret = try WebhookSecret(text)
            #expect(try WebhookSecret(padded) == secret)
            let timestamp = Int64(fuzzer.int(0...4_000_000_000))
            let body = Data(fuzzer.bytes(fuzzer.int(0...300)))
            let id = "msg_" + Data(fuzzer.bytes(12)).base64EncodedString()
            let rotation = try WebhookSecret(bytes: fuzzer.bytes(24))
            let headers = try WebhookSigner(secrets: fuzzer.bool() ? [secret] : [rotation, secret]).headers(id: id, timestamp: timestamp, body: body)
            let verifier = WebhookVerifier(secrets: [secret], now: { Date(timeIntervalSince1970: TimeInterval(timestamp)) })
            let delivery = try verifier.verify(body: body, headers: headers)
            #expect(delivery.id == id && delivery.timestamp == timestamp && delivery.body == body)
        }
    }

    /// Random timestamp text is accepted exactly when it is ASCII digits fitting an Int64.
    @Test func timestampParsingMatchesTheDigitsOnlyRule() throws {
        var fuzzer = WebhookFuzzer(random: SeededGenerator(seed: 11))
        let secret = try WebhookSecret(Self.secret)
        let verifier = WebhookVerifier(secrets: [secret], tolerance: .seconds(Int64.max))
        for _ in 0..<Self.iterations {
            let text = fuzzer.bool() ? String(fuzzer.int(0...Int.max)) + (fuzzer.bool() ? "" : fuzzer.text(maxPieces: 1)) : fuzzer.text(maxPieces: 3)
            let headers = ["webhook-id": "msg_1", "webhook-timestamp": text, "webhook-signature": "v1,AAAA"]
            let trimmed = Self.trimmed(text)
            let isDigits = !trimmed.isEmpty && trimmed.utf8.allSatisfy { (0x30...0x39).contains($0) } && Int64(trimmed) != nil
            do throws(WebhookVerificationError) {
                _ = try verifier.verify(body: Data(), headers: headers)
                Issue.record("accepted a delivery signed with garbage")
            } catch {
                if trimmed.isEmpty {
                    #expect(error == .missingHeader("webhook-timestamp"))
                } else if isDigits {
                    #expect(error == .noMatchingSignature, "\(text.debugDescription) parses, so the signature is what fails")
                } else {
                    #expect(error == .malformedTimestamp(WebhookVerificationError.excerptForTests(trimmed)), "\(text.debugDescription)")
                }
            }
        }
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension WebhookVerificationError {
    /// The verifier quotes at most 64 characters of a header value.
    static func excerptForTests(_ value: String) -> String {
        value.count <= 64 ? value : String(value.prefix(64)) + "…"
    }
}
