/// Accumulates the entries of one mapping while its events arrive: pairs keys
/// with values, rejects duplicate keys and expands merge keys (`<<`).
///
/// Nodes arrive alternately as key and value, exactly as libyaml emits them
/// (a key without a value is followed by an empty plain scalar).
struct MappingBuilder {
    /// A `<<` entry: the mappings to merge and where the `<<` key stood.
    private struct Merge {
        /// The number of explicit entries before the `<<` key.
        let position: Int
        /// The mappings to merge, earlier ones taking precedence.
        let sources: [YAMLNode]
    }

    /// Mappings with at least this many entries index their keys in a dictionary;
    /// smaller ones (the vast majority) use a linear scan, which is faster.
    private static let indexThreshold = 12

    private var pendingKey: YAMLNode?
    private var entries: [YAMLNode.Entry] = []
    private var keyIndex: [String: Int]?
    private var merges: [Merge] = []

    /// Adds the next node: a key if no key is pending, otherwise its value.
    /// - Throws: ``YAMLError`` at the key for a duplicate scalar key, or at the
    ///   value when a merge key's value is not a mapping or a list of mappings.
    mutating func add(_ node: YAMLNode) throws(YAMLError) {
        guard let key = pendingKey else {
            if case .scalar(let text, _) = node.kind, !Self.isMergeKey(node), let first = firstEntry(withKey: text) {
                let previous = entries[first].key.location
                throw YAMLError(
                    location: node.location,
                    message: "duplicate key '\(text)' (first at \(previous.line):\(previous.column))")
            }
            pendingKey = node
            return
        }
        pendingKey = nil
        if Self.isMergeKey(key) {
            merges.append(Merge(position: entries.count, sources: try Self.mergeSources(node)))
            return
        }
        entries.append(YAMLNode.Entry(key: key, value: node))
        if keyIndex != nil {
            if case .scalar(let text, _) = key.kind { keyIndex?[text] = entries.count - 1 }
        } else if entries.count >= Self.indexThreshold {
            var index: [String: Int] = [:]
            index.reserveCapacity(entries.count * 2)
            for (offset, entry) in entries.enumerated() {
                if case .scalar(let text, _) = entry.key.kind, index[text] == nil { index[text] = offset }
            }
            keyIndex = index
        }
    }

    /// The finished entries: explicit entries in document order, with merged
    /// entries inserted where their `<<` key stood. Explicit keys override merged
    /// ones, and among merged mappings the earlier one wins.
    func finish() -> [YAMLNode.Entry] {
        guard !merges.isEmpty else { return entries }
        var seen = Set<String>()
        for entry in entries {
            if case .scalar(let text, _) = entry.key.kind { seen.insert(text) }
        }
        var result: [YAMLNode.Entry] = []
        result.reserveCapacity(entries.count)
        var next = 0
        for merge in merges {
            result.append(contentsOf: entries[next..<merge.position])
            next = merge.position
            for source in merge.sources {
                for entry in source.entries ?? [] {
                    if case .scalar(let text, _) = entry.key.kind, !seen.insert(text).inserted { continue }
                    result.append(entry)
                }
            }
        }
        result.append(contentsOf: entries[next...])
        return result
    }

    /// The index of the explicit entry whose scalar key is `text`, if any.
    private func firstEntry(withKey text: String) -> Int? {
        if let keyIndex { return keyIndex[text] }
        for (offset, entry) in entries.enumerated() {
            if case .scalar(let existing, _) = entry.key.kind, existing == text { return offset }
        }
        return nil
    }

    /// A merge key is a plain `<<` without tag, or any scalar tagged `!!merge`.
    private static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, let style) = node.kind else { return false }
        if node.tag == "!!merge" { return true }
        return text == "<<" && style == .plain && node.tag == nil
    }

    /// The mappings a merge key's value stands for.
    private static func mergeSources(_ value: YAMLNode) throws(YAMLError) -> [YAMLNode] {
        switch value.kind {
        case .mapping:
            return [value]
        case .sequence(let items) where items.allSatisfy({ $0.entries != nil }):
            return items
        default:
            throw YAMLError(
                location: value.location,
                message: "the value of a merge key '<<' must be a mapping or a sequence of mappings")
        }
    }
}
