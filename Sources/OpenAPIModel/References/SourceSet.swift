import BindgenDiagnostics
import Foundation
public import YAMLSource

/// The files of one document: the root and every file reached through `$ref`, each read once.
public final class SourceSet {
    public let rootFile: String
    private var trees: [String: YAMLNode] = [:]
    private var failures: [String: YAMLError] = [:]
    /// Whether `$ref`s may name other files (the fuzzer turns this off so inputs cannot make it read the disk).
    public var allowsExternalFiles = true

    /// - Parameters:
    ///   - rootFile: the root document's path (relative or absolute); diagnostics print it as given.
    ///   - rootTree: its parsed tree.
    public init(rootFile: String, rootTree: YAMLNode) {
        let normalized = Self.normalize(rootFile)
        self.rootFile = normalized
        trees[normalized] = rootTree
    }

    /// The tree of `file`, reading it on first use. Throws the reader's error (file:line:column).
    public func tree(of file: String) throws(YAMLError) -> YAMLNode {
        if let tree = trees[file] { return tree }
        if let failure = failures[file] { throw failure }
        guard allowsExternalFiles else {
            throw YAMLError(location: SourceLocation(file: file, line: 1, column: 1), message: "references to other files are disabled")
        }
        do {
            let tree = try YAMLReader.read(contentsOf: file)
            trees[file] = tree
            return tree
        } catch {
            failures[file] = error
            throw error
        }
    }

    /// The node at `address`, or `nil` with the first token that did not match.
    public func node(at address: NodeAddress) throws(YAMLError) -> (node: YAMLNode?, missing: String?) {
        var node = try tree(of: address.file)
        for token in address.tokens {
            if let entries = node.entries {
                guard let next = entries.first(where: { $0.key.scalar == token }) else { return (nil, token) }
                node = next.value
            } else if let items = node.sequence {
                guard let index = Int(token), index >= 0, index < items.count else { return (nil, token) }
                node = items[index]
            } else {
                return (nil, token)
            }
        }
        return (node, nil)
    }

    /// Resolves a `$ref` string written in `referringFile` into an address.
    /// `#/a/b` stays in the same file; `other.yaml#/a` and `other.yaml` are relative to the referring file's folder.
    public func address(ofReference reference: String, from referringFile: String) -> NodeAddress? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = parts.first.map(String.init) ?? ""
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        guard let tokens = JSONPointer.tokens(fragment) else { return nil }
        if filePart.isEmpty {
            return NodeAddress(file: referringFile, tokens: tokens)
        }
        if filePart.contains("://") { return nil }
        let base = (referringFile as NSString).deletingLastPathComponent
        let joined = filePart.hasPrefix("/") ? filePart : (base.isEmpty ? filePart : base + "/" + filePart)
        return NodeAddress(file: Self.normalize(joined), tokens: tokens)
    }

    /// Removes `.` and `a/..` segments without touching the file system, so equal files get equal keys.
    static func normalize(_ path: String) -> String {
        var out: [Substring] = []
        let absolute = path.hasPrefix("/")
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == "..", let last = out.last, last != ".." {
                out.removeLast()
                continue
            }
            out.append(segment)
        }
        return (absolute ? "/" : "") + out.joined(separator: "/")
    }
}
