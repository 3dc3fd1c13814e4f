import BindgenDiagnostics
import OpenAPIModel

/// The method names `names.operations` chooses, worked out before any operation is named: an input of the
/// operation lowering, like `names.schemas` is of ``TypeNamer``.
///
/// A key is an `operationId` (or the one derived from method and path) or the method name the operation would get
/// without configuration. Entries apply in order, each to the name the operation has by then, so a name one entry
/// frees another may take. A key that names nothing, a value that is not a usable method name, or a name another
/// operation has is an error at the entry, and the entry is left out. A renamed operation leaves its generated name
/// to the next operation that would have had it.
enum OperationNamer {
    /// The chosen name of each configured operation, by index into `operations`.
    static func chosenNames(_ entries: [ConfiguredMapping], for operations: [Operation], diagnostics: DiagnosticCollector) -> [Int: String] {
        guard !entries.isEmpty else { return [:] }
        var plain = NameAllocator(reserved: ["runtime", "init"])
        let ids = operations.map(OperationLowering.operationID(of:))
        var current = ids.map { plain.unique(SwiftName.memberName($0)) }
        let plainNames = current
        var taken = Set(current)
        var chosen: [Int: String] = [:]
        for entry in entries {
            let key = entry.key.text
            let new = entry.value.text
            guard let index = ids.firstIndex(of: key) ?? plainNames.firstIndex(of: key) else {
                diagnostics.error("names.operations: no operation '\(key)' in the document", at: entry.key.location)
                continue
            }
            guard ModelLookup.isIdentifier(new), !["runtime", "init"].contains(new) else {
                diagnostics.error("names.operations: '\(new)' is not a usable Swift method name", at: entry.value.location)
                continue
            }
            let old = current[index]
            guard new == old || !taken.contains(new) else {
                diagnostics.error("names.operations: '\(new)' is already the name of another operation", at: entry.value.location)
                continue
            }
            taken.remove(old)
            taken.insert(new)
            current[index] = new
            chosen[index] = new
        }
        return chosen
    }
}
