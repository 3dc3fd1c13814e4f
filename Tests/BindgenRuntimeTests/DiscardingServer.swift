import Foundation
#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)
/// A one-connection HTTP/1.1 server that reads a request body and throws it away, answering
/// `201 Created`; it never holds more than 64 KiB of it.
final class DiscardingServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received = 0
    private let finished = DispatchSemaphore(value: 0)

    init() throws {
        let descriptor = try Socket.listenOnLoopback()
        listener = descriptor.fd
        port = descriptor.port
        Thread { [self] in serve() }.start()
    }

    var receivedBodyBytes: Int { lock.withLock { received } }

    func waitUntilFinished(seconds: Double = 60) {
        if finished.wait(timeout: .now() + seconds) == .success { finished.signal() }
    }

    private func serve() {
        defer {
            Socket.closeDescriptor(listener)
            finished.signal()
        }
        guard Socket.waitReadable(listener, milliseconds: 60_000) else { return }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { Socket.closeDescriptor(connection) }
        var head = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var bodyStart = Data()
        while true {
            guard Socket.waitReadable(connection, milliseconds: 30_000) else { return }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            head.append(contentsOf: buffer[0..<count])
            if let range = head.range(of: Data("\r\n\r\n".utf8)) {
                bodyStart = head[range.upperBound...]
                head = head[..<range.lowerBound]
                break
            }
        }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        let length = text.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        if text.contains("expect: 100-continue") {
            Socket.writeAll(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        var total = bodyStart.count
        while total < length {
            guard Socket.waitReadable(connection, milliseconds: 30_000) else { return }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            total += count
        }
        lock.withLock { received = total }
        Socket.writeAll(connection, Data("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
    }
}
#endif
