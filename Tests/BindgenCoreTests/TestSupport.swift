import BindgenCore
import Foundation
import OpenAPIModel
import Testing

/// The package root, found from this file's path (tests may run from any working directory).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Writes inline YAML (or JSON) into a fresh temporary folder and returns the file's path.
func writeDocument(_ text: String, name: String = "openapi.yaml", extraFiles: [String: String] = [:]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindgen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (file, contents) in extraFiles {
        let url = folder.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// Generates from inline YAML and returns the files by name; fails the test on diagnostics errors.
func generate(_ yaml: String, configuration: BindgenCore.Configuration = .init()) throws -> [String: String] {
    let path = try writeDocument(yaml)
    let result = try Pipeline.generate(documentPath: path, configuration: configuration)
    return Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
}

/// The diagnostics of a failing run, with the temporary folder replaced by `DIR` so texts can be compared exactly.
func diagnostics(_ yaml: String, name: String = "openapi.yaml", extraFiles: [String: String] = [:]) throws -> [String] {
    let path = try writeDocument(yaml, name: name, extraFiles: extraFiles)
    let folder = (path as NSString).deletingLastPathComponent
    do {
        let result = try Pipeline.generate(documentPath: path)
        return result.diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "DIR") }
    } catch {
        return error.diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "DIR") }
    }
}

/// Compares text with a golden file under `Tests/BindgenCoreTests/Goldens`. With `RECORD_GOLDENS=1` the file is
/// rewritten and the test fails, so a re-record never passes silently.
func assertGolden(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = packageRoot.appendingPathComponent("Tests/BindgenCoreTests/Goldens/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        try Data(actual.utf8).write(to: url)
        Issue.record("recorded \(name); run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
        return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    #expect(actual == expected, "golden \(name) differs; RECORD_GOLDENS=1 rewrites it", sourceLocation: sourceLocation)
}
