import FixtureRequestBodies
import Foundation

/// README, "Request bodies and webhooks": one method per request media type (Tests/Fixtures/RequestBodies).
func readmeRequestBodies(client: Client, photoURL: URL) async throws {
    // snippet: request-bodies
    let pet = try await client.createPet(.init(name: "Rex"))                                   // application/json
    let same = try await client.createPetMultipart(name: "Rex", photo: .file(at: photoURL))    // multipart/form-data
    let patched = try await client.updatePetMergePatch(id: pet.id, .init(name: "Max"))         // merge-patch+json
    // end snippet
    _ = (same, patched)
}
