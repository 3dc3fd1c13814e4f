import BindgenDiagnostics
import Foundation
import Testing
import YAMLSource

/// Helpers shared by the YAMLSource test suites.

/// Parses `text` as the file `test.yaml`.
func parse(_ text: String, file: String = "test.yaml") throws(YAMLError) -> YAMLNode {
    try YAMLReader.read(Array(text.utf8), file: file)
}

/// The error reading `text` produces, or `nil` (recorded as a test failure) if it parses.
func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YAMLError? {
    parseError(bytes: Array(text.utf8), sourceLocation: sourceLocation)
}

/// The error reading `bytes` produces, or `nil` (recorded as a test failure) if they parse.
func parseError(bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YAMLError? {
    do {
        _ = try YAMLReader.read(bytes, file: "test.yaml")
        Issue.record("expected a YAMLError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

extension YAMLNode {
    /// `line:column` of the node, for compact assertions.
    var at: String { "\(location.line):\(location.column)" }

    /// The keys of a mapping as text, in order (non-scalar keys as "?").
    var keys: [String] { (entries ?? []).map { $0.key.scalar ?? "?" } }
}

extension YAMLError {
    /// `line:column` of the error, for compact assertions.
    var at: String { "\(location.line):\(location.column)" }
}

/// A JSON value, used to compare what Foundation wrote with what the reader read.
indirect enum JSONValue: Equatable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// Interprets a node with JSON semantics: quoted scalars are strings, plain
    /// scalars are null, booleans or numbers. Returns `nil` for anything else.
    init?(_ node: YAMLNode) {
        switch node.kind {
        case .scalar(let text, let style):
            if style != .plain {
                self = .string(text)
            } else if node.isNull {
                self = .null
            } else if let bool = node.boolValue {
                self = .bool(bool)
            } else if let number = node.doubleValue {
                self = .number(number)
            } else {
                return nil
            }
        case .sequence(let items):
            var values: [JSONValue] = []
            for item in items {
                guard let value = JSONValue(item) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case .mapping(let entries):
            var members: [String: JSONValue] = [:]
            for entry in entries {
                guard let key = entry.key.scalar, let value = JSONValue(entry.value) else { return nil }
                members[key] = value
            }
            self = .object(members)
        }
    }

    /// The Foundation object graph `JSONSerialization` expects.
    var foundationObject: Any {
        switch self {
        case .string(let text): return text
        case .number(let number): return number
        case .bool(let bool): return bool
        case .null: return NSNull()
        case .array(let items): return items.map(\.foundationObject)
        case .object(let members): return members.mapValues(\.foundationObject)
        }
    }

    var description: String {
        switch self {
        case .string(let text): return text.debugDescription
        case .number(let number): return "\(number)"
        case .bool(let bool): return "\(bool)"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription): \($0.value)" }
                .joined(separator: ", ") + "}"
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so property
/// tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Counts the nodes reachable from `root` (shared alias targets once per
/// reference) and the maximum depth, without recursion.
func measure(_ root: YAMLNode) -> (nodes: Int, depth: Int) {
    var nodes = 0
    var depth = 0
    var pending: [(YAMLNode, Int)] = [(root, 1)]
    while let (node, level) = pending.popLast() {
        nodes += 1
        depth = max(depth, level)
        switch node.kind {
        case .scalar: break
        case .sequence(let items): pending.append(contentsOf: items.map { ($0, level + 1) })
        case .mapping(let entries):
            for entry in entries {
                pending.append((entry.key, level + 1))
                pending.append((entry.value, level + 1))
            }
        }
    }
    return (nodes, depth)
}
