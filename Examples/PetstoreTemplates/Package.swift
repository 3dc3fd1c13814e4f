// swift-tools-version: 6.0
import PackageDescription

// The generator package, two folders up. Its identity is the name of its folder (`certyneo-swift` in a usual
// clone), so it is read from the path rather than written down.
let generatorPath = "../.."
let generatorPackage = String(Context.packageDirectory.split(separator: "/").dropLast(2).last ?? "certyneo-swift")

let package = Package(
    name: "PetstoreTemplates",
    platforms: [.macOS(.v13), .iOS(.v16)],
    dependencies: [
        .package(path: generatorPath),
    ],
    targets: [
        // The generated client: openapi.yaml + openapi-bindgen.yaml + Templates/ → Swift, at build time.
        .target(
            name: "PetstoreAPI",
            dependencies: [.product(name: "BindgenRuntime", package: generatorPackage)],
            exclude: ["Templates"],
            plugins: [.plugin(name: "OpenAPIBindgenPlugin", package: generatorPackage)]
        ),
        .executableTarget(name: "petstore-demo", dependencies: ["PetstoreAPI"], path: "Sources/PetstoreDemo"),
    ]
)
