// The generated client of openapi.yaml here (build plugin output): 700 operations, written by
// ../make-large-endpoint.py; tested by LargeEndpointTests in BugRegressionTests.
