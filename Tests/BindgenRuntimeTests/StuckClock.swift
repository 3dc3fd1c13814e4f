import BindgenRuntime
import Foundation

/// A clock whose sleeps never end by themselves: they wait (in real time) until the task is
/// cancelled. `started` yields once per sleep that began.
final class StuckClock: ClientClock, @unchecked Sendable {
    let started: AsyncStream<Duration>
    private let continuation: AsyncStream<Duration>.Continuation

    init() {
        (started, continuation) = AsyncStream<Duration>.makeStream()
    }

    var now: Duration { .zero }
    var wallClock: Date { Date(timeIntervalSince1970: 1_800_000_000) }

    func sleep(until deadline: Duration) async throws {
        continuation.yield(deadline)
        try await Task.sleep(for: .seconds(3600))
    }
}
