// The generated client of ../shared/specs/bugs/openapi-generator-925.yaml (build plugin output); tested by BugRegressionTests.
