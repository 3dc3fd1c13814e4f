import BindgenIR
import Testing

@Suite struct NamingTests {
    @Test(arguments: [
        ("api_key", "ApiKey"), ("APIKey", "APIKey"), ("envelope.created", "EnvelopeCreated"), ("200", "_200"),
        ("2XX", "_2XX"), ("pet-type", "PetType"), ("déjà vu", "DéjàVu"), ("*", "_asterisk"), ("", "_empty"),
    ])
    func typeNames(input: String, expected: String) {
        #expect(SwiftName.typeName(input) == expected)
    }

    @Test(arguments: [
        ("Idempotency-Key", "idempotencyKey"), ("APIKey", "apiKey"), ("listAPIKeys", "listAPIKeys"), ("SIGNER", "signer"),
        ("IN_PROGRESS", "inProgress"), ("X-Request-Id", "xRequestId"), ("pet_type", "petType"), ("1st", "_1st"),
        ("sizeBytes", "sizeBytes"), ("URL", "url"),
    ])
    func memberNames(input: String, expected: String) {
        #expect(SwiftName.memberName(input) == expected)
    }

    @Test(arguments: [("+1", "plus1"), ("-1", "minus1"), ("", "empty"), ("sold out", "soldOut"), ("a-b", "aB")])
    func caseNames(input: String, expected: String) {
        #expect(SwiftName.caseName(input) == expected)
    }

    @Test func keywordsAreEscaped() {
        #expect(SwiftName.escaped("default") == "`default`")
        #expect(SwiftName.escaped("self") == "`self`")
        #expect(SwiftName.escaped("Type") == "`Type`")
        #expect(SwiftName.escaped("name") == "name")
    }

    @Test func collisionsGetStableSuffixes() {
        var names = NameAllocator(reserved: ["Client"])
        #expect(names.unique("Client") == "Client2")
        #expect(names.unique("Pet") == "Pet")
        #expect(names.unique("Pet") == "Pet2")
        #expect(names.unique("Pet") == "Pet3")
    }
}
