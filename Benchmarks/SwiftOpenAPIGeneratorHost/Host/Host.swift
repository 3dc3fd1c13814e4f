// Empty: this package exists only to resolve and build swift-openapi-generator.
