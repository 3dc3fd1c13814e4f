@testable import BindgenRuntime
import Foundation
import HTTPTypes
import Testing

/// The buffer between a streaming transport and a `ResponseBodyStream`: order, read-ahead limit (a pull-based
/// producer waits, a push-based one is paused and resumed), the end and errors, and a consumer that goes away.
@Suite struct ResponseBodyBufferTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// Waits (up to two seconds) until `condition` holds.
    func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<200 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func aPullProducerWaitsWhileTheConsumerIsBehind() async throws {
        let buffer = ResponseBodyBuffer(limit: 1000, operationID: "op")
        let sink = ResponseBodySink(streamingTo: buffer, success: { _ in true })
        try sink.begin(HTTPResponse(status: .ok))
        #expect(sink.hasStarted)
        let delivered = Counter()
        let producer = Task {
            for index in 0..<100 {
                try await sink.deliver(Data(repeating: UInt8(index), count: 100))
                delivered.add()
            }
            buffer.finish(.failure(.transport(operationID: "op", message: "connection reset")))
        }
        try await eventually { buffer.pendingBytes > 1000 }
        try await Task.sleep(for: .milliseconds(100))
        // The eleventh chunk took it over the limit: the producer waits there.
        #expect(delivered.value == 10)
        #expect(buffer.pendingBytes == 1100)

        var received: [UInt8] = []
        var highest = 0
        do throws(ClientError) {
            while let chunk = try await buffer.next() {
                received.append(chunk.first ?? 0)
                highest = max(highest, buffer.pendingBytes)
            }
            Issue.record("the body ended without the transport's error")
        } catch {
            guard case .transport(_, let message) = error else { Issue.record("\(error)"); return }
            #expect(message == "connection reset")
        }
        #expect(received == (0..<100).map(UInt8.init))
        #expect(highest <= 1100)
        try await producer.value
    }

    @Test func aPushProducerIsPausedAndResumed() async throws {
        let buffer = ResponseBodyBuffer(limit: 400, operationID: "op")
        let sink = ResponseBodySink(streamingTo: buffer, success: { _ in true })
        let pauses = Counter(), resumes = Counter()
        sink.setFlowControl(pause: { pauses.add() }, resume: { resumes.add() })
        try sink.begin(HTTPResponse(status: .ok))
        for _ in 0..<5 { try sink.write(Data(count: 100)) }
        #expect(pauses.value == 1)
        try sink.write(Data(count: 100))
        #expect(pauses.value == 1, "paused once, not per chunk")
        for _ in 0..<5 { _ = try await buffer.next() }
        #expect(resumes.value == 1, "resumed once the consumer is at a quarter of the limit")
        buffer.finish(.success(APIResponse(request: APIRequest(operationID: "op", method: .get, pathTemplate: "/", path: "/"),
                                           status: 200, headerFields: HTTPFields(), body: Data())))
        #expect(try await buffer.next()?.count == 100)
        #expect(try await buffer.next() == nil)
    }

    @Test func aConsumerThatGoesCancelsTheExchangeAndReleasesTheProducer() async throws {
        let buffer = ResponseBodyBuffer(limit: 10, operationID: "op")
        let stopped = Counter()
        buffer.onCancel { stopped.add() }
        let sink = ResponseBodySink(streamingTo: buffer, success: { _ in true })
        try sink.begin(HTTPResponse(status: .ok))
        let producer = Task { try await sink.deliver(Data(count: 100)) }
        try await Task.sleep(for: .milliseconds(50))
        let consumer = Task { () -> ClientError? in
            _ = try? await buffer.next()            // the queued chunk
            do throws(ClientError) { _ = try await buffer.next() } catch { return error }
            return nil
        }
        try await Task.sleep(for: .milliseconds(50))
        consumer.cancel()
        guard case .cancelled? = await consumer.value else { Issue.record("the consumer was not cancelled"); return }
        try await producer.value
        #expect(stopped.value == 1)
        #expect(throws: CancellationError.self) { try sink.write(Data(count: 1)) }
    }

    @Test func theStartIsTheHeadOrHowTheExchangeEnded() async throws {
        let began = ResponseBodyBuffer(limit: 10, operationID: "op")
        began.began(HTTPResponse(status: .ok, headerFields: [.contentType: "text/event-stream"]))
        guard case .began(let head) = await began.waitForStart() else { Issue.record("no head"); return }
        #expect(head.headerFields[.contentType] == "text/event-stream")

        let failed = ResponseBodyBuffer(limit: 10, operationID: "op")
        Task { failed.finish(.failure(.timedOut(operationID: "op"))) }
        guard case .failed(let error) = await failed.waitForStart() else { Issue.record("no failure"); return }
        guard case .timedOut = error else { Issue.record("\(error)"); return }
    }
}
