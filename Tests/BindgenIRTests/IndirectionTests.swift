import BindgenIR
import Testing

/// Which struct members are stored out of line (`@Indirect`, `@IndirectNullable`): members that lead back to
/// their own struct, and members holding a struct of more than ``inlineLimit`` inline members (issue 14: the
/// compiler copies a struct member by member, nested structs included, in every debug build).
@Suite struct IndirectionTests {
    static let inlineLimit = 2

    static func indirect(_ typeName: String, _ schemas: String) throws -> [String: Bool] {
        let (model, _) = try LoweringTests.lower(LoweringTests.document(schemas: schemas))
        let properties = try LoweringTests.properties(of: LoweringTests.type(typeName, in: model))
        return Dictionary(uniqueKeysWithValues: properties.map { ($0.swiftName, $0.isIndirect) })
    }

    @Test func largeNestedStructsAreBoxedAndSmallOnesStayInline() throws {
        let flags = try Self.indirect("Order", """
            Money: {type: object, required: [amount, currency], properties: {amount: {type: integer}, currency: {type: string}}}
            Address:
              type: object
              properties: {line1: {type: string}, line2: {type: string}, city: {type: string}, postalCode: {type: string}, country: {type: string}}
            Order:
              type: object
              required: [total, shipTo]
              properties:
                id: {type: string}
                total: {$ref: '#/components/schemas/Money'}
                shipTo: {$ref: '#/components/schemas/Address'}
                billTo: {oneOf: [{$ref: '#/components/schemas/Address'}, {type: 'null'}]}
                lines: {type: array, items: {$ref: '#/components/schemas/Address'}}
        """)
        #expect(flags["id"] == false)
        #expect(flags["total"] == false, "two members inline cost less than a box")
        #expect(flags["shipTo"] == true && flags["billTo"] == true, "five members: boxed, optional or not")
        #expect(flags["lines"] == false, "an array stores its elements out of line already")
    }

    @Test func smallStructsAddUpThroughNesting() throws {
        // Single has 1 member, Duo holds a Single inline and one more (2), Trio holds a Duo and one more (3): a
        // member of type Trio is boxed though each struct declares two members at most. An alias leads to its struct;
        // enums and aliases of scalars are never boxed.
        let flags = try Self.indirect("Holder", """
            Single: {type: object, properties: {a: {type: string}}}
            Duo: {type: object, properties: {s: {$ref: '#/components/schemas/Single'}, b: {type: string}}}
            Trio: {type: object, properties: {d: {$ref: '#/components/schemas/Duo'}, c: {type: string}}}
            TrioAlias: {allOf: [{$ref: '#/components/schemas/Trio'}]}
            Kind: {type: string, enum: [a, b, c, d]}
            Name: {type: string, description: A name.}
            Holder:
              type: object
              properties:
                duo: {$ref: '#/components/schemas/Duo'}
                trio: {$ref: '#/components/schemas/Trio'}
                alias: {$ref: '#/components/schemas/TrioAlias'}
                kind: {$ref: '#/components/schemas/Kind'}
                name: {$ref: '#/components/schemas/Name'}
        """)
        #expect(flags["duo"] == false)
        #expect(flags["trio"] == true)
        #expect(flags["alias"] == true)
        #expect(flags["kind"] == false && flags["name"] == false)
    }

    @Test func selfReferenceIsBoxedWhateverItsSize() throws {
        let flags = try Self.indirect("Node", """
            Node: {type: object, properties: {parent: {$ref: '#/components/schemas/Node'}, children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}
        """)
        #expect(flags["parent"] == true)
        #expect(flags["children"] == false)
    }
}
