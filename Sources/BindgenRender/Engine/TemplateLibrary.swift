/// Parsed templates by name (without `.mustache`): what ``Renderer`` renders with, and what partials name.
public struct TemplateLibrary: Sendable {
    let programs: [String: TemplateProgram]

    init(programs: [String: TemplateProgram]) {
        self.programs = programs
    }

    /// The names of the templates.
    public var templateNames: Set<String> { Set(programs.keys) }

    /// Renders a template with a context (dictionaries, arrays, strings, integers, booleans); `nil` when there is no
    /// template of that name.
    public func render(_ context: Any, withTemplate name: String) -> String? {
        render(stack: [context], withTemplate: name)
    }

    /// Renders a template with a context stack, innermost object last: a key is looked up from the last object to
    /// the first.
    func render(stack: [Any], withTemplate name: String) -> String? {
        var interpreter = TemplateInterpreter(programs: programs, stack: stack)
        guard interpreter.render(template: name) else { return nil }
        return String(decoding: interpreter.output, as: UTF8.self)
    }
}
