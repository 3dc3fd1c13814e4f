/// How a value is typed where it is used (a property, a parameter, a body). Plain data; the render
/// stage spells it in Swift.
public indirect enum TypeUsage: Sendable, Hashable {
    case string
    case integer(bits: Int?)      // nil → Int, 32 → Int32, 64 → Int64
    case double
    case float
    case bool
    case date                    // RFC 3339 date-time
    case data                    // base64 in JSON, raw bytes in bodies
    case url
    case uuid
    case jsonValue               // any JSON value
    case file                    // a multipart file part
    case generated(TypeID)       // a generated type, by identity (its declaration says its name)
    case external(String)        // an existing type the configuration names (`typeOverrides`), spelled as given
    case array(TypeUsage)
    case dictionary(TypeUsage)   // [String: T]
    case optional(TypeUsage)

    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The same usage made optional (never doubly).
    public var optional: TypeUsage { isOptional ? self : .optional(self) }

    /// The usage without one level of optionality.
    public var unwrapped: TypeUsage {
        if case .optional(let inner) = self { return inner }
        return self
    }
}
