// swift-tools-version: 6.0
// Resolves swift-openapi-generator 1.14.3 like any dependency, so that Benchmarks/run.sh can build its
// `swift-openapi-generator` command in release into a git-ignored scratch path. Nothing of it is committed.
import PackageDescription

let package = Package(
    name: "swift-openapi-generator-host",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")],
    targets: [.target(name: "Host", path: "Host")]
)
