import BindgenRuntime
import Foundation
import Testing

@Suite("RetryPolicy: backoff bounds and what is retried")
struct RetryPolicyTests {
    private let policy = RetryPolicy.default

    @Test func fullBackoffDoublesFromHalfASecondAndStopsAtEightSeconds() {
        let delays = (0..<8).map { policy.backoff(forRetry: $0, random: 0) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8), .seconds(8), .seconds(8)])
        #expect(policy.backoff(forRetry: 1_000, random: 0) == .seconds(8))
        #expect(policy.backoff(forRetry: Int.max, random: 0) == .seconds(8))
        #expect(policy.backoff(forRetry: -3, random: 0) == .milliseconds(500))
    }

    @Test func jitterKeepsEveryDelayBetweenHalfAndAllOfTheBackoff() {
        var generator = SystemRandomNumberGenerator()
        for retry in 0..<10 {
            let full = policy.backoff(forRetry: retry, random: 0)
            #expect(policy.backoff(forRetry: retry, random: 1) == full / 2)
            for _ in 0..<200 {
                let delay = policy.backoff(forRetry: retry, random: Double.random(in: 0..<1, using: &generator))
                #expect(delay >= full / 2 && delay <= full && delay <= .seconds(8))
            }
        }
    }

    @Test func jitterFractionIsConfigurableAndClamped() {
        var noJitter = policy
        noJitter.jitter = 0
        #expect(noJitter.backoff(forRetry: 2, random: 0.9) == .seconds(2))
        var fullJitter = policy
        fullJitter.jitter = 7
        #expect(fullJitter.backoff(forRetry: 2, random: 1) == .zero)
        #expect(policy.backoff(forRetry: 0, random: 42) == .milliseconds(250))
    }

    @Test func customBaseAndCap() {
        let quick = RetryPolicy(baseDelay: .milliseconds(10), maxDelay: .milliseconds(50), jitter: 0)
        #expect((0..<5).map { quick.backoff(forRetry: $0, random: 0) }
                == [.milliseconds(10), .milliseconds(20), .milliseconds(40), .milliseconds(50), .milliseconds(50)])
    }

    @Test func defaultsMatchTheIssue() {
        #expect(policy.maxRetries == 2)
        #expect(policy.retryableStatuses == [408, 429, 500, 502, 503, 504])
        #expect(policy.maxRetryAfter == .seconds(60))
        #expect(RetryPolicy.none.maxRetries == 0)
    }
}
