import Foundation
import PetstoreAPI

// Everything used here is generated at build time from Sources/PetstoreAPI: the built-in templates give the
// models and the client; the custom templates in Sources/PetstoreAPI/Templates add the rest.

/// Compiles only because the conformances partial adds `Identifiable` to models with an `id`.
func identifiers<Model: Identifiable>(_ models: [Model]) -> [Model.ID] {
    models.map(\.id)
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
encoder.dateEncodingStrategy = .iso8601
func json(_ value: some Encodable) -> String {
    (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
}

// (1) Identifiable on every model with an `id`.
print("identifiable: Pet ids \(identifiers([Pet.fixture])), Order ids \(identifiers([Order.fixture])), Category ids \(identifiers([Category.fixture]))")

// (2) A `static let fixture` per model (and per enum, nested ones included).
print("fixture Pet: \(json(Pet.fixture))")
print("fixture Order: \(json(Order.fixture))")
print("fixture NewPet: \(json(NewPet.fixture)); Error: \(json(Error.fixture)); OrderStatus: \(OrderStatus.fixture.rawValue)")

// (3) One extra file for the tags: a namespace per tag, reached from the client.
let client = Client(serverURL: URL(string: "http://127.0.0.1:9/v1")!)
print("tag \(PetsAPI.tag): \(PetsAPI.operationIDs.joined(separator: ", ")); client.pets is \(type(of: client.pets))")
print("tag \(StoreAPI.tag): \(StoreAPI.operationIDs.joined(separator: ", ")); client.store is \(type(of: client.store))")

// The configuration file: the admin tag is filtered out, showPetById is renamed.
let endpoint = Endpoint.pet(petId: Pet.fixture.id)
print("renamed: Endpoint.pet → \(endpoint.method) \(endpoint.path) (operationId \(endpoint.operationID))")
print("petstore-demo: ok")
