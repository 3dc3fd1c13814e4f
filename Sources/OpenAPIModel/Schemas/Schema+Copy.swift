/// Copies of a schema with one keyword taken away, for lowering rules that read a composition as a simpler shape.
extension Schema {
    /// This schema without its `allOf` (same address, location, `type`, annotations and every other keyword):
    /// what `{type: object, allOf: [{}, {description: …}]}` means once its annotation-only members are read.
    public func droppingAllOf() -> Schema {
        Schema(
            address: address, location: location, reference: reference, types: types, format: format, title: title,
            description: summaryDescription, properties: properties, required: required, items: items,
            additionalProperties: additionalProperties, enumValues: enumValues, constValue: constValue, allOf: [],
            oneOf: oneOf, anyOf: anyOf, discriminator: discriminator, nullable: nullable, deprecated: deprecated,
            readOnly: readOnly, writeOnly: writeOnly, defaultValue: defaultValue, example: example,
            contentMediaType: contentMediaType, contentEncoding: contentEncoding,
            contentSchema: contentSchema)
    }
}
