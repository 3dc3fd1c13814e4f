/// A parsed Mustache template: what ``TemplateInterpreter`` runs.
///
/// The tree keeps the template's text as UTF-8 bytes and every tag's name already split into its parts, so rendering
/// does no parsing, no string splitting and no allocation per tag beyond the output itself.
struct TemplateProgram: Sendable {
    /// The template's nodes, in order.
    let nodes: [TemplateNode]
}

/// One node of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Literal text.
    case text([UInt8])
    /// `{{name}}` (`escaped`: HTML-escaped when the content type is HTML) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, body: [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(TemplateName, body: [TemplateNode])
    /// `{{>name}}`, or `{{>*key}}` (`dynamic`: the partial's name is the value of `key`); `indentation` is the
    /// white space before a standalone partial tag, applied to the partial's lines; `overrides` are the blocks of an
    /// inheriting partial, `{{<name}}{{$block}}…{{/block}}{{/name}}`.
    case partial(name: String, dynamic: Bool, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` outside an inheriting partial: the override of that name, else the default.
    case block(name: String, defaultBody: [TemplateNode], indentation: [UInt8])
    /// `{{% CONTENT_TYPE: TEXT }}` or `HTML`: whether the following variables are HTML-escaped.
    case contentType(escapesHTML: Bool)
}

/// The name in a variable or section tag, split once at parse time.
///
/// `a.b.c` looks `a` up the context stack, then `b` and `c` inside it; `.a` looks only in the current object; `.`
/// is the current object itself; `first(items)` applies transforms, innermost first; `first()` transforms the
/// current position in a list (`first`, `last`, `index`, `even`, `odd`).
struct TemplateName: Sendable, Equatable {
    /// How the name starts its lookup.
    enum Anchor: Sendable, Equatable {
        /// The first part is looked up from the innermost object outwards.
        case stack
        /// Only in the innermost object (a leading `.`).
        case current
        /// `.` (or an empty name): the innermost object itself.
        case itself
        /// An empty name with transforms, `first()`: the position in the enclosing list.
        case position
    }

    /// The tag's text as written, e.g. `first(cases)`; used to match a section's closing tag.
    let text: String
    /// The dotted parts, without empty ones.
    let parts: [String]
    /// The parts as context keys, resolved once so that typed views look them up by number.
    let keys: [ContextKey]
    /// Where the lookup starts.
    let anchor: Anchor
    /// The transforms, outermost first as written (`a(b(x))` → `["a", "b"]`); applied innermost first.
    let transforms: [String]

    init(text: String, parts: [String], anchor: Anchor, transforms: [String]) {
        self.text = text
        self.parts = parts
        keys = parts.map(ContextKey.init)
        self.anchor = anchor
        self.transforms = transforms
    }
}
