// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "certyneo-swift",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .library(name: "Certyneo", targets: ["Certyneo"]),
        .library(name: "BindgenRuntime", targets: ["BindgenRuntime"]),
        // For Benchmarks/YAMLScan (the libyaml floor of the generation benchmark).
        .library(name: "YAMLSource", targets: ["YAMLSource"]),
        .library(name: "OpenAPIModel", targets: ["OpenAPIModel"]),
        // The generator as a library (`Pipeline`), and the home of its documentation: the plugin, the configuration
        // file, custom templates (`swift package generate-documentation --target BindgenCore`).
        .library(name: "BindgenCore", targets: ["BindgenCore"]),
        .library(name: "BindgenAsyncHTTPClient", targets: ["BindgenAsyncHTTPClient"]),
        // For an app's tests: the sandbox in process, signers, webhooks to a stream (links Hummingbird; never the SDK).
        .library(name: "CertyneoTesting", targets: ["CertyneoTesting"]),
        .executable(name: "certyneo", targets: ["CertyneoCLI"]),
        .executable(name: "openapi-bindgen", targets: ["openapi-bindgen"]),
        .plugin(name: "OpenAPIBindgenPlugin", targets: ["OpenAPIBindgenPlugin"]),
        .plugin(name: "GenerateBindingsPlugin", targets: ["GenerateBindingsPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // `swift package generate-documentation` (DocC); a command plugin, never linked into a product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: Generator pipeline (read → model → lower → render → drive)
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"]), .yum(["libyaml-devel"])]
        ),
        // Diagnostics, their places and their printing: one type every stage reports in.
        .target(name: "BindgenDiagnostics"),
        .target(name: "YAMLSource", dependencies: ["CLibYAML", "BindgenDiagnostics"]),
        .target(name: "OpenAPIModel", dependencies: ["YAMLSource", "BindgenDiagnostics"]),
        .target(name: "BindgenIR", dependencies: ["OpenAPIModel", "BindgenDiagnostics"]),
        .target(
            name: "BindgenRender",
            dependencies: ["BindgenIR", "BindgenDiagnostics"],
            resources: [.copy("Templates")]
        ),
        .target(name: "BindgenCore", dependencies: ["BindgenDiagnostics", "YAMLSource", "OpenAPIModel", "BindgenIR", "BindgenRender"]),
        .executableTarget(
            name: "openapi-bindgen",
            dependencies: ["BindgenCore", "BindgenDiagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .plugin(name: "OpenAPIBindgenPlugin", capability: .buildTool(), dependencies: ["openapi-bindgen"]),
        .plugin(
            name: "GenerateBindingsPlugin",
            capability: .command(
                intent: .custom(verb: "generate-bindings", description: "Write the generated Swift sources of a target into Generated/"),
                permissions: [.writeToPackageDirectory(reason: "Writes the committed copy of the generated sources into Generated/")]
            ),
            dependencies: ["openapi-bindgen"]
        ),

        // MARK: Runtime and SDK
        .target(
            name: "BindgenRuntime",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Certyneo", dependencies: ["BindgenRuntime"], plugins: ["OpenAPIBindgenPlugin"]),
        // A second transport in its own product, so that the Certyneo product never pulls in SwiftNIO.
        .target(
            name: "BindgenAsyncHTTPClient",
            dependencies: [
                "BindgenRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "_NIOFileSystem", package: "swift-nio"),
            ]
        ),

        // MARK: Sandbox and CLI (never linked into the SDK)
        .target(
            name: "CertyneoSandbox",
            dependencies: [
                "BindgenRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(name: "CertyneoTesting", dependencies: ["Certyneo", "CertyneoSandbox", "BindgenRuntime"]),
        .executableTarget(
            name: "CertyneoCLI",
            dependencies: [
                "Certyneo", "CertyneoSandbox", "BindgenRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources")]
        ),

        // MARK: Tests
        // 700 operations (Tests/Fixtures/make-large-endpoint.py): switches over Endpoint beyond the compiler's
        // exhaustiveness budget, path parameters that are a oneOf of scalars.
        .target(name: "FixtureLargeEndpoint", dependencies: ["BindgenRuntime"], path: "Tests/Fixtures/LargeEndpoint", plugins: ["OpenAPIBindgenPlugin"]),
        // Success responses: optional bodies, a body type per status, declared response headers.
        .target(name: "FixtureResponses", dependencies: ["BindgenRuntime"], path: "Tests/Fixtures/Responses", plugins: ["OpenAPIBindgenPlugin"]),
        // Schema shapes that must decode and round-trip (issue 12): nullability at the use site, allOf of a scalar,
        // discriminators without mapping, unions without discriminator, non-identifier member names.
        .target(name: "FixtureFidelity", dependencies: ["BindgenRuntime"], path: "Tests/Fixtures/Fidelity", plugins: ["OpenAPIBindgenPlugin"]),
        // Request bodies: a oneOf form body, dynamic multipart part names, several media types per operation.
        .target(name: "FixtureRequestBodies", dependencies: ["BindgenRuntime"], path: "Tests/Fixtures/RequestBodies", plugins: ["OpenAPIBindgenPlugin"]),
        // Webhooks whose key is not the payload's type value, and a payload without a `type` member.
        .target(name: "FixtureWebhooks", dependencies: ["BindgenRuntime"], path: "Tests/Fixtures/Webhooks", plugins: ["OpenAPIBindgenPlugin"]),
        // Streamed success bodies (issue 15): server-sent events typed by 3.2 itemSchema and by schema, JSON Lines,
        // JSON text sequences, binary chunks; and apple-sog-event-streams.yaml, whose streams have no schema.
        .target(name: "FixtureStreams", dependencies: ["BindgenRuntime"], path: "Tests/Fixtures/Streams", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "FixtureEventStreams", dependencies: ["BindgenRuntime"], path: "Tests/Fixtures/EventStreams", plugins: ["OpenAPIBindgenPlugin"]),
        .testTarget(name: "BugRegressionTests", dependencies: [
            "BindgenRuntime", .product(name: "HTTPTypes", package: "swift-http-types"), "FixtureLargeEndpoint", "FixtureResponses", "FixtureFidelity", "FixtureRequestBodies", "FixtureWebhooks",
        ]),
        // The Swift blocks of the README and of the DocC articles, compiled; the quickstart, the webhook server and the
        // articles' tests run against the sandbox.
        .testTarget(name: "SnippetTests", dependencies: [
            "Certyneo", "CertyneoSandbox", "CertyneoTesting", "FixtureRequestBodies", "TestSupport",
            .product(name: "Logging", package: "swift-log"), .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "BindgenDiagnosticsTests", dependencies: ["BindgenDiagnostics"]),
        .testTarget(name: "YAMLSourceTests", dependencies: ["BindgenDiagnostics", "YAMLSource"]),
        // The template engine against swift-mustache (its reference: random templates rendered by both must agree).
        .testTarget(name: "OpenAPIModelTests", dependencies: ["BindgenDiagnostics", "OpenAPIModel"]),
        .testTarget(name: "BindgenIRTests", dependencies: ["BindgenDiagnostics", "BindgenIR", "OpenAPIModel", "YAMLSource"]),
        .testTarget(name: "BindgenRenderTests", dependencies: ["BindgenDiagnostics", "BindgenRender", "BindgenIR", "OpenAPIModel", "YAMLSource", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "BindgenCoreTests", dependencies: ["BindgenDiagnostics", "BindgenCore", "BindgenIR", "BindgenRender", "OpenAPIModel", "YAMLSource"], exclude: ["Goldens"]),
        // Helpers shared by test targets (a log capture); not a product.
        .target(name: "TestSupport", dependencies: [.product(name: "Logging", package: "swift-log")], path: "Tests/TestSupport"),
        .testTarget(name: "BindgenRuntimeTests", dependencies: ["BindgenRuntime", "TestSupport", .product(name: "HTTPTypes", package: "swift-http-types")]),
        .testTarget(name: "CertyneoSandboxTests", dependencies: ["CertyneoSandbox", "BindgenRuntime"]),
        .testTarget(name: "CertyneoTests", dependencies: ["Certyneo", "CertyneoSandbox", "CertyneoTesting", "BindgenRuntime"]),
        .testTarget(
            name: "BindgenAsyncHTTPClientTests",
            dependencies: [
                "BindgenAsyncHTTPClient", "BindgenRuntime", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"), "TestSupport", "FixtureStreams", "FixtureEventStreams",
            ]
        ),
        .testTarget(name: "CertyneoCLITests", dependencies: ["CertyneoCLI", "Certyneo", "CertyneoSandbox", "BindgenRuntime", "TestSupport"]),
    ]
)

// MARK: Generated clients of ../shared/specs/bugs (regression fixtures for the generator)
// Their documents are the shared corpus's, linked from ../shared beside the repository (as in CI). A clone without
// it leaves these targets out, so every other build, test and command still works; their tests are then skipped
// (`#if canImport` in BugRegressionTests.swift).
let bugFixtures = ["BugOG15240", "BugOG925", "BugSOG21", "BugSOG286", "BugSOG34", "BugSOG563", "BugSOG70", "BugSOG832"]
let sharedBugs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../shared/specs/bugs").path
if FileManager.default.fileExists(atPath: sharedBugs) {
    package.targets += [
        .target(name: "BugOG15240", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/OG15240", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "BugOG925", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/OG925", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "BugSOG21", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/SOG21", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "BugSOG286", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/SOG286", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "BugSOG34", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/SOG34", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "BugSOG563", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/SOG563", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "BugSOG70", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/SOG70", plugins: ["OpenAPIBindgenPlugin"]),
        .target(name: "BugSOG832", dependencies: ["BindgenRuntime"], path: "Tests/BugFixtures/SOG832", plugins: ["OpenAPIBindgenPlugin"]),
    ]
    package.targets.first { $0.name == "BugRegressionTests" }?.dependencies += bugFixtures.map { .target(name: $0) }
}
