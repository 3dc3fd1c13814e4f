/// `/webhooks` and `/keys`: the account's endpoints and secrets.
struct AccountRoutes: Sendable {
    let store: SandboxStore

    func register(in table: inout RouteTable) {
        table.add("GET", "/api/v1/webhooks") { request in
            let page = try await store.listWebhooks(try request.requireCaller(), page: PageRequest(query: request.query))
            return .json(ListJSON(page: page.map { WebhookJSON(record: $0) }))
        }
        table.add("POST", "/api/v1/webhooks") { request in
            let caller = try request.requireCaller()
            let draft = try WebhookDraft(body: try RouteSupport.jsonBody(request))
            return .json(WebhookJSON(record: await store.createWebhook(caller, draft: draft), includeSecret: true), status: 201)
        }
        table.add("DELETE", "/api/v1/webhooks/{id}") { request in
            try await store.deleteWebhook(try request.requireCaller(), id: request.parameter("id"))
            return .noContent()
        }
        table.add("GET", "/api/v1/keys") { request in
            let page = try await store.listKeys(try request.requireCaller(), page: PageRequest(query: request.query))
            return .json(ListJSON(page: page.map { APIKeyJSON(record: $0) }))
        }
        table.add("POST", "/api/v1/keys") { request in
            let caller = try request.requireCaller()
            let draft = try APIKeyDraft(body: try RouteSupport.jsonBody(request))
            return .json(APIKeyJSON(record: await store.createKey(caller, draft: draft), includeSecret: true), status: 201)
        }
        table.add("DELETE", "/api/v1/keys/{id}") { request in
            try await store.revokeKey(try request.requireCaller(), id: request.parameter("id"))
            return .noContent()
        }
    }
}
