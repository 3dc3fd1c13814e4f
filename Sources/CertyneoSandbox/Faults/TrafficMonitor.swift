/// Draws the faults of ``SandboxConfiguration/FaultInjection`` and counts what the sandbox
/// answered, for ``SandboxServer/statistics()``.
actor TrafficMonitor {
    private let faults: SandboxConfiguration.FaultInjection?
    /// The `Retry-After` of injected 429s, in seconds.
    let retryAfterSeconds: Int
    private var generator: SplitMix64
    private var injected: [SandboxConfiguration.FaultInjection.Kind: Int] = [:]
    private var statuses: [Int: Int] = [:]

    init(faults: SandboxConfiguration.FaultInjection?) {
        self.faults = faults
        self.retryAfterSeconds = max(faults?.retryAfterSeconds ?? 1, 0)
        var system = SystemRandomNumberGenerator()
        self.generator = SplitMix64(seed: faults?.seed ?? system.next())
    }

    /// The fault for the next API request, if one is drawn; counted as injected.
    func drawFault() -> SandboxConfiguration.FaultInjection.Kind? {
        guard let faults else { return nil }
        let value = Double(generator.next() >> 11) / Double(1 << 53)
        guard let kind = faults.kind(for: value) else { return nil }
        injected[kind, default: 0] += 1
        return kind
    }

    /// Counts one answered response.
    func record(status: Int) {
        statuses[status, default: 0] += 1
    }

    var injectedFaults: [SandboxConfiguration.FaultInjection.Kind: Int] { injected }
    var responsesByStatus: [Int: Int] { statuses }
}

/// A small, fast, seedable generator (SplitMix64, Steele, Lea & Flood 2014), so that a seeded
/// sandbox injects the same faults in the same order.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
