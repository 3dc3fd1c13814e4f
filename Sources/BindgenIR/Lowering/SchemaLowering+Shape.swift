import OpenAPIModel

/// What a schema says about the shape of its values, seen through `$ref`s and `allOf`s that only annotate.
extension SchemaLowering {
    /// Whether the schema carries nothing that constrains a value's shape: only annotations (`description`,
    /// `default`, `readOnly`, `nullable`, `title`, `example`, …), as in `allOf: [{$ref: X}, {readOnly: true}]`.
    static func isAnnotationOnly(_ schema: Schema) -> Bool {
        schema.isUnconstrained && schema.nonNullTypes.isEmpty && schema.format == nil && schema.required.isEmpty
            && schema.discriminator == nil
    }

    /// Whether the schema is only `type: <scalar>` (and annotations), as in `allOf: [{$ref: id}, {type: string}]`.
    static func isScalarTypeOnly(_ schema: Schema) -> Bool {
        let types = schema.nonNullTypes
        return types.count == 1 && ["string", "integer", "number", "boolean"].contains(types[0]) && schema.reference == nil
            && schema.properties.isEmpty && schema.items == nil && schema.additionalProperties == nil && schema.enumValues == nil
            && schema.constValue == nil && schema.allOf.isEmpty && schema.oneOf.isEmpty && schema.anyOf.isEmpty
    }

    /// The one `allOf` member that gives the schema its shape, when the others only annotate it or repeat its scalar
    /// `type`: `allOf: [{$ref: identifier}, {readOnly: true, type: string}]` is `identifier`; `allOf: [{type: string}]`
    /// is `{type: string}`; `allOf: [{}, {description: …}]` is the schema without its `allOf`. `nil` when the schema
    /// has properties of its own or two members with a shape (a real composition, generated as a struct with the
    /// members merged).
    func allOfShape(_ schema: Schema) -> Schema? {
        guard !schema.allOf.isEmpty, schema.properties.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty,
              schema.additionalProperties == nil, schema.items == nil, schema.enumValues == nil else { return nil }
        let members = schema.allOf.filter { !Self.isAnnotationOnly($0) }
        let shaped = members.filter { !Self.isScalarTypeOnly($0) }
        if shaped.count == 1, let only = shaped.first {
            // A scalar `type` beside a schema that is not a scalar of that type contradicts it: keep the struct path.
            let scalarTypes = Set(members.filter(Self.isScalarTypeOnly).flatMap(\.nonNullTypes))
            guard scalarTypes.isEmpty || scalarTypes == Set(jsonTypes(of: only)) || jsonTypes(of: only).isEmpty else { return nil }
            return only
        }
        if shaped.isEmpty, let first = members.first { return first }
        // Every member only annotates (`allOf: [{}, {description: …}]`): the schema is what its own keywords say, a
        // free-form value (or object, with `type: object`), not an empty struct that would drop every member.
        if members.isEmpty { return schema.droppingAllOf() }
        return nil
    }

    /// The JSON types a schema's values can have, through `$ref`s and annotating `allOf`s (empty when unknown).
    func jsonTypes(of schema: Schema, depth: Int = 0) -> [String] {
        guard depth < 32 else { return [] }
        if let reference = schema.reference, let target = document.schemas[reference.target] {
            return jsonTypes(of: target, depth: depth + 1)
        }
        if let shape = allOfShape(schema) { return jsonTypes(of: shape, depth: depth + 1) }
        if !schema.nonNullTypes.isEmpty { return schema.nonNullTypes }
        if !schema.properties.isEmpty || !schema.allOf.isEmpty { return ["object"] }
        if schema.items != nil { return ["array"] }
        return []
    }

    /// Follows `$ref`s and annotating `allOf`s to the schema that gives the shape.
    func resolveShape(_ schema: Schema) -> Schema {
        var current = schema
        for _ in 0..<64 {
            if let reference = current.reference, let target = document.schemas[reference.target] {
                current = target
            } else if let shape = allOfShape(current) {
                current = shape
            } else {
                break
            }
        }
        return current
    }

    /// Whether `null` is a valid value where the schema is used: 3.0 `nullable: true`, 3.1 `"null"` in `type`, a
    /// `null` in `enum`, a `$ref` to such a schema (`nullable-user`), an `allOf` with a `{nullable: true}` member or
    /// whose members all allow it, a `oneOf`/`anyOf` with a member that does.
    ///
    /// Nullability belongs to where a schema is used, not to the type generated for it: a `nullable` component
    /// `Cursor` is `typealias Cursor = String`, and a property of that schema is `Cursor?`.
    func admitsNull(_ schema: Schema, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        if schema.allowsNull { return true }
        if schema.enumValues?.contains(where: \.isNull) == true { return true }
        if let reference = schema.reference, let target = document.schemas[reference.target],
           admitsNull(target, depth: depth + 1) { return true }
        if !schema.allOf.isEmpty {
            if schema.allOf.contains(where: { Self.isAnnotationOnly($0) && $0.allowsNull }) { return true }
            // A member that only annotates (`{nullable: false}` included: in 3.0 `nullable` means nothing without a
            // `type` beside it) admits every value, `null` too; JSON Schema's `allOf` admits null when every member does.
            let admitting = schema.allOf.map { admitsNull($0, depth: depth + 1) }
            if admitting.contains(true),
               zip(schema.allOf, admitting).allSatisfy({ member, admits in admits || Self.isAnnotationOnly(member) }) {
                return true
            }
        }
        return (schema.oneOf + schema.anyOf).contains { admitsNull($0, depth: depth + 1) }
    }
}

/// What a struct cannot hold, reported as warnings that name the feature and the JSON pointer.
extension SchemaLowering {
    /// The kinds of warning for constructs a generated struct does not represent (listed in the README's
    /// "Not covered yet").
    enum Unrepresented: String {
        /// `oneOf`/`anyOf` beside `properties`, or as an `allOf` part: the alternatives' own members.
        case unionInStruct = "union-in-struct"
        /// A `discriminator` on a schema without `oneOf`/`anyOf` (inheritance through `allOf`): values are decoded as
        /// the base schema, so the members only a derived schema declares are not kept.
        case inheritance = "inheritance-discriminator"
    }

    /// Records what a struct generated for `schema` leaves out.
    func noteUnrepresented(in schema: Schema) {
        if let discriminator = schema.discriminator, schema.oneOf.isEmpty, schema.anyOf.isEmpty {
            record(.inheritance, schema,
                   "\(schema.address.fragment) has a discriminator ('\(discriminator.propertyName)') but no 'oneOf'/'anyOf': "
                       + "a value is decoded as this schema, and members only the derived schemas declare are not kept; "
                       + "list the derived schemas in a 'oneOf' to have them decoded")
        }
        var parts = [schema]
        var index = 0
        while index < parts.count, index < 64 {
            let part = resolve(parts[index])
            index += 1
            parts += part.allOf
            if !(part.oneOf + part.anyOf).isEmpty, index > 1 || !part.properties.isEmpty || !part.allOf.isEmpty {
                record(.unionInStruct, part,
                       "\(part.address.fragment) combines '\(part.oneOf.isEmpty ? "anyOf" : "oneOf")' with members of an object "
                           + "('properties' or 'allOf'): the generated struct has the declared members only, not those of the alternatives")
            }
        }
    }

    private func record(_ kind: Unrepresented, _ schema: Schema, _ message: String) {
        recordUnrepresented(kind.rawValue, pointer: schema.address.description, message: message, at: schema.location)
    }
}
