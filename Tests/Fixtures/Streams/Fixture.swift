// The generated client of openapi.yaml here (build plugin output); tested by StreamingClientTests in BindgenAsyncHTTPClientTests.
