import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-connection HTTP/1.1 server on 127.0.0.1 built on POSIX sockets, for exercising
/// ``URLSessionTransport`` against a real TCP peer.
///
/// It accepts one connection, reads one request (Content-Length or chunked body, answering
/// `Expect: 100-continue`), records it, then writes the canned response (or, with `holdSeconds`,
/// stays silent until the client hangs up or the time is over) and closes.
final class LoopbackServer: @unchecked Sendable {
    struct Request {
        let requestLine: String
        let headers: [(name: String, value: String)]
        let body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    enum Failure: Error { case socket(String) }

    let port: UInt16
    private let listener: Int32
    private let response: Data
    private let holdSeconds: Double?
    private let lock = NSLock()
    private var captured: Request?
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - response: Raw bytes written after the request was read.
    ///   - holdSeconds: When set, no response is written; the connection stays open at most this long.
    init(response: Data, holdSeconds: Double? = nil) throws {
        self.response = response
        self.holdSeconds = holdSeconds
        let descriptor = try Socket.listenOnLoopback()
        self.listener = descriptor.fd
        self.port = descriptor.port
        let thread = Thread { [self] in
            self.serveOne()
        }
        thread.start()
    }

    /// Builds a canned `HTTP/1.1` response with `Content-Length` and `Connection: close`.
    static func response(status: String, headers: [(String, String)], body: Data) -> Data {
        var head = "HTTP/1.1 \(status)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + body
    }

    /// The request the server read, once the client has a response (or gave up).
    var request: Request? { lock.withLock { captured } }

    /// Blocks until the server thread is done (at most `seconds`).
    func waitUntilFinished(seconds: Double = 10) {
        if finished.wait(timeout: .now() + seconds) == .success { finished.signal() }
    }

    private func serveOne() {
        defer {
            Socket.closeDescriptor(listener)
            finished.signal()
        }
        guard Socket.waitReadable(listener, milliseconds: 10_000) else { return }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { Socket.closeDescriptor(connection) }
        var reader = Socket.Reader(fd: connection)
        guard let request = readRequest(&reader) else { return }
        lock.withLock { captured = request }
        if let holdSeconds {
            // Stay silent until the client gives up (closes: readable EOF) or the hold ends.
            _ = Socket.waitReadable(connection, milliseconds: Int32(holdSeconds * 1000))
            return
        }
        Socket.writeAll(connection, response)
    }

    private func readRequest(_ reader: inout Socket.Reader) -> Request? {
        guard let headData = reader.readUntil(Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: headData, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let requestLine = lines.first else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let partial = Request(requestLine: requestLine, headers: headers, body: Data())
        if partial.header("Expect")?.lowercased() == "100-continue" {
            Socket.writeAll(reader.fd, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        var body = Data()
        if partial.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            while let sizeLine = reader.readUntil(Data("\r\n".utf8)),
                  let size = Int(String(decoding: sizeLine, as: UTF8.self).split(separator: ";").first ?? "", radix: 16) {
                if size == 0 {
                    _ = reader.readUntil(Data("\r\n".utf8))
                    break
                }
                guard let chunk = reader.read(count: size + 2) else { return nil }
                body.append(chunk.prefix(size))
            }
        } else if let length = partial.header("Content-Length").flatMap({ Int($0) }), length > 0 {
            guard let bytes = reader.read(count: length) else { return nil }
            body = bytes
        }
        return Request(requestLine: requestLine, headers: headers, body: body)
    }
}

/// Thin wrappers over the POSIX socket calls used by ``LoopbackServer``.
enum Socket {
    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let streamType = SOCK_STREAM
    static let sendFlags: Int32 = 0
    #endif

    /// A listening TCP socket on 127.0.0.1 with a kernel-chosen port.
    static func listenOnLoopback(listen shouldListen: Bool = true) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw LoopbackServer.Failure.socket("socket") }
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        var noSigPipe: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &noSigPipe, socklen_t(MemoryLayout<Int32>.size))
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound, !shouldListen || listen(fd, 4) == 0 else {
            closeDescriptor(fd)
            throw LoopbackServer.Failure.socket("bind/listen")
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// A port on 127.0.0.1 that nothing listens on: bound to get a free number, then closed.
    static func closedPort() throws -> UInt16 {
        let (fd, port) = try listenOnLoopback(listen: false)
        closeDescriptor(fd)
        return port
    }

    static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }

    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    static func writeAll(_ fd: Int32, _ data: Data) {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, sendFlags) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Buffered reads with a 10 s idle limit per read.
    struct Reader {
        let fd: Int32
        private var buffer = Data()

        init(fd: Int32) { self.fd = fd }

        mutating func readUntil(_ delimiter: Data) -> Data? {
            while true {
                if let range = buffer.range(of: delimiter) {
                    let line = buffer[buffer.startIndex..<range.lowerBound]
                    buffer = Data(buffer[range.upperBound...])
                    return Data(line)
                }
                guard fill() else { return nil }
            }
        }

        mutating func read(count: Int) -> Data? {
            while buffer.count < count {
                guard fill() else { return nil }
            }
            let bytes = Data(buffer.prefix(count))
            buffer = Data(buffer.dropFirst(count))
            return bytes
        }

        private mutating func fill() -> Bool {
            guard Socket.waitReadable(fd, milliseconds: 10_000) else { return false }
            var chunk = [UInt8](repeating: 0, count: 16_384)
            let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard received > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<received])
            return true
        }
    }
}
