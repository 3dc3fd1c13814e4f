import BindgenCore
@testable import BindgenRender
import Foundation
import Testing

/// Broken user templates name the template file, line and column.
@Suite struct TemplateErrorTests {
    @Test func syntaxErrorNamesFileAndLine() throws {
        let fixture = try TemplateFixture(templates: ["schema.Fixtures.swift.mustache": "// ok\n{{#isStruct}}\n{{name}\n"])
        let errors = try fixture.failure()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("DIR/Templates/schema.Fixtures.swift.mustache:3:1: error: ") == true, "\(errors)")
    }

    @Test func unknownPartialIsReportedAtItsTag() throws {
        let fixture = try TemplateFixture(templates: [
            "schema.Fixtures.swift.mustache": "{{#isStruct}}\nextension {{name}} {\n    static let fixture = {{>fixtur}}\n}\n{{/isStruct}}\n",
            "fixture.mustache": "{{name}}()",
        ])
        #expect(try fixture.failure() == [
            "DIR/Templates/schema.Fixtures.swift.mustache:3:26: error: unknown partial 'fixtur' (did you mean 'fixture'?): no 'fixtur.mustache' in the templates folder or among the built-in templates",
        ])
    }

    @Test func unknownKeyIsReportedWithASuggestion() throws {
        let fixture = try TemplateFixture(templates: ["tag.Tags.swift.mustache": "// {{name}}\n{{#operations}}\n// {{{operationId}}}\n{{/operations}}\n"])
        #expect(try fixture.failure() == [
            "DIR/Templates/tag.Tags.swift.mustache:3:4: error: unknown key 'operationId' (did you mean 'operationID'?): it is in no scope of the template context (contract \(ContextContract.version)); run `openapi-bindgen dump-context` to see the keys",
        ])
    }

    @Test func unknownTransformAndDottedKeysAreChecked() throws {
        let fixture = try TemplateFixture(templates: ["Extra.swift.mustache": "{{upper(title)}}\n{{auth.isBeare}}\n{{count(operations)}} {{returnKind.isJSON}} {{#first()}}x{{/first()}}\n"])
        let errors = try fixture.failure()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.hasPrefix("DIR/Templates/Extra.swift.mustache:1:1: error: unknown transform 'upper'") == true)
        #expect(errors.last?.hasPrefix("DIR/Templates/Extra.swift.mustache:2:1: error: unknown key 'isBeare' (did you mean 'isBearer'?)") == true)
    }

    /// Printing a list or an object wrote kilobytes of Swift's debug description of the context into the file.
    @Test func printingAListOrAnObjectFailsAtItsTag() throws {
        let fixture = try TemplateFixture(templates: [
            "schema.Fixtures.swift.mustache": "{{#isStruct}}\n// {{typeInfo.swiftType}} {{count(properties)}}\n{{#properties}}\n// {{{typeInfo}}}\n{{/properties}}\n{{/isStruct}}\n",
        ])
        #expect(try fixture.failure() == [
            "DIR/Templates/schema.Fixtures.swift.mustache:4:4: error: '{{typeInfo}}' prints 'typeInfo', which is a list or an object, not text: use a section ('{{#typeInfo}}…{{/typeInfo}}') or one of its members ('typeInfo.…'); run `openapi-bindgen dump-context` to see its shape",
        ])
        let sorted = try TemplateFixture(templates: ["Extra.swift.mustache": "// {{first(schemas)}} {{docLines}}\n"])
        #expect(try sorted.failure().count == 2)
    }

    @Test func contractMismatchFailsNamingTheTemplate() throws {
        let fixture = try TemplateFixture(templates: ["conformances.mustache": "{{! bindgen-contract: 1 }}Codable, Hashable, Sendable"])
        #expect(try fixture.failure() == [
            "DIR/Templates/conformances.mustache:1:1: error: template written for context contract 1, but this openapi-bindgen provides contract \(ContextContract.version); update the template (see the Custom Templates article for what changed)",
        ])
        let current = try TemplateFixture(templates: ["conformances.mustache": "{{! bindgen-contract: \(ContextContract.version) }}Codable, Hashable, Sendable"])
        #expect(try current.failure() == [])
    }

    @Test func templatesCanReadTheContractVersion() throws {
        let fixture = try TemplateFixture(templates: ["document.Version.swift.mustache": "// contract {{contractVersion}}\n"])
        #expect(try fixture.generate()["Version.swift"] == "// contract \(ContextContract.version)\n")
    }

    @Test func builtInTemplatesUseOnlyContractKeysAndExistingPartials() throws {
        let set = try TemplateSet()
        let names = Set(set.sources.keys)
        for (name, source) in set.sources {
            let linter = TemplateLinter(templateNames: names, knownKeys: ContextContract.allKeys, checkKeys: true)
            #expect(linter.lint(source.text, file: name).map(\.description) == [])
        }
    }

    @Test func missingTemplatesFolderIsAnError() throws {
        let fixture = try TemplateFixture(config: "templates: NoSuchFolder\n")
        let errors = try fixture.failure()
        #expect(errors.first?.hasPrefix("DIR/NoSuchFolder:1:1: error: cannot read the templates folder") == true, "\(errors)")
    }
}
