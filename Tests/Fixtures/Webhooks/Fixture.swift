// The generated WebhookEvent of openapi.yaml here (build plugin output); tested by WebhookDispatchTests in
// BugRegressionTests.
