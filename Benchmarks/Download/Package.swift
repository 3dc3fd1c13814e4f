// swift-tools-version: 6.0
// Resident memory while the Certyneo SDK downloads a large signed document: to a file
// (`getSignedDocument(id:to:)`) beside the baseline of reading it into `Data` (`getSignedDocument(id:)`), over both
// transports, against `certyneo sandbox` in another process. Run: `bash Benchmarks/Download/run.sh [MiB]`.
import PackageDescription

let package = Package(
    name: "download-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "certyneo-swift", path: "../..")],
    targets: [
        .executableTarget(
            name: "download-bench",
            dependencies: [
                .product(name: "Certyneo", package: "certyneo-swift"),
                .product(name: "BindgenAsyncHTTPClient", package: "certyneo-swift"),
            ]
        )
    ]
)
