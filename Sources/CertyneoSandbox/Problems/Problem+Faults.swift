/// The problems of injected faults.
extension Problem {
    static func unavailable() -> Problem {
        Problem(
            status: 503, code: "service_unavailable", title: "Service unavailable",
            detail: "The sandbox injected a 503 fault; retry the request."
        )
    }
}
