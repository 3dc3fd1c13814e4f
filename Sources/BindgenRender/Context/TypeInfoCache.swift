import BindgenIR
import Foundation

/// The `typeInfo` context of each type usage, built once and read by every render job (they run concurrently, so
/// the table is behind a lock; its values are immutable once stored).
final class TypeInfoCache: @unchecked Sendable {
    private var table: [TypeUsage: [String: Any]] = [:]
    private let lock = NSLock()

    func value(for usage: TypeUsage, build: () -> [String: Any]) -> [String: Any] {
        if let cached = lock.withLock({ table[usage] }) { return cached }
        let built = build()
        lock.withLock { table[usage] = built }
        return built
    }
}
