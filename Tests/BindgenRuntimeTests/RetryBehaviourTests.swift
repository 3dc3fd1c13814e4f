@testable import BindgenRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("APIClient retries, idempotency keys, Retry-After, cancellation and the deadline")
struct RetryBehaviourTests {
    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func retryableStatusesAreRetriedTwiceWithBackoff(status: Int) async throws {
        let transport = ScriptedTransport([.status(status)])
        let clock = ImmediateClock()
        let response = try await scriptedClient(transport, clock: clock) { $0.rateLimiter = nil }.send(apiRequest(.get))
        #expect(response.status == status)
        #expect(transport.attempts.count == 3)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test(arguments: [400, 401, 403, 404, 409, 413, 415, 422])
    func otherClientErrorsAreNeverRetried(status: Int) async throws {
        let transport = ScriptedTransport([.status(status)])
        let clock = ImmediateClock()
        let response = try await scriptedClient(transport, clock: clock).send(apiRequest(.post))
        #expect(response.status == status)
        #expect(transport.attempts.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func succeedsAfterFailuresAndEveryAttemptOfAPostCarriesTheSameIdempotencyKey() async throws {
        let transport = ScriptedTransport([.status(503), .failure(URLError(.networkConnectionLost)), .status(201)])
        let response = try await scriptedClient(transport).send(apiRequest(.post))
        #expect(response.status == 201)
        let keys = transport.attempts.map { $0.request.headerFields[.idempotencyKey] }
        #expect(keys.count == 3)
        let key = try #require(keys[0])
        #expect(UUID(uuidString: key) != nil)
        #expect(keys.allSatisfy { $0 == key })
    }

    @Test func theCallersIdempotencyKeyIsKeptAndGetsNone() async throws {
        let transport = ScriptedTransport([.status(200)])
        var post = apiRequest(.post)
        post.setHeader("Idempotency-Key", "mine-1")
        _ = try await scriptedClient(transport).send(post)
        _ = try await scriptedClient(transport).send(apiRequest(.get))
        _ = try await scriptedClient(transport) { $0.idempotencyKeyHeader = nil }.send(apiRequest(.post))
        #expect(transport.attempts.map { $0.request.headerFields[.idempotencyKey] } == ["mine-1", nil, nil])
    }

    @Test func twoCallsGetTwoKeys() async throws {
        let transport = ScriptedTransport([.status(201)])
        let client = try scriptedClient(transport)
        _ = try await client.send(apiRequest(.post))
        _ = try await client.send(apiRequest(.post))
        let keys = transport.attempts.compactMap { $0.request.headerFields[.idempotencyKey] }
        #expect(keys.count == 2 && keys[0] != keys[1])
    }

    @Test func connectionErrorsOfNonReplaySafeRequestsAreNotRetried() async throws {
        let transport = ScriptedTransport([.failure(URLError(.networkConnectionLost))])
        await #expect(throws: ClientError.self) { try await scriptedClient(transport).send(apiRequest(.patch)) }
        #expect(transport.attempts.count == 1)
        let keyless = ScriptedTransport([.failure(URLError(.networkConnectionLost))])
        await #expect(throws: ClientError.self) {
            try await scriptedClient(keyless) { $0.idempotencyKeyHeader = nil }.send(apiRequest(.post))
        }
        #expect(keyless.attempts.count == 1)
    }

    @Test func aPatchIsRetriedOnlyAfterStatusesThatSayNothingWasProcessed() async throws {
        let unprocessed = ScriptedTransport([.status(503), .status(200)])
        #expect(try await scriptedClient(unprocessed).send(apiRequest(.patch)).status == 200)
        let maybeProcessed = ScriptedTransport([.status(500), .status(200)])
        #expect(try await scriptedClient(maybeProcessed).send(apiRequest(.patch)).status == 500)
        #expect(maybeProcessed.attempts.count == 1)
    }

    @Test func exhaustedConnectionRetriesThrowTheTransportError() async throws {
        let transport = ScriptedTransport([.failure(URLError(.cannotConnectToHost))])
        let error = await #expect(throws: ClientError.self) { try await scriptedClient(transport).send(apiRequest(.get)) }
        guard case .transport("op", _)? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(transport.attempts.count == 3)
    }

    @Test func retryAfterLongerThanTheBackoffIsWaitedFor() async throws {
        let transport = ScriptedTransport([.status(429, headers: [.retryAfter: "5"]), .status(200)])
        let clock = ImmediateClock()
        #expect(try await scriptedClient(transport, clock: clock).send(apiRequest(.get)).status == 200)
        #expect(clock.sleeps == [.seconds(5)])
    }

    @Test func retryAfterAsAnHTTPDateIsMeasuredOnTheWallClock() async throws {
        let clock = ImmediateClock()
        let date = HTTPDate.string(from: clock.wallClock.addingTimeInterval(3))
        let transport = ScriptedTransport([.status(503, headers: [.retryAfter: date]), .status(200)])
        #expect(try await scriptedClient(transport, clock: clock).send(apiRequest(.get)).status == 200)
        #expect(clock.sleeps == [.seconds(3)])
    }

