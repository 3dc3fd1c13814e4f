// swift-tools-version: 6.0
// The floor of the generation benchmark: libyaml's bare event scan of a document, through
// `YAMLReader.countEvents` of this repository's YAMLSource library (no tree is built).
import PackageDescription

let package = Package(
    name: "yaml-scan",
    dependencies: [.package(name: "certyneo-swift", path: "../..")],
    targets: [
        .executableTarget(
            name: "yaml-scan",
            dependencies: [.product(name: "YAMLSource", package: "certyneo-swift")]
        )
    ]
)
