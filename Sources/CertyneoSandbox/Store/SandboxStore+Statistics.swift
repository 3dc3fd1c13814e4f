extension SandboxStore {
    /// Counts of the stored resources (the traffic counts are left empty).
    func statistics() -> SandboxStatistics {
        var byStatus: [String: Int] = [:]
        for envelope in envelopes.all {
            byStatus[envelope.status.rawValue, default: 0] += 1
        }
        return SandboxStatistics(
            documents: Self.count(documents.all), envelopes: Self.count(envelopes.all), envelopesByStatus: byStatus,
            webhooks: Self.count(webhooks.all), activeAPIKeys: Self.count(keys.all), responsesByStatus: [:],
            injectedFaults: [:])
    }

    private static func count(_ records: some Sequence) -> Int {
        records.reduce(into: 0) { count, _ in count += 1 }
    }
}
