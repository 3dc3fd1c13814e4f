/// Every item of a cursor-paginated list, as an `AsyncSequence` that fetches pages lazily: the
/// first page when iteration starts, each further page only once the items before it have been
/// consumed.
///
/// It knows nothing of a particular API: give it a function that fetches the page after a cursor
/// (`nil` for the first page), and how to read a page's items and next cursor.
///
/// ```swift
/// let envelopes = PageSequence(
///     fetch: { cursor in try await client.listEnvelopes(limit: 100, startingAfter: cursor) },
///     items: \.data,
///     nextCursor: { $0.hasMore ? $0.nextCursor : nil })
/// for try await envelope in envelopes { print(envelope.id) }
/// ```
///
/// Iteration ends after a page without a next cursor, or when a page's next cursor repeats the
/// cursor that fetched it (which would loop forever). A failed fetch throws its ``ClientError``
/// from `next()`; iterating again starts over from the first page. Each fetch is one call of the
/// client, with its retries, rate limiting and deadline.
public struct PageSequence<Page, Element>: AsyncSequence, Sendable {
    /// Fetches the page after a cursor; `nil` asks for the first page.
    public typealias Fetch = @Sendable (_ cursor: String?) async throws(ClientError) -> Page

    /// Errors thrown while iterating.
    public typealias Failure = ClientError

    private let fetch: Fetch
    private let items: @Sendable (Page) -> [Element]
    private let nextCursor: @Sendable (Page) -> String?

    /// Creates the sequence.
    /// - Parameters:
    ///   - fetch: Loads one page.
    ///   - items: A page's items, in order.
    ///   - nextCursor: The cursor of the page after this one, or `nil` on the last page.
    public init(fetch: @escaping Fetch, items: @escaping @Sendable (Page) -> [Element],
                nextCursor: @escaping @Sendable (Page) -> String?) {
        self.fetch = fetch
        self.items = items
        self.nextCursor = nextCursor
    }

    /// The pages themselves, fetched lazily in the same way.
    public var pages: Pages { Pages(fetch: fetch, nextCursor: nextCursor) }

    /// Starts an iteration at the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator(), items: items)
    }

    /// Fetches every page and returns all items: use only on lists known to be small.
    /// - Throws: The ``ClientError`` of the first fetch that fails.
    public func collect() async throws(ClientError) -> [Element] {
        var all: [Element] = []
        var iterator = makeAsyncIterator()
        while let element = try await iterator.next() { all.append(element) }
        return all
    }

    /// Yields the items of each page in turn.
    public struct Iterator: AsyncIteratorProtocol {
        private var pages: Pages.Iterator
        private let items: @Sendable (Page) -> [Element]
        private var buffer: [Element] = []
        private var position = 0

        init(pages: Pages.Iterator, items: @escaping @Sendable (Page) -> [Element]) {
            self.pages = pages
            self.items = items
        }

        /// The next item, fetching the next page when this one is used up; `nil` at the end.
        /// - Throws: The ``ClientError`` of a failed page fetch.
        public mutating func next() async throws(ClientError) -> Element? {
            while position == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = items(page)
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }

    /// The pages of a ``PageSequence``.
    public struct Pages: AsyncSequence, Sendable {
        /// Errors thrown while iterating.
        public typealias Failure = ClientError

        let fetch: Fetch
        let nextCursor: @Sendable (Page) -> String?

        /// Starts at the first page.
        public func makeAsyncIterator() -> Iterator {
            Iterator(fetch: fetch, nextCursor: nextCursor)
        }

        /// Fetches one page per call.
        public struct Iterator: AsyncIteratorProtocol {
            private let fetch: Fetch
            private let nextCursor: @Sendable (Page) -> String?
            private var cursor: String?
            private var finished = false

            init(fetch: @escaping Fetch, nextCursor: @escaping @Sendable (Page) -> String?) {
                self.fetch = fetch
                self.nextCursor = nextCursor
            }

            /// The next page, or `nil` after the last one.
            /// - Throws: The ``ClientError`` of the fetch; a failed fetch may be retried by calling again.
            public mutating func next() async throws(ClientError) -> Page? {
                guard !finished else { return nil }
                let page = try await fetch(cursor)
                let next = nextCursor(page)
                if let next, !next.isEmpty, next != cursor {
                    cursor = next
                } else {
                    finished = true
                }
                return page
            }
        }
    }
}
