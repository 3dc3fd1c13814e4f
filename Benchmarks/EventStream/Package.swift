// swift-tools-version: 6.0
// Server-sent events parsing throughput of BindgenRuntime's ServerSentEventParser, beside a baseline that reads the
// same bytes (counts line feeds) in the same chunks. Run in release: `bash Benchmarks/EventStream/run.sh`.
import PackageDescription

let package = Package(
    name: "event-stream-bench",
    dependencies: [.package(name: "certyneo-swift", path: "../..")],
    targets: [
        .executableTarget(
            name: "event-stream-bench",
            dependencies: [.product(name: "BindgenRuntime", package: "certyneo-swift")]
        )
    ]
)
