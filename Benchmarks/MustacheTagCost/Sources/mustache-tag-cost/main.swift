import Dispatch
import Mustache

/// A context object as a final class, looked up through `MustacheParent`.
final class ClassContext: MustacheParent {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
}

/// A context object as a struct, looked up through `MustacheParent`.
struct StructContext: MustacheParent {
    let values: [String: Any]
    func child(named name: String) -> Any? { values[name] }
}

let schemas = 2_000
let members = 20

/// The document context: `accessModifier` at the top, schemas with members below (three levels deep).
func document(wrap: ([String: Any]) -> Any) -> Any {
    let list = (0..<schemas).map { index in
        wrap([
            "name": "Schema\(index)",
            "properties": (0..<members).map { member in
                wrap(["name": "member\(member)", "type": "Swift.String", "isIndirect": false,
                      "isOptional": member % 2 == 0, "isLast": member == members - 1])
            },
        ])
    }
    return wrap(["accessModifier": "public", "schemas": list])
}

/// Template variants: the same output shape with fewer or cheaper tags per member.
let variants: [(name: String, tagsPerMember: Int, template: String)] = [
    ("3 sections + 4 variables", 7, """
    {{#schemas}}
    struct {{{name}}} {
    {{#properties}}
        {{#isIndirect}}@Indirect {{/isIndirect}}{{{accessModifier}}} var {{{name}}}: {{{type}}}{{#isOptional}} = nil{{/isOptional}}{{^isLast}},{{/isLast}}
    {{/properties}}
    }
    {{/schemas}}
    """),
    ("same, accessModifier as text", 6, """
    {{#schemas}}
    struct {{{name}}} {
    {{#properties}}
        {{#isIndirect}}@Indirect {{/isIndirect}}public var {{{name}}}: {{{type}}}{{#isOptional}} = nil{{/isOptional}}{{^isLast}},{{/isLast}}
    {{/properties}}
    }
    {{/schemas}}
    """),
    ("2 variables", 2, """
    {{#schemas}}
    struct {{{name}}} {
    {{#properties}}
        public var {{{name}}}: {{{type}}}
    {{/properties}}
    }
    {{/schemas}}
    """),
    ("no tags per member", 0, """
    {{#schemas}}
    struct {{{name}}} {
    {{#properties}}
        public var member: Swift.String
    {{/properties}}
    }
    {{/schemas}}
    """),
]

/// Median wall time of `runs` renders, in milliseconds.
func median(runs: Int = 5, _ body: () -> Int) -> (ms: Double, bytes: Int) {
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        bytes = body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return (times.sorted()[runs / 2], bytes)
}

/// Two decimals.
func rounded(_ value: Double) -> String { String((value * 100).rounded() / 100) }

let contexts: [(name: String, value: Any)] = [
    ("[String: Any]", document { $0 }),
    ("final class", document { ClassContext($0) }),
    ("struct", document { StructContext(values: $0) }),
]

print("| template | context | tags per member | median ms | µs per member tag |")
print("|---|---|---|---|---|")
var floor: [String: Double] = [:]
for variant in variants.reversed() {
    let library = try MustacheLibrary(templates: ["t": MustacheTemplate(string: variant.template)])
    for context in contexts {
        let result = median { library.render(context.value, withTemplate: "t")?.utf8.count ?? 0 }
        if variant.tagsPerMember == 0 { floor[context.name] = result.ms }
        let perTag = variant.tagsPerMember == 0 ? "–" : rounded(
            (result.ms - (floor[context.name] ?? 0)) * 1000 / Double(schemas * members * variant.tagsPerMember))
        print("| \(variant.name) | \(context.name) | \(variant.tagsPerMember) | \(rounded(result.ms)) | \(perTag) |")
    }
}
