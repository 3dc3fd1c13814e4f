/// libFuzzer entry point: any bytes go through the YAML reader and, when they parse, through the document model
/// (version check, paths, parameters, schemas, `$ref` resolution inside the input). A crash, a hang or a sanitizer
/// report is a bug; diagnostics are the expected outcome for garbage.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let tree = try? YAMLReader.read(bytes, file: "fuzz.yaml") else { return 0 }
    let sources = SourceSet(rootFile: "fuzz.yaml", rootTree: tree)
    sources.allowsExternalFiles = false
    let diagnostics = DiagnosticCollector()
    _ = try? DocumentParser(sources: sources, diagnostics: diagnostics).parse()
    for diagnostic in diagnostics.diagnostics {
        _ = diagnostic.description
    }
    return 0
}
