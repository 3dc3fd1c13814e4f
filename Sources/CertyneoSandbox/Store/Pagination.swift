import Foundation

/// `limit` and `startingAfter` of a list request, already checked for range.
struct PageRequest: Sendable {
    static let defaultLimit = 20
    static let limitRange = 1...100

    let limit: Int
    let startingAfter: String?

    /// Reads `limit` (1–100, default 20) and `startingAfter` from the query; 422 otherwise.
    init(query: QueryParameters) throws {
        if let text = query["limit"] {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), Self.limitRange.contains(value) else {
                throw Problem.validation(
                    path: FieldPath.root.appending("limit"),
                    message: "limit must be an integer from 1 to 100.", code: "out_of_range"
                )
            }
            self.limit = value
        } else {
            self.limit = Self.defaultLimit
        }
        self.startingAfter = query["startingAfter"]
    }

    init(limit: Int = PageRequest.defaultLimit, startingAfter: String? = nil) {
        self.limit = limit
        self.startingAfter = startingAfter
    }
}

/// One page of a list.
struct Page<Item: Sendable>: Sendable {
    let items: [Item]
    let hasMore: Bool
    /// The id of the last item when another page follows, else `nil`.
    let nextCursor: String?

    func map<Other: Sendable>(_ transform: (Item) -> Other) -> Page<Other> {
        Page<Other>(items: items.map(transform), hasMore: hasMore, nextCursor: nextCursor)
    }
}

extension Page {
    /// Cuts a page out of `newestFirst` (the whole list of the account): the cursor is looked up
    /// in the whole list, so a filter that no longer matches the cursor's item still pages on.
    static func slice(
        _ newestFirst: [Item], id: (Item) -> String, request: PageRequest, where include: (Item) -> Bool = { _ in true }
    ) throws -> Page<Item> {
        var start = newestFirst.startIndex
        if let cursor = request.startingAfter {
            guard let position = newestFirst.firstIndex(where: { id($0) == cursor }) else {
                throw Problem.validation(
                    path: FieldPath.root.appending("startingAfter"),
                    message: "startingAfter is not the id of an item of this list.", code: "unknown_cursor"
                )
            }
            start = newestFirst.index(after: position)
        }
        var items: [Item] = []
        var hasMore = false
        for item in newestFirst[start...] where include(item) {
            if items.count == request.limit {
                hasMore = true
                break
            }
            items.append(item)
        }
        let cursor = hasMore ? items.last.map(id) : nil
        return Page(items: items, hasMore: hasMore, nextCursor: cursor)
    }
}
