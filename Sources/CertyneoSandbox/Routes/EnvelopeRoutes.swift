/// `/envelopes`: the envelope lifecycle, its audit trail and its signed document.
struct EnvelopeRoutes: Sendable {
    let store: SandboxStore

    func register(in table: inout RouteTable) {
        table.add("GET", "/api/v1/envelopes") { request in
            let caller = try request.requireCaller()
            let page = try PageRequest(query: request.query)
            let status = try Self.statusFilter(request.query)
            let envelopes = try await store.listEnvelopes(caller, status: status, page: page)
            return .json(ListJSON(page: envelopes.map(EnvelopeJSON.init)))
        }
        table.add("POST", "/api/v1/envelopes") { request in
            let caller = try request.requireCaller()
            let draft = try EnvelopeInput.draft(from: try RouteSupport.jsonBody(request))
            return .json(EnvelopeJSON(record: try await store.createEnvelope(caller, draft: draft)), status: 201)
        }
        table.add("GET", "/api/v1/envelopes/{id}") { request in
            .json(EnvelopeJSON(record: try await store.envelope(try request.requireCaller(), id: request.parameter("id"))))
        }
        table.add("PATCH", "/api/v1/envelopes/{id}") { request in
            let caller = try request.requireCaller()
            let id = request.parameter("id")
            // A missing envelope answers 404 before the body is looked at.
            _ = try await store.envelope(caller, id: id)
            let patch = try EnvelopeInput.patch(from: try RouteSupport.jsonBody(request))
            return .json(EnvelopeJSON(record: try await store.updateEnvelope(caller, id: id, patch: patch)))
        }
        table.add("DELETE", "/api/v1/envelopes/{id}") { request in
            try await store.deleteEnvelope(try request.requireCaller(), id: request.parameter("id"))
            return .noContent()
        }
        table.add("POST", "/api/v1/envelopes/{id}/send") { request in
            .json(EnvelopeJSON(record: try await store.sendEnvelope(try request.requireCaller(), id: request.parameter("id"))))
        }
        table.add("GET", "/api/v1/envelopes/{id}/audit-trail") { request in
            let (envelope, documents) = try await store.auditTrail(try request.requireCaller(), id: request.parameter("id"))
            return .pdf(AuditTrailPDF.render(envelope, documents: documents), fileName: "audit-trail-\(envelope.id).pdf")
        }
        table.add("GET", "/api/v1/envelopes/{id}/signed-document") { request in
            let (envelope, documents) = try await store.signedDocument(try request.requireCaller(), id: request.parameter("id"))
            return .pdf(SignedDocumentPDF.render(envelope, documents: documents), fileName: "signed-\(envelope.id).pdf")
        }
    }

    /// The optional `status` query parameter; 422 unless it is an `EnvelopeStatus`.
    private static func statusFilter(_ query: QueryParameters) throws -> EnvelopeStatus? {
        guard let text = query["status"] else { return nil }
        guard let status = EnvelopeStatus(rawValue: text) else {
            throw Problem.validation(
                path: FieldPath.root.appending("status"),
                message: "status must be one of \(EnvelopeStatus.allCases.map(\.rawValue).joined(separator: ", ")).",
                code: "invalid_enum"
            )
        }
        return status
    }
}
