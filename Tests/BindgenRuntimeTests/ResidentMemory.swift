import Foundation
#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)
/// Resident memory of this process, from `/proc/self/status`, in bytes.
enum ResidentMemory {
    static func current() -> Int? { field("VmRSS") }
    static func peak() -> Int? { field("VmHWM") }

    /// Resets `VmHWM` to the current resident size (Linux ≥ 4.0).
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Samples `VmRSS` every 2 ms on a thread until stopped; returns the largest value seen.
    final class Sampler: @unchecked Sendable {
        private let lock = NSLock()
        private var largest = 0
        private var running = true
        private let done = DispatchSemaphore(value: 0)

        init() {
            Thread { [self] in
                while lock.withLock({ running }) {
                    let value = ResidentMemory.current() ?? 0
                    lock.withLock { largest = max(largest, value) }
                    usleep(2_000)
                }
                done.signal()
            }.start()
        }

        func stop() -> Int {
            lock.withLock { running = false }
            done.wait()
            return lock.withLock { largest }
        }
    }
}
#endif
