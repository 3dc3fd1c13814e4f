import Foundation
import HTTPTypes

/// The chunks of one streamed response body between the transport (producer) and the ``ResponseBodyStream`` consumer.
///
/// Holds at most about `limit` bytes the consumer has not taken: beyond that, a pull-based producer waits in
/// ``waitForRoom()`` and a push-based one is paused through its flow control, until the consumer has taken all
/// but `limit / 4` bytes. It also carries how the exchange began (the head, for the caller of
/// ``APIClient/stream(_:success:)``) and ended.
final class ResponseBodyBuffer: @unchecked Sendable {
    /// How the exchange went before a body was streamed.
    enum Start: Sendable {
        /// The sink accepted the status: the body follows.
        case began(HTTPResponse)
        /// The exchange ended without a streamed body (a status the sink did not accept, collected in memory).
        case ended(APIResponse)
        case failed(ClientError)
    }

    private let lock = NSLock()
    private let limit: Int
    private let operationID: String
    private var chunks: [Data] = []
    private var nextChunk = 0
    private var bufferedBytes = 0
    private var start: Start?
    private var end: ClientError??
    private var cancelled = false
    private var startWaiter: CheckedContinuation<Start, Never>?
    private var consumer: CheckedContinuation<Result<Data?, ClientError>, Never>?
    private var producer: CheckedContinuation<Void, Never>?
    private var flowControl: (pause: @Sendable () -> Void, resume: @Sendable () -> Void)?
    private var paused = false
    private var stopExchange: (@Sendable () -> Void)?

    /// A buffer holding about `limit` bytes the consumer has not taken.
    init(limit: Int, operationID: String) {
        self.limit = max(limit, 1)
        self.operationID = operationID
    }

    /// The bytes queued and not yet taken by the consumer.
    var pendingBytes: Int { lock.withLock { bufferedBytes } }

    // MARK: Producer side

    /// The sink accepted the response `head`: the caller waiting in ``waitForStart()`` gets it (the first time only).
    func began(_ head: HTTPResponse) {
        let waiter: CheckedContinuation<Start, Never>? = lock.withLock {
            guard start == nil else { return nil }
            start = .began(head)
            defer { startWaiter = nil }
            return startWaiter
        }
        waiter?.resume(returning: .began(head))
    }

    /// Queues a chunk for the consumer, pausing a push-based producer when the consumer is behind.
    /// - Returns: `false` when the consumer has gone (the producer should stop).
    func append(_ chunk: Data) -> Bool {
        var pause: (@Sendable () -> Void)?
        let handoff: CheckedContinuation<Result<Data?, ClientError>, Never>? = lock.withLock {
            guard !cancelled else { return nil }
            if let consumer, nextChunk == chunks.count {
                self.consumer = nil
                return consumer
            }
            chunks.append(chunk)
            bufferedBytes += chunk.count
            if bufferedBytes > limit, !paused, let flowControl {
                paused = true
                pause = flowControl.pause
            }
            return nil
        }
        if lock.withLock({ cancelled }) { return false }
        handoff?.resume(returning: .success(chunk))
        pause?()
        return true
    }

