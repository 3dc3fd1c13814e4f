import CertyneoSandbox
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

#if canImport(Glibc)
/// Issue 15, item 4: a client that writes a whole oversize body before reading (as many HTTP clients do) gets the
/// `413` and a closed connection; before, the listener stopped reading, half-closed, and the client hung.
final class WebhookListenerTests: XCTestCase {
    func testAnOversizeBodyWrittenWholeGets413AndAClosedConnection() async throws {
        let listener = WebhookListener { _ in WebhookListener.Reply(status: 204) }
        let port = try await listener.start()
        let started = Date()
        let outcome = await Self.run { Self.writeWholeThenRead(port: port, bodyBytes: 20 * 1024 * 1024) }
        await listener.stop()
        XCTAssertEqual(outcome.error, nil)
        XCTAssertTrue(outcome.response.hasPrefix("HTTP/1.1 413"), "answer: \(outcome.response.prefix(200))")
        XCTAssertTrue(outcome.closed, "the connection was not closed after the answer")
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "the exchange took too long")
    }

    func testABodyWithinTheLimitStillReachesTheHandler() async throws {
        let listener = WebhookListener { request in WebhookListener.Reply(status: request.body.count == 1000 ? 204 : 500) }
        let port = try await listener.start()
        let outcome = await Self.run { Self.writeWholeThenRead(port: port, bodyBytes: 1000) }
        await listener.stop()
        XCTAssertEqual(outcome.error, nil)
        XCTAssertTrue(outcome.response.hasPrefix("HTTP/1.1 204"), "answer: \(outcome.response.prefix(200))")
    }

    struct Outcome: Sendable {
        var response = ""
        var closed = false
        var error: String?
    }

    /// Blocking socket work on a thread of its own, off the cooperative pool the listener runs on.
    static func run(_ body: @escaping @Sendable () -> Outcome) async -> Outcome {
        await withCheckedContinuation { continuation in Thread { continuation.resume(returning: body()) }.start() }
    }

    /// Sends the head and the whole body (`Connection: close`), then reads until end of file. Sends and receives
    /// time out after 15 s, so a server that stops reading fails the test instead of hanging it.
    static func writeWholeThenRead(port: Int, bodyBytes: Int) -> Outcome {
        var outcome = Outcome()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return Outcome(error: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return Outcome(error: "connect") }
        let head = "POST /hooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(bodyBytes)\r\nConnection: close\r\n\r\n"
        let pending = Array(head.utf8) + [UInt8](repeating: 0x20, count: bodyBytes)
        let total = pending.count
        var offset = 0
        while offset < total {
            let start = offset
            let sent = pending.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return send(fd, base + start, min(65536, total - start), Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 {
                // A server that answers and closes early may reset the rest of the upload: read what it said.
                if errno == EAGAIN || errno == EWOULDBLOCK { return Outcome(error: "send blocked for 15 s after \(offset) bytes") }
                break
            }
            offset += sent
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { outcome.closed = true; break }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { outcome.error = "no end of file within 15 s" }
                else if errno == ECONNRESET { outcome.closed = true }
                else { outcome.error = "recv errno \(errno)" }
                break
            }
            received += buffer[0..<count]
        }
        outcome.response = String(decoding: received, as: UTF8.self)
        return outcome
    }
}
#endif