    @Test func retryAfterAboveTheCapThrowsRateLimitedInsteadOfSleeping() async throws {
        let headers: HTTPFields = [.retryAfter: "120", .contentType: "application/problem+json"]
        let body = Data(#"{"code":"rate_limited","requestId":"req_42","title":"Too many requests"}"#.utf8)
        let transport = ScriptedTransport([.status(429, headers: headers, body: body)])
        let clock = ImmediateClock()
        let error = await #expect(throws: ClientError.self) {
            try await scriptedClient(transport, clock: clock).send(apiRequest(.post, operationID: "createEnvelope"))
        }
        guard case .rateLimited(let limited)? = error else {
            Issue.record("expected .rateLimited, got \(String(describing: error))")
            return
        }
        #expect(limited.retryAfter == .seconds(120))
        #expect(limited.requestID == "req_42")
        #expect(limited.response?.status == 429)
        #expect(error?.description == "Rate limited in createEnvelope: retry after 120 s [HTTP 429, code=rate_limited, requestId=req_42]")
        #expect(error?.description.contains("sk_test_secret") == false)
        #expect(transport.attempts.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func aServiceUnavailableWithAHugeRetryAfterIsReturnedAsItIs() async throws {
        let transport = ScriptedTransport([.status(503, headers: [.retryAfter: "3600"])])
        #expect(try await scriptedClient(transport).send(apiRequest(.get)).status == 503)
        #expect(transport.attempts.count == 1)
    }

    @Test func exhausted429BecomesRateLimitedThroughErrorFor() async throws {
        let transport = ScriptedTransport([.status(429, headers: [.retryAfter: "1", .testRequestID: "req_9"])])
        let client = try scriptedClient(transport)
        let response = try await client.send(apiRequest(.get))
        guard case .rateLimited(let limited) = client.error(for: response) else {
            Issue.record("expected .rateLimited")
            return
        }
        #expect(limited.retryAfter == .seconds(1))
        #expect(client.error(for: response).requestID == "req_9")
        #expect(client.error(for: response).status == 429)
    }

    @Test func cancellationDuringABackoffWaitEndsTheCallAtOnce() async throws {
        let transport = ScriptedTransport([.status(503)])
        let clock = StuckClock()
        let client = try scriptedClient(transport, clock: clock) { $0.rateLimiter = nil }
        let start = ContinuousClock.now
        let task = Task { try await client.send(apiRequest(.get)) }
        for await _ in clock.started { break }
        task.cancel()
        let result = await task.result
        guard case .failure(ClientError.cancelled("op")) = result else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
        #expect(transport.attempts.count == 1)
        // The clock's sleep lasts an hour unless cancelled; the margin allows for a busy machine.
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func cancellationDuringARateLimitWaitGivesTheTokenBack() async throws {
        let transport = ScriptedTransport([.status(200)])
        let clock = StuckClock()
        let limiter = ClientRateLimiter(.init(capacity: 1, refillPerMinute: 60))
        let client = try scriptedClient(transport, clock: clock) { $0.rateLimiter = limiter }
        _ = try await client.send(apiRequest(.get))
        let task = Task { try await client.send(apiRequest(.get)) }
        for await _ in clock.started { break }
        task.cancel()
        guard case .failure(ClientError.cancelled("op")) = await task.result else {
            Issue.record("expected .cancelled")
            return
        }
        #expect(transport.attempts.count == 1)
        #expect(await limiter.tokens(key: "bearer:sk_test_secret", now: .zero) == 0)
    }

    @Test func aCancelledTaskSendsNothing() async throws {
        let transport = ScriptedTransport([.status(200)])
        let client = try scriptedClient(transport)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(apiRequest(.get))
        }
        guard case .failure(ClientError.cancelled) = await task.result else {
            Issue.record("expected .cancelled")
            return
        }
        #expect(transport.attempts.isEmpty)
    }

    @Test func theDeadlineStopsRetriesWhoseWaitWouldEndAfterIt() async throws {
        let transport = ScriptedTransport([.status(503)])
        let clock = ImmediateClock()
        let client = try scriptedClient(transport, clock: clock) { $0.deadline = .milliseconds(1200) }
        let response = try await client.send(apiRequest(.get))
        // Attempt 1, wait 0.5 s, attempt 2; the next wait (1 s) would end at 1.5 s > 1.2 s.
        #expect(response.status == 503)
        #expect(transport.attempts.count == 2)
        #expect(clock.sleeps == [.milliseconds(500)])
    }

    @Test func theDeadlineCutsOffAnExchangeInFlight() async throws {
        let transport = ScriptedTransport([.hang(.seconds(600))])
        let client = try scriptedClient(transport) { $0.deadline = .milliseconds(300); $0.timeout = .seconds(10) }
        let start = ContinuousClock.now
        let error = await #expect(throws: ClientError.self) { try await client.send(apiRequest(.get)) }
        guard case .timedOut("op")? = error else {
            Issue.record("expected .timedOut, got \(String(describing: error))")
            return
        }
        // Cut off after 0.3 s instead of 600 s; the margin allows for a busy machine.
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(transport.attempts.count == 1)
        let timeout = try #require(transport.attempts.first?.timeout)
        #expect(timeout <= .milliseconds(300))
    }

    @Test func perCallSettingsThroughWithLeaveTheOriginalAlone() async throws {
        let transport = ScriptedTransport([.status(503)])
        let client = try scriptedClient(transport)
        _ = try await client.with { $0.retryPolicy = .none; $0.timeout = .seconds(3) }.send(apiRequest(.get))
        #expect(transport.attempts.count == 1)
        #expect(transport.attempts[0].timeout == .seconds(3))
        _ = try await client.send(apiRequest(.get))
        #expect(transport.attempts.count == 4)
        #expect(transport.attempts[1].timeout == nil)
    }
}
