/// The template context contract: its version and every key, per kind of object, that the context holds.
///
/// The Custom Templates article documents each key with its type and an example. ``version`` changes when a
/// key is removed or changes meaning; adding keys keeps it. Templates can state the version they were written
/// for with a `{{! bindgen-contract: 4 }}` comment, and generation then fails, naming the template, on a mismatch.
public enum ContextContract {
    /// The version of the contract this generator provides (the `contractVersion` key of the document scope).
    public static let version = 4

    /// The keys of each kind of object in the context, in declaration order: read from the views' member tables,
    /// the one place a key is declared (`returnKind` has the keys of `payloadKind`).
    public static let keys: [String: [String]] = {
        let tables: [(String, [String])] = [
            (DocumentView.members.kind, DocumentView.members.names),
            (ServerView.members.kind, ServerView.members.names),
            (AuthView.members.kind, AuthView.members.names),
            (SchemaView.members.kind, SchemaView.members.names),
            (PropertyView.members.kind, PropertyView.members.names),
            (VariantView.members.kind, VariantView.members.names),
            (CaseView.members.kind, CaseView.members.names),
            (TypeInfoView.members.kind, TypeInfoView.members.names),
            (OperationView.members.kind, OperationView.members.names),
            (PaginationView.members.kind, PaginationView.members.names),
            (SuccessResponseView.members.kind, SuccessResponseView.members.names),
            (StreamView.members.kind, StreamView.members.names),
            (PayloadKindView.members.kind, PayloadKindView.members.names),
            ("returnKind", PayloadKindView.members.names),
            (ResponseHeaderView.members.kind, ResponseHeaderView.members.names),
            (ResponseHeaderTypeView.members.kind, ResponseHeaderTypeView.members.names),
            (BodyAlternativeView.members.kind, BodyAlternativeView.members.names),
            (DocumentedArgumentView.members.kind, DocumentedArgumentView.members.names),
            (DocumentedErrorView.members.kind, DocumentedErrorView.members.names),
            (PathComponentView.members.kind, PathComponentView.members.names),
            (SuccessStatusView.members.kind, SuccessStatusView.members.names),
            (BodyView.members.kind, BodyView.members.names),
            (ArgumentView.members.kind, ArgumentView.members.names),
            (TagView.members.kind, TagView.members.names),
            (WebhookView.members.kind, WebhookView.members.names),
        ]
        return Dictionary(tables) { first, _ in first }
    }()

    /// Every key of every kind of object: what a template may name (a key outside it can never resolve).
    public static let allKeys: Set<String> = Set(keys.values.joined())

    /// The keys whose values are lists or objects (or, for `body` and the `…TypeInfo` keys, `false` when absent) in
    /// every scope: printing one (`{{typeInfo}}`) would write the value's debug dump into Swift, so the linter
    /// refuses it. Sections over them (`{{#properties}}`) and dotted members (`{{typeInfo.swiftType}}`) are fine.
    public static let nonScalarKeys: Set<String> = [
        "additionalImports", "aliasedTypeInfo", "arguments", "auth", "body", "bodyAlternatives", "cases", "documentedArguments",
        "documentedErrors", "cookieArguments", "decodeOrder",
        "discriminatorValues", "docLines", "element", "headerArguments", "imports", "initProperties", "nested", "operations",
        "pageArguments", "pagination", "partArguments", "pathComponents", "payloadKind", "payloadTypeInfo", "properties", "queryArguments",
        "methodNames", "responseHeaderTypes", "responseHeaders", "returnKind", "returnStream", "returnTypeInfo", "schemas", "servers", "successResponses", "successStatuses",
        "streams", "tags", "typeInfo", "variants", "webhooks",
    ]
}
