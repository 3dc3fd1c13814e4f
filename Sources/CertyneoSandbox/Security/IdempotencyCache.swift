import Foundation

/// The first response to each `Idempotency-Key` of an account, kept 24 hours.
///
/// A request that comes while the first one with the same key is still running waits for it and
/// then replays its answer.
actor IdempotencyCache {
    /// What the request should do.
    enum Decision: Sendable {
        /// The first use of the key: run the request, then call ``finish(_:_:reply:)``.
        case proceed
        /// A repeat of a finished request: answer this stored reply.
        case replay(HTTPReply)
        /// The key was used for a different request.
        case mismatch
    }

    struct Key: Hashable, Sendable {
        let accountID: Int
        let value: String
    }

    private enum Entry {
        case running(fingerprint: String, waiters: [CheckedContinuation<HTTPReply?, Never>])
        case finished(fingerprint: String, reply: HTTPReply, storedAt: Date)
    }

    private let lifetime: TimeInterval = 24 * 60 * 60
    private var entries: [Key: Entry] = [:]

    func begin(_ key: Key, fingerprint: String) async -> Decision {
        purgeExpired()
        switch entries[key] {
        case nil:
            entries[key] = .running(fingerprint: fingerprint, waiters: [])
            return .proceed
        case .finished(let stored, let reply, _):
            return stored == fingerprint ? .replay(reply) : .mismatch
        case .running(let stored, var waiters):
            guard stored == fingerprint else { return .mismatch }
            let reply = await withCheckedContinuation { continuation in
                waiters.append(continuation)
                entries[key] = .running(fingerprint: stored, waiters: waiters)
            }
            guard let reply else { return await begin(key, fingerprint: fingerprint) }
            return .replay(reply)
        }
    }

    /// Stores the reply of a request that got `.proceed` (or, with `nil`, forgets the key so that
    /// a retry runs again) and wakes the requests waiting for it.
    func finish(_ key: Key, _ fingerprint: String, reply: HTTPReply?) {
        guard case .running(_, let waiters) = entries[key] else { return }
        if let reply {
            entries[key] = .finished(fingerprint: fingerprint, reply: reply, storedAt: Date())
        } else {
            entries[key] = nil
        }
        for waiter in waiters {
            waiter.resume(returning: reply)
        }
    }

    private func purgeExpired() {
        let cutoff = Date().addingTimeInterval(-lifetime)
        entries = entries.filter { _, entry in
            if case .finished(_, _, let storedAt) = entry { return storedAt > cutoff }
            return true
        }
    }
}
