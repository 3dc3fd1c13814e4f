// swift-tools-version: 6.0
// What one Mustache tag costs in swift-mustache, the renderer behind our templates: renders a model-shaped
// context (2,000 structs of 20 members) through template variants that differ only in their tags, and with the
// context held as dictionaries, final classes or structs. Run:
//   swift run -c release --package-path Benchmarks/MustacheTagCost
import PackageDescription

let package = Package(
    name: "mustache-tag-cost",
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0")],
    targets: [
        .executableTarget(name: "mustache-tag-cost", dependencies: [.product(name: "Mustache", package: "swift-mustache")])
    ]
)
