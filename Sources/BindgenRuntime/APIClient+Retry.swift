import Foundation

extension APIClient {
    /// Sends `exchange` until it succeeds, fails for good, or its retries, cap or deadline run out
    /// (see ``RetryPolicy`` and ``send(_:)``).
    func perform(_ exchange: Exchange) async throws(ClientError) -> APIResponse {
        let policy = configuration.retryPolicy
        let clock = configuration.clock
        let operationID = exchange.request.operationID
        let deadline = configuration.deadline.map { clock.now + $0 }
        var attempt = 1
        while true {
            if Task.isCancelled { throw .cancelled(operationID: operationID) }
            try await waitForToken(exchange, deadline: deadline)
            let outcome = await sendOnce(exchange, attempt: attempt, deadline: deadline)
            var retryAfter: Duration?
            let reason: String
            switch outcome {
            case .success(let response):
                retryAfter = RetryAfter.delay(in: response.headerFields, now: clock.wallClock)
                if response.status == 429, let retryAfter, let limiter = configuration.rateLimiter {
                    await limiter.pause(key: exchange.rateLimitKey, for: retryAfter, now: clock.now)
                }
                guard attempt <= policy.maxRetries,
                      policy.retries(status: response.status, replaySafe: exchange.replaySafe)
                else { return response }
                if let retryAfter, retryAfter > policy.maxRetryAfter {
                    configuration.logger?.debug(
                        "Not retrying \(operationID): Retry-After \(Self.milliseconds(retryAfter)) ms exceeds the cap",
                        metadata: ["operation": "\(operationID)", "status": "\(response.status)"])
                    guard response.status == 429 else { return response }
                    throw .rateLimited(RateLimitError(operationID: operationID, retryAfter: retryAfter,
                                                      response: apiError(for: response)))
                }
                reason = "HTTP \(response.status)"
            case .failure(let error):
                // A download that has written a byte is not sent again: the body is partly delivered.
                guard attempt <= policy.maxRetries, policy.retries(error, replaySafe: exchange.replaySafe),
                      exchange.sink?.hasStarted != true else {
                    throw error
                }
                reason = error.description
            }
            let wait = policy.delay(forRetry: attempt - 1, retryAfter: retryAfter, random: configuration.random.next())
            if let deadline, clock.now + wait >= deadline {
                // The retry could not even start before the deadline: report what happened.
                switch outcome {
                case .success(let response): return response
                case .failure(let error): throw error
                }
            }
            configuration.logger?.debug(
                "Retrying \(operationID) in \(Self.milliseconds(wait)) ms after \(reason) (attempt \(attempt + 1) of \(policy.maxRetries + 1))",
                metadata: ["operation": "\(operationID)", "attempt": "\(attempt + 1)"])
            do {
                try await clock.sleep(for: wait)
            } catch {
                throw .cancelled(operationID: operationID)
            }
            attempt += 1
        }
    }

    /// Takes a token from the credential's bucket, waiting for it when need be.
    /// - Throws: ``ClientError/rateLimited(_:)`` when the wait would exceed ``RetryPolicy/maxRetryAfter``,
    ///   ``ClientError/timedOut(operationID:)`` when it would end after the deadline,
    ///   ``ClientError/cancelled(operationID:)`` when the task is cancelled while waiting.
    private func waitForToken(_ exchange: Exchange, deadline: Duration?) async throws(ClientError) {
        guard let limiter = configuration.rateLimiter else { return }
        let clock = configuration.clock
        let operationID = exchange.request.operationID
        let cap = configuration.retryPolicy.maxRetryAfter
        var maxWait = cap
        if let deadline { maxWait = min(maxWait, deadline - clock.now) }
        switch await limiter.reserve(key: exchange.rateLimitKey, now: clock.now, maxWait: max(maxWait, .zero)) {
        case .granted(let wait):
            guard wait > .zero else { return }
            configuration.logger?.debug("Rate limiter holds \(operationID) for \(Self.milliseconds(wait)) ms",
                                        metadata: ["operation": "\(operationID)"])
            do {
                try await clock.sleep(for: wait)
            } catch {
                await limiter.refund(key: exchange.rateLimitKey)
                throw .cancelled(operationID: operationID)
            }
        case .refused(let wait):
            if wait > cap {
                throw .rateLimited(RateLimitError(operationID: operationID, retryAfter: wait, response: nil))
            }
            throw .timedOut(operationID: operationID)
        }
    }

    /// The ``APIError`` of a response.
    func apiError(for response: APIResponse) -> APIError {
        APIError(operationID: response.request.operationID, status: response.status,
                 headerFields: response.headerFields, body: response.body)
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        Int64((duration.timeInterval * 1000).rounded())
    }
}
