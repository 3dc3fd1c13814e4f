import Foundation
#if canImport(Glibc)
import Glibc
#endif

#if canImport(Glibc)
/// One HTTP/1.1 exchange over a raw socket, to see exactly what the server does with the connection.
enum RawHTTP {
    enum Reply: Equatable {
        case endOfFile
        case bytes(Int)
        case failed(String)
    }

    /// Runs the blocking exchange on a thread of its own: blocking a thread of the cooperative
    /// pool could starve the in-process sandbox that must answer it.
    static func exchange(port: Int, _ request: String) async -> Reply {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: blockingExchange(port: port, request)) }.start()
        }
    }

    private static func blockingExchange(port: Int, _ request: String) -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .failed("socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { return .failed("connect") }
        let bytes = Array(request.utf8)
        guard send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { return .failed("send") }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 10_000) > 0 else { return .failed("no answer and no close within 10 s") }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let received = recv(fd, &buffer, buffer.count, 0)
        if received == 0 { return .endOfFile }
        return received > 0 ? .bytes(received) : .failed("recv errno \(errno)")
    }
}
#endif
