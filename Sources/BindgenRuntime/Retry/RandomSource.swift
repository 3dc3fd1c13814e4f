/// Where ``APIClient`` draws the random numbers of its retry jitter from.
///
/// Inject ``constant(_:)`` in tests to make backoff delays exact.
public struct RandomSource: Sendable {
    private let draw: @Sendable () -> Double

    /// A source from a function returning numbers in `0..<1`; values outside are clamped.
    public init(_ draw: @escaping @Sendable () -> Double) {
        self.draw = draw
    }

    /// The next number, in `0...1`.
    public func next() -> Double {
        min(max(draw(), 0), 1)
    }

    /// Uniform numbers from the system's random number generator.
    public static let system = RandomSource { Double.random(in: 0..<1) }

    /// Always `value`: `0` gives full backoff delays, `1` the shortest that ``RetryPolicy/jitter``
    /// allows.
    public static func constant(_ value: Double) -> RandomSource {
        RandomSource { value }
    }
}
