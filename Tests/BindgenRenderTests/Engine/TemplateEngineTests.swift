@testable import BindgenRender
import Mustache
import Testing

/// Constructs the random templates do not produce, each rendered by the engine and by swift-mustache, plus the
/// engine's own syntax errors.
@Suite struct TemplateEngineTests {
    static var context: [String: Any] { [
        "name": "Pet", "items": [["name": "a"], ["name": "b"]], "on": true,
        "map": ["b": 2, "a": 1] as [String: Any], "html": "<tag>",
    ] }

    /// Templates by name; `main` is rendered.
    static let cases: [[String: String]] = [
        // Set delimiters, then back.
        ["main": "{{=<% %>=}}\n<% name %> {{name}}\n<%={{ }}=%>\n{{name}}\n"],
        // Inheritance: a parent with blocks, overridden and defaulted, and standalone block tags.
        ["main": "{{<parent}}\n{{$title}}Override {{name}}{{/title}}\n{{/parent}}\n", "parent": "<h>{{$title}}Default{{/title}}</h>\n{{$body}}\n  body\n{{/body}}\n"],
        // A standalone partial indents each line of its output after the first.
        ["main": "start\n    {{>list}}\nend\n", "list": "{{#items}}\nitem {{name}}\n{{/items}}\nlast\n"],
        // Dynamic partials, sorted dictionary entries, the position in a list, HTML escaping by default.
        ["main": "{{>*which}}|{{#sorted(map)}}{{key}}={{value}};{{/sorted(map)}}|{{#items}}{{#first()}}^{{/first()}}{{name}}{{^last()}},{{/last()}}{{/items}}|{{html}}|{{{html}}}", "p": "P", "which": ""],
        ["main": "{{% CONTENT_TYPE: TEXT }}{{html}} {{count(items)}} {{uppercased(name)}} {{reversed(name)}} {{#empty(items)}}none{{/empty(items)}}"],
    ]

    @Test(arguments: 0..<cases.count)
    func rendersAsSwiftMustacheDoes(index: Int) throws {
        let sources = Self.cases[index]
        var context = Self.context
        context["which"] = "p"
        let theirs = try MustacheLibrary(templates: sources.mapValues { try MustacheTemplate(string: $0) })
        let ours = try TemplateLibrary(programs: sources.mapValues { source throws(TemplateParser.Failure) in try TemplateParser.parse(source) })
        let expected = try #require(theirs.render(context, withTemplate: "main"))
        #expect(ours.render(context, withTemplate: "main") == expected)
    }

    @Test func syntaxErrorsNameTheirPlace() {
        for (text, message) in [
            ("line one\n  {{#items}}\n{{/things}}\n", "'{{/things}}' closes '{{#items}}'"),
            ("{{#items}}\nnever closed", "section '{{#items}}' is not closed"),
            ("a {{name\n", "unfinished tag"),
            ("{{count(items}}", "unbalanced parentheses"),
            ("{{% COLOR: RED }}", "unknown pragma"),
        ] {
            #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse(text) }
            do {
                _ = try TemplateParser.parse(text)
            } catch {
                #expect(error.message.contains(message), "\(text): \(error.message)")
            }
        }
    }

    @Test func errorOffsetsBecomeLinesAndColumns() {
        #expect(TemplateSet.place(of: 0, in: "abc") == (1, 1))
        #expect(TemplateSet.place(of: 7, in: "ab\ncdé\nx") == (2, 4))
        #expect(TemplateSet.place(of: 8, in: "ab\ncdé\nx") == (3, 1))
    }
}
