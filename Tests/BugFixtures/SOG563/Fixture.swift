// The generated client of ../shared/specs/bugs/swift-openapi-generator-563.yaml (build plugin output); tested by BugRegressionTests.
