// The generated client of openapi.yaml here (build plugin output); tested by FidelityTests in BugRegressionTests.
