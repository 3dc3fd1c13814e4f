@testable import BindgenRuntime
import Foundation
import Testing

@Suite("Client-side token bucket")
struct ClientRateLimiterTests {
    @Test func aFullBucketLetsABurstThroughThenSpacesRequestsByTheRefillRate() async {
        let limiter = ClientRateLimiter(.init(capacity: 3, refillPerMinute: 60))
        var waits: [ClientRateLimiter.Reservation] = []
        for _ in 0..<5 { waits.append(await limiter.reserve(key: "k", now: .zero, maxWait: .seconds(60))) }
        #expect(waits == [.granted(wait: .zero), .granted(wait: .zero), .granted(wait: .zero),
                          .granted(wait: .seconds(1)), .granted(wait: .seconds(2))])
        // Two seconds later both reserved tokens have come and gone; the bucket is empty.
        #expect(await limiter.tokens(key: "k", now: .seconds(2)) == 0)
        #expect(await limiter.tokens(key: "k", now: .seconds(60)) == 3)
    }

    @Test func bucketsAreSeparatePerKey() async {
        let limiter = ClientRateLimiter(.init(capacity: 1, refillPerMinute: 60))
        #expect(await limiter.reserve(key: "a", now: .zero, maxWait: .zero) == .granted(wait: .zero))
        #expect(await limiter.reserve(key: "b", now: .zero, maxWait: .zero) == .granted(wait: .zero))
        #expect(await limiter.reserve(key: "a", now: .zero, maxWait: .zero) == .refused(wait: .seconds(1)))
    }

    @Test func aRefusedReservationTakesNothingAndARefundGivesBack() async {
        let limiter = ClientRateLimiter(.init(capacity: 1, refillPerMinute: 60))
        _ = await limiter.reserve(key: "k", now: .zero, maxWait: .zero)
        #expect(await limiter.reserve(key: "k", now: .zero, maxWait: .milliseconds(10)) == .refused(wait: .seconds(1)))
        #expect(await limiter.tokens(key: "k", now: .zero) == 0)
        await limiter.refund(key: "k")
        #expect(await limiter.tokens(key: "k", now: .zero) == 1)
    }

    @Test func aPauseHoldsTheKeyUntilItEnds() async {
        let limiter = ClientRateLimiter()
        await limiter.pause(key: "k", for: .seconds(30), now: .seconds(10))
        await limiter.pause(key: "k", for: .seconds(5), now: .seconds(10))
        #expect(await limiter.reserve(key: "k", now: .seconds(20), maxWait: .seconds(60)) == .granted(wait: .seconds(20)))
        #expect(await limiter.reserve(key: "k", now: .seconds(41), maxWait: .zero) == .granted(wait: .zero))
        #expect(await limiter.reserve(key: "other", now: .seconds(20), maxWait: .zero) == .granted(wait: .zero))
    }

    @Test func everyAttemptTakesATokenAndWaitsOnTheClientsClock() async throws {
        let transport = ScriptedTransport([.status(503), .status(200)])
        let clock = ImmediateClock()
        let limiter = ClientRateLimiter(.init(capacity: 1, refillPerMinute: 30))
        let client = try scriptedClient(transport, clock: clock) { $0.rateLimiter = limiter }
        #expect(try await client.send(apiRequest(.get)).status == 200)
        // The retry's backoff (0.5 s) is shorter than the 2 s a token takes to come back.
        #expect(clock.sleeps == [.milliseconds(500), .milliseconds(1500)])
    }

    @Test func a429PausesTheKeyForOtherCallsToo() async throws {
        let transport = ScriptedTransport([.status(429, headers: [.retryAfter: "7"])])
        let clock = ImmediateClock()
        let limiter = ClientRateLimiter()
        let client = try scriptedClient(transport, clock: clock) { $0.rateLimiter = limiter; $0.retryPolicy = .none }
        _ = try await client.send(apiRequest(.get))
        #expect(await limiter.reserve(key: "bearer:sk_test_secret", now: clock.now, maxWait: .seconds(60))
                == .granted(wait: .seconds(7)))
    }

    @Test func aWaitLongerThanTheCapThrowsRateLimitedWithoutSending() async throws {
        let transport = ScriptedTransport([.status(200)])
        let limiter = ClientRateLimiter(.init(capacity: 1, refillPerMinute: 0.5))
        let client = try scriptedClient(transport) { $0.rateLimiter = limiter }
        _ = try await client.send(apiRequest(.get))
        let error = await #expect(throws: ClientError.self) { try await client.send(apiRequest(.get)) }
        guard case .rateLimited(let limited)? = error else {
            Issue.record("expected .rateLimited, got \(String(describing: error))")
            return
        }
        #expect(limited.response == nil)
        #expect(limited.retryAfter == .seconds(120))
        #expect(error?.description.contains("nothing was sent") == true)
        #expect(transport.attempts.count == 1)
    }

    @Test func switchedOffSendsEverythingAtOnce() async throws {
        let transport = ScriptedTransport([.status(200)])
        let clock = ImmediateClock()
        let client = try scriptedClient(transport, clock: clock) {
            $0.rateLimiter = nil
        }
        for _ in 0..<250 { _ = try await client.send(apiRequest(.get)) }
        #expect(clock.sleeps.isEmpty)
    }

    @Test func theDefaultBucketIsTheCertyneoLimit() async throws {
        let transport = ScriptedTransport([.status(200)])
        let clock = ImmediateClock()
        let client = try scriptedClient(transport, clock: clock)
        for _ in 0..<201 { _ = try await client.send(apiRequest(.get)) }
        #expect(clock.sleeps == [.milliseconds(600)])
    }
}
