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

/// README: clearing a field with a merge patch.
func readmeMergePatchNull(client: Client, pet: Pet) async throws {
    // snippet: merge-patch-null
    var patch = PetPatch()
    patch.$name = .null                 // {"name": null}: the server clears it; `patch.name = nil` sends {}
    _ = try await client.updatePetMergePatch(id: pet.id, patch)
    print(patch.$name)                  // .null; also .absent, .value("Max")
    // end snippet
}
