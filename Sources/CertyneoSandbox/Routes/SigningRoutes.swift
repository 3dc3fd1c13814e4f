/// `/sign/{token}`: the sandbox-only pages where a recipient signs or declines (not part of the
/// API; the token in the `signUrl` is the credential).
struct SigningRoutes: Sendable {
    let store: SandboxStore

    func register(in table: inout RouteTable) {
        table.add("GET", "/sign/{token}", access: .signToken) { request in
            let (envelope, recipient) = try await store.signingSession(token: request.parameter("token"), recordView: true)
            let documents = await store.documentsByID(of: envelope)
            return .html(SigningPage(envelope: envelope, recipient: recipient, documents: documents, token: request.parameter("token")).html)
        }
        table.add("POST", "/sign/{token}/sign", access: .signToken) { request in
            .json(EnvelopeJSON(record: try await store.sign(token: request.parameter("token"))))
        }
        table.add("POST", "/sign/{token}/decline", access: .signToken) { request in
            let token = request.parameter("token")
            // An unknown token answers 404 before the body is looked at.
            _ = try await store.signingSession(token: token, recordView: false)
            let input = try DeclineInput(body: request.body, contentType: request.contentType)
            return .json(EnvelopeJSON(record: try await store.decline(token: token, reason: input.reason)))
        }
    }
}
