// The generated client of ../shared/specs/apple-sog-event-streams.yaml (build plugin output); tested by StreamingClientTests in BindgenAsyncHTTPClientTests.
