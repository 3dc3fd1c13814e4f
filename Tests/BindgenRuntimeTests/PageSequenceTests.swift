import BindgenRuntime
import Foundation
import Testing

@Suite("PageSequence: lazy cursor pagination")
struct PageSequenceTests {
    struct Page: Sendable {
        let items: [Int]
        let next: String?
    }

    /// Pages of `pageSize` over 0..<total, cursors being the last item's number; counts fetches.
    final class Server: @unchecked Sendable {
        private let lock = NSLock()
        private var requested: [String?] = []
        let total: Int
        let pageSize: Int
        var failOnCursor: String?

        init(total: Int, pageSize: Int) {
            self.total = total
            self.pageSize = pageSize
        }

        var cursors: [String?] { lock.withLock { requested } }

        func fetch(_ cursor: String?) throws(ClientError) -> Page {
            lock.withLock { requested.append(cursor) }
            if let failOnCursor, cursor == failOnCursor { throw .transport(operationID: "list", message: "reset") }
            let start = cursor.flatMap { Int($0) }.map { $0 + 1 } ?? 0
            let items = Array(start..<min(start + pageSize, total))
            let more = (items.last ?? total) < total - 1
            return Page(items: items, next: more ? items.last.map(String.init) : nil)
        }

        func sequence() -> PageSequence<Page, Int> {
            PageSequence(fetch: { cursor throws(ClientError) in try self.fetch(cursor) }, items: { $0.items }, nextCursor: { $0.next })
        }
    }

    @Test func yieldsEveryItemInOrderAcrossPages() async throws {
        let server = Server(total: 10, pageSize: 3)
        var seen: [Int] = []
        for try await item in server.sequence() { seen.append(item) }
        #expect(seen == Array(0..<10))
        #expect(server.cursors == [nil, "2", "5", "8"])
    }

    @Test func fetchesLazily() async throws {
        let server = Server(total: 100, pageSize: 10)
        var iterator = server.sequence().makeAsyncIterator()
        #expect(server.cursors.isEmpty)
        _ = try await iterator.next()
        #expect(server.cursors.count == 1)
        for _ in 0..<9 { _ = try await iterator.next() }
        #expect(server.cursors.count == 1)
        _ = try await iterator.next()
        #expect(server.cursors == [nil, "9"])
    }

    @Test func breakingOffFetchesNoMore() async throws {
        let server = Server(total: 100, pageSize: 10)
        for try await item in server.sequence() where item == 3 { break }
        #expect(server.cursors.count == 1)
    }

    @Test func emptyListAndPagesView() async throws {
        let empty = Server(total: 0, pageSize: 5)
        #expect(try await empty.sequence().collect().isEmpty)
        let server = Server(total: 7, pageSize: 5)
        var sizes: [Int] = []
        for try await page in server.sequence().pages { sizes.append(page.items.count) }
        #expect(sizes == [5, 2])
    }

    @Test func aFailedPageThrowsItsClientError() async throws {
        let server = Server(total: 30, pageSize: 10)
        server.failOnCursor = "19"
        var seen = 0
        do {
            for try await _ in server.sequence() { seen += 1 }
            Issue.record("expected a failure")
        } catch {
            guard case .transport("list", "reset") = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(seen == 20)
    }

    @Test func aRepeatedCursorEndsIteration() async throws {
        let calls = Counter()
        let stuck = PageSequence<Page, Int>(
            fetch: { cursor throws(ClientError) in
                calls.increment()
                return Page(items: [1], next: "same")
            }, items: { $0.items }, nextCursor: { $0.next })
        #expect(try await stuck.collect() == [1, 1])
        #expect(calls.value == 2)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
