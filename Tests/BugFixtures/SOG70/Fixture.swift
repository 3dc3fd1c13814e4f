// The generated client of ../shared/specs/bugs/swift-openapi-generator-70.yaml (build plugin output); tested by BugRegressionTests.
