import BindgenRuntime
import Foundation
import Testing

/// One case of `../shared/vectors/standard-webhooks.json`.
struct WebhookVector: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let secrets: [String]
    let headers: [String: String]
    let body: String
    let now: Int64
    let toleranceSeconds: Int64
    let valid: Bool
    let note: String?

    var testDescription: String { name }

    var verifier: WebhookVerifier {
        get throws {
            let now = Date(timeIntervalSince1970: TimeInterval(self.now))
            return try WebhookVerifier(secrets: secrets, tolerance: .seconds(toleranceSeconds), now: { now })
        }
    }

    /// The same headers with every name in upper case, as `HTTPFields`.
    var upperCaseFields: HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let fieldName = HTTPField.Name(name.uppercased()) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return fields
    }

    /// The vectors file beside the repository: `<repo>/../shared/vectors/standard-webhooks.json`.
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/vectors/standard-webhooks.json").standardizedFileURL

    static func load() throws -> [WebhookVector] {
        struct File: Decodable { let cases: [WebhookVector] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: fileURL)).cases
    }

    static let all: [WebhookVector] = (try? load()) ?? []
}

@Suite("Standard Webhooks vectors")
struct WebhookVectorTests {
    /// The error each named invalid case must fail with; cases added later only need `valid`.
    static let expectedErrors: [String: WebhookVerificationError] = [
        "wrong-signature": .noMatchingSignature,
        "empty-signature": .noMatchingSignature,
        "tampered-body": .noMatchingSignature,
        "reserialized-body": .noMatchingSignature,
        "too-old": .timestampTooOld(timestamp: 1_614_265_330, now: 1_614_265_631),
        "too-new": .timestampTooNew(timestamp: 1_614_265_330, now: 1_614_265_028),
        "nan-timestamp": .malformedTimestamp("nan"),
        "float-timestamp": .malformedTimestamp("1614265330.0"),
        "missing-id": .missingHeader("webhook-id"),
        "wrong-id": .noMatchingSignature,
    ]

    @Test func theVectorFileIsReadAndComplete() throws {
        let cases = try WebhookVector.load()
        #expect(cases.count >= 16, "read \(cases.count) cases from \(WebhookVector.fileURL.path)")
        #expect(Set(cases.map(\.name)).count == cases.count, "case names are unique")
        #expect(cases.contains { $0.valid } && cases.contains { !$0.valid })
    }

    @Test(arguments: WebhookVector.all)
    func vector(_ vector: WebhookVector) throws {
        let verifier = try vector.verifier
        let body = Data(vector.body.utf8)
        for headers in [AnyHeaders(vector.headers), AnyHeaders(vector.upperCaseFields)] {
            do throws(WebhookVerificationError) {
                let delivery = try headers.verify(with: verifier, body: body)
                #expect(vector.valid, "\(vector.name) must be refused (\(vector.note ?? ""))")
                #expect(delivery.id == vector.headers["webhook-id"])
                #expect(delivery.body == body)
                #expect(String(delivery.timestamp) == vector.headers["webhook-timestamp"])
            } catch {
                #expect(!vector.valid, "\(vector.name) must be accepted, got \(error)")
                if let expected = Self.expectedErrors[vector.name] {
                    #expect(error == expected, "\(vector.name)")
                }
            }
        }
    }

    /// A valid case's signature under its first secret is what the signer writes.
    @Test(arguments: WebhookVector.all.filter(\.valid))
    func signerReproducesValidVectors(_ vector: WebhookVector) throws {
        let id = try #require(vector.headers["webhook-id"])
        let timestamp = try #require(vector.headers["webhook-timestamp"].flatMap { Int64($0) })
        let body = Data(vector.body.utf8)
        let sent = Set(try #require(vector.headers["webhook-signature"]).split(separator: " ").map(String.init))
        let matches = try vector.secrets.map { secret in
            try WebhookSigner(secrets: [secret]).signature(id: id, timestamp: timestamp, body: body)
        }.filter(sent.contains)
        #expect(!matches.isEmpty, "no configured secret reproduces a signature of \(vector.name)")
    }

    @Test func officialVectorSignatureIsExact() throws {
        let signer = try WebhookSigner(secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        let signature = signer.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8))
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }
}

/// Either header form, so each vector runs through both `[String: String]` and `HTTPFields`.
struct AnyHeaders {
    private let run: (WebhookVerifier, Data) throws(WebhookVerificationError) -> VerifiedWebhook

    init(_ headers: some WebhookHeaderSource) {
        run = { verifier, body throws(WebhookVerificationError) in try verifier.verify(body: body, headers: headers) }
    }

    func verify(with verifier: WebhookVerifier, body: Data) throws(WebhookVerificationError) -> VerifiedWebhook {
        try run(verifier, body)
    }
}