    /// Waits while the consumer is behind by more than the limit (returns at once when it has gone).
    func waitForRoom() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = lock.withLock {
                    guard bufferedBytes > limit, !cancelled, producer == nil, !Task.isCancelled else { return true }
                    producer = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            self.releaseProducer()
        }
    }

    /// Registers a push-based producer's pause and resume.
    func setFlowControl(pause: @escaping @Sendable () -> Void, resume: @escaping @Sendable () -> Void) {
        lock.withLock { flowControl = (pause, resume) }
    }

    /// What stops the exchange when the consumer goes (cancels the task running it).
    func onCancel(_ stop: @escaping @Sendable () -> Void) {
        lock.withLock { stopExchange = stop }
    }

    /// The exchange is over: `response` when it ended with a response, `error` when it failed.
    func finish(_ outcome: Result<APIResponse, ClientError>) {
        let (waiter, startValue, consumer, result): (CheckedContinuation<Start, Never>?, Start?,
                                                     CheckedContinuation<Result<Data?, ClientError>, Never>?,
                                                     Result<Data?, ClientError>) = lock.withLock {
            let failure: ClientError? = if case .failure(let error) = outcome { error } else { nil }
            end = .some(failure)
            var waiter: CheckedContinuation<Start, Never>?
            var startValue: Start?
            if start == nil {
                let value: Start = switch outcome {
                case .success(let response): .ended(response)
                case .failure(let error): .failed(error)
                }
                start = value
                startValue = value
                waiter = startWaiter
                startWaiter = nil
            }
            guard let pending = self.consumer, nextChunk == chunks.count else { return (waiter, startValue, nil, .success(nil)) }
            self.consumer = nil
            let result: Result<Data?, ClientError> = if let failure { .failure(failure) } else { .success(nil) }
            return (waiter, startValue, pending, result)
        }
        if let waiter, let startValue { waiter.resume(returning: startValue) }
        consumer?.resume(returning: result)
    }

    // MARK: Consumer side

    /// Waits until the body begins or the exchange ends without one.
    func waitForStart() async -> Start {
        await withCheckedContinuation { (continuation: CheckedContinuation<Start, Never>) in
            let ready: Start? = lock.withLock {
                if let start { return start }
                startWaiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// The next chunk, `nil` at the end of the body.
    /// - Throws: The exchange's error once the chunks before it are taken; ``ClientError/cancelled(operationID:)``
    ///   when the consuming task is cancelled (which cancels the exchange).
    func next() async throws(ClientError) -> Data? {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Data?, ClientError>, Never>) in
                var resume: (@Sendable () -> Void)?
                var producer: CheckedContinuation<Void, Never>?
                let ready: Result<Data?, ClientError>? = lock.withLock {
                    if cancelled { return .failure(.cancelled(operationID: operationID)) }
                    if nextChunk < chunks.count {
                        let chunk = chunks[nextChunk]
                        nextChunk += 1
                        bufferedBytes -= chunk.count
                        if nextChunk > 64, nextChunk * 2 > chunks.count {
                            chunks.removeFirst(nextChunk)
                            nextChunk = 0
                        }
                        if bufferedBytes <= limit / 4 {
                            if paused { paused = false; resume = flowControl?.resume }
                            producer = self.producer
                            self.producer = nil
                        }
                        return .success(chunk)
                    }
                    if let end {
                        if let failure = end { return .failure(failure) }
                        return .success(nil)
                    }
                    consumer = continuation
                    return nil
                }
                producer?.resume()
                resume?()
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            self.cancel()
        }
        return try result.get()
    }

    /// The consumer has gone (cancelled, or dropped the body): chunks are discarded, a waiting consumer gets
    /// ``ClientError/cancelled(operationID:)``, a waiting or paused producer is released so that it can see the
    /// cancellation of its task.
    func cancel() {
        let (consumer, producer, resume, stop): (CheckedContinuation<Result<Data?, ClientError>, Never>?,
                                                 CheckedContinuation<Void, Never>?, (@Sendable () -> Void)?,
                                                 (@Sendable () -> Void)?) = lock.withLock {
            let stop = cancelled ? nil : stopExchange
            cancelled = true
            chunks.removeAll()
            nextChunk = 0
            bufferedBytes = 0
            defer { self.consumer = nil; self.producer = nil; paused = false }
            return (self.consumer, self.producer, paused ? flowControl?.resume : nil, stop)
        }
        stop?()
        consumer?.resume(returning: .failure(.cancelled(operationID: operationID)))
        producer?.resume()
        resume?()
    }

    private func releaseProducer() {
        let producer: CheckedContinuation<Void, Never>? = lock.withLock {
            defer { self.producer = nil }
            return self.producer
        }
        producer?.resume()
    }
}
