/// One invalid member of a request body or query, as listed in a 422 problem's `errors`.
struct FieldError: Sendable, Equatable, Encodable {
    /// Dotted path of the member, e.g. `recipients[0].email`.
    var field: String
    /// JSON Pointer (RFC 6901) to the member.
    var pointer: String
    var message: String
    var code: String

    init(path: FieldPath, message: String, code: String) {
        self.field = path.dotted
        self.pointer = path.pointer
        self.message = message
        self.code = code
    }
}

/// The location of a member inside a request, rendered as a dotted path and a JSON Pointer.
struct FieldPath: Sendable, Equatable {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    static let root = FieldPath()

    func appending(_ key: String) -> FieldPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(_ index: Int) -> FieldPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// `recipients[0].email`; the empty string for the body itself.
    var dotted: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// `/recipients/0/email`; the empty string for the body itself.
    var pointer: String {
        components.map { component in
            switch component {
            case .key(let key):
                "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let index):
                "/\(index)"
            }
        }.joined()
    }
}
