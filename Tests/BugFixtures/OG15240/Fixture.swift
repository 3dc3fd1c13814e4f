// The generated client of ../shared/specs/bugs/openapi-generator-15240.yaml (build plugin output); tested by BugRegressionTests.
