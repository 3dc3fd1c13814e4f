import BindgenCore
import BindgenRender
import Foundation
import Testing

/// `dump-context` prints real values, every key it prints is in the contract, and the article documents every key.
@Suite struct ContextContractTests {
    func dump(_ scope: TemplateScope = .document, document: String = petstoreDocument) throws -> Any {
        let path = try writeDocument(document)
        let text = try Pipeline.dumpContext(documentPath: path, scope: scope)
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func documentScopeHoldsTheVersionAndRealValues() throws {
        let context = try #require(try dump() as? [String: Any])
        #expect(context["contractVersion"] as? Int == ContextContract.version)
        #expect(context["title"] as? String == "Pets")
        #expect((context["schemas"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Pet", "PetType", "Store", "Person", "Unused"])
        #expect((context["tags"] as? [[String: Any]])?.map { $0["name"] as? String } == ["pets", "admin", "stores"])
        #expect(context["imports"] as? [String] == ["Foundation", "BindgenRuntime"])
    }

    @Test func schemaScopeListsEachSchemaContext() throws {
        let schemas = try #require(try dump(.schema) as? [[String: Any]])
        let pet = try #require(schemas.first)
        #expect(pet["name"] as? String == "Pet")
        #expect(pet["hasIDProperty"] as? Bool == true)
        let properties = try #require(pet["properties"] as? [[String: Any]])
        #expect(properties.map { $0["name"] as? String } == ["id", "name", "petType", "status"])
        let id = try #require(properties.first?["typeInfo"] as? [String: Any])
        #expect(id["kind"] as? String == "integer")
        #expect(id["integerBits"] as? Int == 64)
        let status = try #require(properties.last?["typeInfo"] as? [String: Any])
        #expect(status["isEnumType"] as? Bool == true)
        #expect(status["isOptional"] as? Bool == true)
        let nested = try #require(pet["nested"] as? [[String: Any]])
        #expect(nested.first?["qualifiedName"] as? String == "Pet.Status")
    }

    @Test func otherScopesListTheirItems() throws {
        let operations = try #require(try dump(.operation) as? [[String: Any]])
        #expect(operations.map { $0["operationID"] as? String } == ["listPets", "createPet", "getStore", "health"])
        let tags = try #require(try dump(.tag) as? [[String: Any]])
        #expect(tags.map { $0["typeName"] as? String } == ["Pets", "Admin", "Stores"])
        let hooks = try #require(try dump(.webhook) as? [[String: Any]])
        #expect(hooks.map { $0["name"] as? String } == ["pet.adopted"])
    }

    @Test func everyKeyInTheContextIsInTheContract() throws {
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                keys.formUnion(dictionary.keys)
                dictionary.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try dump())
        collect(try dump(document: OperationGenerationTests.document))
        collect(try dump(document: ModelGenerationTests.models))
        let missing = keys.subtracting(ContextContract.allKeys).sorted()
        #expect(missing == [], "keys in the context but not in ContextContract.keys")
    }

    /// The linter refuses `{{key}}` for the keys in `nonScalarKeys`: each of them holds a list or an object (or
    /// `false` when absent) wherever it appears, and every other key holds text, a number or a flag.
    @Test func nonScalarKeysAreExactlyTheListsAndObjects() throws {
        var containers: Set<String> = []
        var scalars: [String: String] = [:]
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                for (key, member) in dictionary {
                    if member is [Any] || member is [String: Any] {
                        containers.insert(key)
                    } else if !(member is NSNull), !(member as? Bool == false) {
                        scalars[key] = "\(member)"
                    }
                    collect(member)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try dump())
        collect(try dump(document: OperationGenerationTests.document))
        collect(try dump(document: ModelGenerationTests.models))
        #expect(containers.subtracting(ContextContract.nonScalarKeys).sorted() == [], "lists or objects the linter would let a template print")
        let printedAndRefused = ContextContract.nonScalarKeys.filter { scalars[$0] != nil }.sorted()
        #expect(printedAndRefused == [], "text the linter would refuse to print: \(printedAndRefused.map { "\($0) = \(scalars[$0] ?? "")" })")
    }

    @Test func theArticleDocumentsEveryKeyOfTheContract() throws {
        let article = try String(contentsOf: packageRoot.appendingPathComponent("Sources/BindgenCore/BindgenCore.docc/CustomTemplates.md"), encoding: .utf8)
        for (object, keys) in ContextContract.keys {
            for key in keys where !article.contains("| `\(key)` |") {
                Issue.record("the Custom Templates article does not document `\(key)` (\(object))")
            }
        }
        #expect(article.contains("contract \(ContextContract.version)"), "the article names the current contract version")
    }
}
