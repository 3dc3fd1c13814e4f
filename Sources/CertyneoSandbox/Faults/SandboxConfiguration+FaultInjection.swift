extension SandboxConfiguration {
    /// Faults the sandbox injects into a random fraction of API requests, to test a client's
    /// retries and idempotency (`certyneo sandbox --inject-429 0.1 …`).
    ///
    /// Each request to an authenticated API route draws once: with probability ``rateLimited`` it
    /// is answered 429 with `Retry-After: <retryAfterSeconds>`, with ``unavailable`` 503, with
    /// ``dropBeforeProcessing`` its connection is closed before anything happens, with
    /// ``dropAfterProcessing`` it is processed in full (state changed, idempotent reply stored) and
    /// then its connection is closed without an answer. The fractions add up to the fraction of
    /// requests that fail; the rest are served normally. The signer pages (`/sign/…`) and unknown
    /// routes get no faults.
    public struct FaultInjection: Sendable, Hashable {
        /// A kind of injected fault.
        public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
            /// 429 with `Retry-After`, nothing processed.
            case rateLimited = "429"
            /// 503, nothing processed.
            case unavailable = "503"
            /// The connection is closed before the request is processed.
            case dropBeforeProcessing = "drop-before"
            /// The request is processed, then the connection is closed without an answer.
            case dropAfterProcessing = "drop-after"

            public static func < (lhs: Kind, rhs: Kind) -> Bool {
                allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
            }
        }

        /// The fraction of requests answered 429, `0...1`.
        public var rateLimited: Double
        /// The fraction of requests answered 503, `0...1`.
        public var unavailable: Double
        /// The fraction of requests whose connection is dropped before processing, `0...1`.
        public var dropBeforeProcessing: Double
        /// The fraction of requests whose connection is dropped after processing, `0...1`.
        public var dropAfterProcessing: Double
        /// The `Retry-After` of injected 429s, in whole seconds (0 or more).
        public var retryAfterSeconds: Int
        /// Seeds the draws, for a reproducible sequence of faults; `nil` draws from the system.
        public var seed: UInt64?

        /// Creates a fault configuration; all fractions default to 0 (no faults).
        public init(rateLimited: Double = 0, unavailable: Double = 0, dropBeforeProcessing: Double = 0,
                    dropAfterProcessing: Double = 0, retryAfterSeconds: Int = 1, seed: UInt64? = nil) {
            self.rateLimited = rateLimited
            self.unavailable = unavailable
            self.dropBeforeProcessing = dropBeforeProcessing
            self.dropAfterProcessing = dropAfterProcessing
            self.retryAfterSeconds = retryAfterSeconds
            self.seed = seed
        }

        /// `total` spread evenly over the four kinds, e.g. `0.3` → 7.5 % of each.
        public static func everyKind(total: Double, retryAfterSeconds: Int = 1, seed: UInt64? = nil) -> FaultInjection {
            let each = total / Double(Kind.allCases.count)
            return FaultInjection(rateLimited: each, unavailable: each, dropBeforeProcessing: each,
                                  dropAfterProcessing: each, retryAfterSeconds: retryAfterSeconds, seed: seed)
        }

        /// The fraction of one kind.
        public func fraction(of kind: Kind) -> Double {
            switch kind {
            case .rateLimited: rateLimited
            case .unavailable: unavailable
            case .dropBeforeProcessing: dropBeforeProcessing
            case .dropAfterProcessing: dropAfterProcessing
            }
        }

        /// The kind drawn by a uniform number `value` in `0..<1`, or `nil` for a normal answer.
        func kind(for value: Double) -> Kind? {
            var threshold = 0.0
            for kind in Kind.allCases {
                threshold += min(max(fraction(of: kind), 0), 1)
                if value < threshold { return kind }
            }
            return nil
        }
    }
}
