/// How a scalar was written in the source.
///
/// The reader never interprets scalar text; the style lets later stages tell
/// `"200"` (a string, ``doubleQuoted``) from `200` (``plain``, so possibly a number).
public enum ScalarStyle: Sendable, Hashable {
    /// An unquoted scalar such as `200`, `true` or `application/json`.
    /// JSON numbers, `true`, `false` and `null` are plain scalars.
    case plain
    /// A scalar in single quotes: `'text'`.
    case singleQuoted
    /// A scalar in double quotes: `"text"`. Every JSON string has this style.
    case doubleQuoted
    /// A literal block scalar introduced by `|`.
    case literal
    /// A folded block scalar introduced by `>`.
    case folded
}
