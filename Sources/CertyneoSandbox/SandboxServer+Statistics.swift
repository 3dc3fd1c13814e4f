extension SandboxServer {
    /// What the sandbox holds and has answered so far, across all accounts.
    public func statistics() async -> SandboxStatistics {
        var statistics = await store.statistics()
        statistics.responsesByStatus = await monitor.responsesByStatus
        statistics.injectedFaults = await monitor.injectedFaults
        return statistics
    }
}
