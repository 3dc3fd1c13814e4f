/// Recognises cursor-paginated list operations by their shape, so the client gets an `all<Items>` method that
/// fetches page after page lazily.
///
/// The rule: a `GET` operation (not a media-type variant) whose success responses all return one generated
/// struct (the page) such that
/// - the page has exactly one array member (the items);
/// - the page has a string member named `nextCursor`, `nextPageToken`, `nextToken`, `continuationToken` or
///   `nextMarker` (any case, `_` or `-` between words);
/// - the operation has an optional string query parameter named `cursor`, `startingAfter`, `after`, `pageToken`,
///   `nextToken`, `continuationToken`, `nextCursor` or `marker` (same spellings), which takes that cursor.
///
/// A boolean `hasMore` (or `hasNextPage`) member of the page, when present, must be true for a next page to be
/// fetched; an absent or empty next cursor ends the sequence either way. The method is named `all` followed by the
/// operation's name without a leading `list` (`listEnvelopes` → `allEnvelopes`); it is not generated when that
/// name is already an operation's. Offset and page-number pagination, and cursors nested inside another member,
/// are not recognised.
public enum PaginationPass {
    static let cursorParameters: Set<String> = [
        "cursor", "startingafter", "after", "pagetoken", "nexttoken", "continuationtoken", "nextcursor", "marker",
    ]
    static let nextCursorMembers: Set<String> = ["nextcursor", "nextpagetoken", "nexttoken", "continuationtoken", "nextmarker"]
    static let hasMoreMembers: Set<String> = ["hasmore", "hasnextpage"]

    /// The model with ``OperationDeclaration/pagination`` set on every operation the rule recognises.
    public static func apply(to model: RenderModel) -> RenderModel {
        var model = model
        var pages: [TypeID: [PropertyDeclaration]] = [:]
        for declaration in model.types {
            if case .structure(let properties) = declaration.kind { pages[declaration.id] = properties }
        }
        var taken = Set(model.operations.map(\.swiftName))
        for index in model.operations.indices {
            let operation = model.operations[index]
            guard let pagination = recognise(operation, pages: pages), !taken.contains(pagination.methodName) else { continue }
            taken.insert(pagination.methodName)
            model.operations[index].pagination = pagination
        }
        return model
    }

    static func recognise(_ operation: OperationDeclaration, pages: [TypeID: [PropertyDeclaration]]) -> PaginationDeclaration? {
        guard operation.method == "GET", operation.primaryName == nil, operation.success.shape == .single,
              case .json(.generated(let pageType)) = operation.success.body, let members = pages[pageType] else { return nil }
        let arrays = members.filter { member in
            if case .array = member.type.unwrapped, !member.isAdditionalProperties { return true }
            return false
        }
        guard arrays.count == 1, let items = arrays.first, case .array(let element) = items.type.unwrapped,
              let next = members.first(where: { nextCursorMembers.contains(normalized($0.jsonName)) && $0.type.unwrapped == .string }),
              let cursor = operation.arguments.first(where: {
                  $0.role == .query && !$0.required && $0.type.unwrapped == .string && cursorParameters.contains(normalized($0.wireName))
              }) else { return nil }
        let hasMore = members.first { hasMoreMembers.contains(normalized($0.jsonName)) && $0.type.unwrapped == .bool }
        return PaginationDeclaration(
            methodName: methodName(for: operation.swiftName), pageType: pageType, element: element,
            cursorArgument: cursor.swiftName, itemsMember: items.swiftName, itemsIsOptional: items.type.isOptional,
            nextCursorMember: next.swiftName, hasMoreMember: hasMore?.swiftName, hasMoreIsOptional: hasMore?.type.isOptional ?? false)
    }

    /// `listEnvelopes` → `allEnvelopes`; `searchIssues` → `allSearchIssues`.
    static func methodName(for operation: String) -> String {
        var rest = Substring(operation)
        if rest.hasPrefix("list"), let next = rest.dropFirst(4).first, next.isUppercase { rest = rest.dropFirst(4) }
        return "all" + rest.prefix(1).uppercased() + rest.dropFirst()
    }

    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }
}
