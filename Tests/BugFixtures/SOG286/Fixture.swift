// The generated client of ../shared/specs/bugs/swift-openapi-generator-286.yaml (build plugin output); tested by BugRegressionTests.
