public import BindgenDiagnostics
import YAMLSource

/// Constructs that break the specification but whose meaning is clear: the generator keeps generating what the
/// author meant and reports each kind once per document, at its first place, with the number of other places.
///
/// `a.yaml:12:9: warning: duplicate entry 'id' in 'required' of #/components/schemas/Pet; listed once (3 more places like it)`
public struct ToleratedTally: Sendable {
    private struct Entry: Sendable {
        var message: String
        var location: SourceLocation?
        var others: Int
    }

    private var kinds: [String] = []
    private var entries: [String: Entry] = [:]

    public init() {}

    /// Records one place of `kind`; the first place's `message` is the one printed.
    public mutating func record(_ kind: String, _ message: @autoclosure () -> String, at location: SourceLocation?) {
        if entries[kind] != nil {
            entries[kind]?.others += 1
            return
        }
        kinds.append(kind)
        entries[kind] = Entry(message: message(), location: location, others: 0)
    }

    /// One warning per kind, in the order the kinds were first seen.
    public func flush(into diagnostics: DiagnosticCollector) {
        for kind in kinds {
            guard let entry = entries[kind] else { continue }
            let more = entry.others == 0 ? "" : " (\(entry.others) more \(entry.others == 1 ? "place" : "places") like it)"
            diagnostics.warning(entry.message + more, at: entry.location)
        }
    }
}
