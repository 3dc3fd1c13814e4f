@testable import BindgenRender
import Mustache
import Testing

/// The template engine renders like swift-mustache 2, the renderer user templates were written against: random
/// templates (sections, inverted sections, dotted names, transforms, comments, standalone lines, indented partials)
/// rendered by both against random contexts must give the same text, byte for byte.
@Suite struct TemplateEngineDifferentialTests {
    @Test(arguments: 0..<8)
    func randomTemplatesRenderAsSwiftMustacheDoes(batch: Int) {
        var random = SeededRandom(seed: UInt64(batch) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        for case_ in 0..<150 {
            let pragma = random.next(4) == 0 ? "" : "{{% CONTENT_TYPE: TEXT }}\n"
            var main = TemplateFuzzer(random: &random, depth: 3)
            var sources: [String: String] = ["main": pragma + main.template()]
            for partial in ["p1", "p2"] {
                var fuzzer = TemplateFuzzer(random: &random, depth: 1, allowPartials: false)
                sources[partial] = (random.next(2) == 0 ? pragma : "") + fuzzer.template()
            }
            let context = RandomContext.make(&random)
            let description = "batch \(batch) case \(case_):\n--- main\n\(sources["main"] ?? "")\n--- p1\n\(sources["p1"] ?? "")\n--- p2\n\(sources["p2"] ?? "")"
            // A template one parser refuses, the other refuses too. Not compared: templates ending in `{`, where
            // swift-mustache refuses a last `{` (it reads past the end looking for `{{`) and drops a last `{{`; ours
            // writes the first and refuses the second as an unfinished tag.
            let theirTemplates = try? sources.mapValues { try MustacheTemplate(string: $0) }
            let ourPrograms = try? sources.mapValues { source throws(TemplateParser.Failure) in try TemplateParser.parse(source) }
            let endsInBrace = sources.values.contains { $0.hasSuffix("{") }
            #expect((theirTemplates == nil) == (ourPrograms == nil) || endsInBrace, "\(description)")
            guard let theirTemplates, let ourPrograms else { continue }
            let theirs = MustacheLibrary(templates: theirTemplates)
            let ours = TemplateLibrary(programs: ourPrograms)
            let expected = theirs.render(context, withTemplate: "main")
            let actual = ours.render(context, withTemplate: "main")
            #expect(actual == expected, "\(description)")
            if actual != expected { return }
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be replayed from its batch number.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }
}

/// Random Mustache text over the keys of ``RandomContext``.
struct TemplateFuzzer {
    var random: SeededRandom
    let depth: Int
    var allowPartials = true

    init(random: inout SeededRandom, depth: Int, allowPartials: Bool = true) {
        self.random = SeededRandom(seed: random.next())
        self.depth = depth
        self.allowPartials = allowPartials
    }

    static let scalarKeys = ["s", "t", "n", "zero", "yes", "no", "missing", "html", "obj.s", "obj.n", "obj.missing", ".", ".s"]
    static let listKeys = ["list", "empty", "names", "obj", "yes", "no", "missing", "s", "n", "obj.list"]
    static let texts = ["a", "b c", " ", "  ", "\t", "\n", "\n", "\n", "  \n", "x\n", "{", "}", "\r\n"]

    mutating func template() -> String { body(depth) }

    private mutating func body(_ depth: Int) -> String {
        var text = ""
        for _ in 0..<(1 + random.next(8)) { text += element(depth) }
        return text
    }

    private mutating func element(_ depth: Int) -> String {
        let lead = random.pick(["", "", "\n", "  ", "\n  ", "x"])
        switch random.next(12) {
        case 0, 1, 2: return lead + random.pick(Self.texts)
        case 3: return lead + "{{\(random.pick(Self.scalarKeys))}}"
        case 4: return lead + random.pick(["{{{s}}}", "{{&html}}", "{{ t }}", "{{html}}", "{{count(list)}}", "{{uppercased(s)}}",
                                           "{{count(names)}}", "{{plusone(n)}}", "{{first(names)}}", "{{reversed(s)}}", "{{names}}", "{{obj.list.count}}"])
        case 5: return lead + "{{! note }}" + random.pick(["", "\n", " \n"])
        case 6 where allowPartials:
            return random.pick(["", "\n", "\n  ", "\n\t", "x "]) + "{{>\(random.pick(["p1", "p2", "nothing"]))}}" + random.pick(["", "\n", " \n", "y"])
        case let kind where kind == 7 || kind == 8 || (kind == 9 && depth > 0):  // as the fuzzer always ran: depth guards 9 only
            let key = random.pick(Self.listKeys + ["first()", "last()", "odd()", "first(list)", "reversed(names)", "empty(list)"])
            let sigil = random.pick(["#", "#", "^"])
            let open = random.pick(["", "\n", "\n  ", " "]) + "{{\(sigil)\(key)}}" + random.pick(["", "\n", "  \n"])
            let close = random.pick(["", "\n", "\n  ", " "]) + "{{/\(key)}}" + random.pick(["", "\n", "  \n"])
            return lead + open + body(depth - 1) + close
        default: return lead + "{{\(random.pick(Self.scalarKeys))}}" + random.pick(["", "\n"])
        }
    }
}

/// Random contexts of the shapes the generator builds: dictionaries, lists of dictionaries, strings, integers,
/// booleans.
enum RandomContext {
    static func make(_ random: inout SeededRandom) -> [String: Any] {
        func item(_ index: Int) -> [String: Any] {
            var item: [String: Any] = ["s": "item\(index)", "n": index]
            if random.next(2) == 0 { item["t"] = "t\(index)" }
            if random.next(3) == 0 { item["yes"] = false }
            if random.next(3) == 0 { item["list"] = [["s": "inner\(index)"]] }
            return item
        }
        let count = random.next(4)
        return [
            "s": random.pick(["hello", "", "Two words", "line\nbreak"]),
            "t": "T",
            "n": random.next(5),
            "zero": 0,
            "yes": true,
            "no": false,
            "html": "<a & \"b\" 'c'>",
            "list": (0..<count).map(item),
            "empty": [[String: Any]](),
            "names": (0..<random.next(4)).map { "name\(3 - $0)" },
            "obj": ["s": "object", "n": 7, "list": (0..<random.next(3)).map(item)] as [String: Any],
        ]
    }
}
