/// The problems the sandbox answers, one factory per kind.
extension Problem {
    static func unauthorized(_ detail: String) -> Problem {
        Problem(status: 401, code: "unauthorized", title: "Unauthorized", detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: 404, code: "not_found", title: "Not found", detail: detail)
    }

    static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> Problem {
        Problem(
            status: 405, code: "method_not_allowed", title: "Method not allowed",
            detail: "\(method) is not supported on \(path); use \(allowed.joined(separator: ", ")).",
            headers: [("Allow", allowed.joined(separator: ", "))]
        )
    }

    static func invalidState(_ detail: String, code: String = "invalid_state") -> Problem {
        Problem(status: 409, code: code, title: "Conflict with the resource's state", detail: detail)
    }

    static func payloadTooLarge(limit: Int) -> Problem {
        Problem(
            status: 413, code: "payload_too_large", title: "Payload too large",
            detail: "The request body exceeds the limit of \(limit) bytes."
        )
    }

    static func unsupportedMediaType(_ detail: String) -> Problem {
        Problem(status: 415, code: "unsupported_media_type", title: "Unsupported media type", detail: detail)
    }

    static func validation(_ errors: [FieldError], detail: String? = nil) -> Problem {
        let summary = errors.count == 1 ? "1 member is invalid." : "\(errors.count) members are invalid."
        return Problem(
            status: 422, code: "validation_failed", title: "Validation failed",
            detail: detail ?? "The request is well-formed but invalid: \(summary)", errors: errors
        )
    }

    static func validation(path: FieldPath, message: String, code: String) -> Problem {
        validation([FieldError(path: path, message: message, code: code)])
    }

    static func idempotencyKeyReused() -> Problem {
        Problem(
            status: 422, code: "idempotency_key_reused", title: "Idempotency key reused",
            detail: "This Idempotency-Key was already used with a different request; use a new key."
        )
    }

    static func rateLimited(retryAfter: Int) -> Problem {
        Problem(
            status: 429, code: "rate_limited", title: "Too many requests",
            detail: "The key's rate limit is exhausted; retry in \(retryAfter) s.",
            headers: [("Retry-After", String(retryAfter))]
        )
    }

    static func internalError(_ detail: String) -> Problem {
        Problem(status: 500, code: "internal_error", title: "Internal error", detail: detail)
    }
}
