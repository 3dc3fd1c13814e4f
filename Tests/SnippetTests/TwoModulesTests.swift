import Certyneo
import FixtureRequestBodies
import Foundation
import Testing

/// Two modules generated from different documents, imported into one file: each has its own `Client` and models,
/// and module-qualified names tell them apart (the README's "Your own API" says so).
@Suite struct TwoModulesTests {
    @Test func moduleQualifiedNamesSeparateTwoGeneratedModules() throws {
        let server = try #require(URL(string: "http://127.0.0.1:9"))
        let signatures = Certyneo.Client(apiKey: "sk_test_two_modules", serverURL: server)
        let pets = FixtureRequestBodies.Client(serverURL: server)
        let envelope: Certyneo.EnvelopeStatus = .sent
        let pet = FixtureRequestBodies.NewPet(name: "Rex")
        #expect(envelope.rawValue == "SENT")
        #expect(pet.name == "Rex")
        #expect(Certyneo.Endpoint.listEnvelopes(limit: nil, startingAfter: nil, status: nil).method.rawValue == "GET")
        _ = (signatures, pets)
    }
}
