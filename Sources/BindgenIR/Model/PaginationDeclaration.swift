/// How a cursor-paginated list operation pages: the generator emits an `all<Items>` method returning a
/// `BindgenRuntime.PageSequence` over the items of every page (``PaginationPass`` says which operations qualify).
public struct PaginationDeclaration: Sendable {
    /// The method's name: `allEnvelopes` for `listEnvelopes`, `allSearchResults` for `searchResults`.
    public var methodName: String
    /// The page type the operation returns (a generated struct).
    public var pageType: TypeID
    /// The type of one item of the page's array member.
    public var element: TypeUsage
    /// The Swift name of the query argument that takes the cursor (`startingAfter`); the method leaves it out.
    public var cursorArgument: String
    /// The page's array member, and whether it is optional (an absent member is no items).
    public var itemsMember: String
    public var itemsIsOptional: Bool
    /// The page's member holding the cursor of the next page.
    public var nextCursorMember: String
    /// The page's boolean member saying whether a next page exists (`hasMore`), and whether it is optional;
    /// `nil` when the page has none (then a missing or empty next cursor ends the sequence).
    public var hasMoreMember: String?
    public var hasMoreIsOptional: Bool
}
