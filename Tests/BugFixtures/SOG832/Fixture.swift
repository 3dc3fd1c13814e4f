// The generated client of ../shared/specs/bugs/swift-openapi-generator-832.yaml (build plugin output); tested by BugRegressionTests.
