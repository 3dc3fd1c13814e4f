import Foundation

extension SandboxStore {
    func createEnvelope(_ caller: Caller, draft: EnvelopeDraft) throws -> EnvelopeRecord {
        try checkDocuments(draft.documentIDs, of: caller)
        let now = Date()
        var envelope = EnvelopeRecord(
            id: IdentifierGenerator.make(.envelope), accountID: caller.accountID, subject: draft.subject,
            message: draft.message, documentIDs: draft.documentIDs, recipients: draft.recipients.map(Self.recipient),
            metadata: draft.metadata, createdAt: now, updatedAt: now, expiresAt: draft.expiresAt
        )
        log(.created, on: &envelope, by: caller, detail: "Subject \"\(draft.subject)\", \(draft.documentIDs.count) document(s), \(draft.recipients.count) recipient(s).")
        envelopes.insert(envelope)
        publishEnvelopeChange(envelope, from: nil)
        return envelope
    }

    func listEnvelopes(_ caller: Caller, status: EnvelopeStatus?, page: PageRequest) throws -> Page<EnvelopeRecord> {
        expireEnvelopes(of: caller.accountID)
        let all = envelopes.newestFirst.filter { $0.accountID == caller.accountID }
        return try Page.slice(all, id: \.id, request: page) { status == nil || $0.status == status }
    }

    func envelope(_ caller: Caller, id: String) throws -> EnvelopeRecord {
        guard let envelope = envelopes[id], envelope.accountID == caller.accountID else {
            throw Problem.notFound("No envelope \(id) in this account.")
        }
        return expireIfDue(envelope)
    }

    func updateEnvelope(_ caller: Caller, id: String, patch: EnvelopePatch) throws -> EnvelopeRecord {
        var envelope = try envelope(caller, id: id)
        guard envelope.status == .draft else {
            throw Problem.invalidState("Envelope \(id) is \(envelope.status.rawValue); only a DRAFT can be updated.")
        }
        if let documentIDs = patch.documentIDs { try checkDocuments(documentIDs, of: caller) }
        var changed: [String] = []
        if let subject = patch.subject { envelope.subject = subject; changed.append("subject") }
        if let message = patch.message { envelope.message = message; changed.append("message") }
        if let documentIDs = patch.documentIDs { envelope.documentIDs = documentIDs; changed.append("documentIds") }
        if let recipients = patch.recipients { envelope.recipients = recipients.map(Self.recipient); changed.append("recipients") }
        if let expiresAt = patch.expiresAt { envelope.expiresAt = expiresAt; changed.append("expiresAt") }
        if let metadata = patch.metadata { envelope.metadata = metadata; changed.append("metadata") }
        envelope.updatedAt = Date()
        log(.updated, on: &envelope, by: caller, detail: changed.isEmpty ? "No member changed." : "Changed: \(changed.joined(separator: ", ")).")
        envelopes[id] = envelope
        return envelope
    }

    /// Deletes a DRAFT, voids a SENT envelope, 409 otherwise.
    func deleteEnvelope(_ caller: Caller, id: String) throws {
        var envelope = try envelope(caller, id: id)
        switch envelope.status {
        case .draft:
            envelopes[id] = nil
        case .sent:
            envelope.status = .voided
            envelope.updatedAt = Date()
            log(.voided, on: &envelope, by: caller, detail: "Voided through the API; the envelope can no longer be signed.")
            envelopes[id] = envelope
            publishEnvelopeChange(envelope, from: .sent)
        case .completed, .declined, .expired, .voided:
            throw Problem.invalidState("Envelope \(id) is \(envelope.status.rawValue); only a DRAFT or SENT envelope can be deleted or voided.")
        }
    }

    /// DRAFT → SENT: signers and approvers get a sign URL; the lowest routing order and every cc
    /// or viewer recipient are notified.
    func sendEnvelope(_ caller: Caller, id: String) throws -> EnvelopeRecord {
        var envelope = try envelope(caller, id: id)
        guard envelope.status == .draft else {
            throw Problem.invalidState("Envelope \(id) is \(envelope.status.rawValue); only a DRAFT can be sent.")
        }
        var errors: [FieldError] = []
        if !envelope.recipients.contains(where: \.role.acts) {
            errors.append(FieldError(path: FieldPath.root.appending("recipients"), message: "An envelope needs at least one SIGNER or APPROVER to be sent.", code: "no_signer"))
        }
        for (index, documentID) in envelope.documentIDs.enumerated() where documents[documentID]?.accountID != caller.accountID {
            errors.append(FieldError(path: FieldPath.root.appending("documentIds").appending(index), message: "Document \(documentID) was deleted.", code: "unknown_document"))
        }
        let now = Date()
        if let expiresAt = envelope.expiresAt, expiresAt <= now {
            errors.append(FieldError(path: FieldPath.root.appending("expiresAt"), message: "expiresAt is in the past.", code: "in_the_past"))
        }
        if !errors.isEmpty { throw Problem.validation(errors, detail: "Envelope \(id) cannot be sent yet.") }

        envelope.status = .sent
        envelope.sentAt = now
        envelope.updatedAt = now
        envelope.expiresAt = envelope.expiresAt ?? now.addingTimeInterval(30 * 24 * 60 * 60)
        for index in envelope.recipients.indices where envelope.recipients[index].role.acts {
            let token = IdentifierGenerator.hex(byteCount: 16)
            envelope.recipients[index].signToken = token
            envelope.recipients[index].signURL = "\(publicOrigin)/sign/\(token)"
            signTokens[token] = (envelope.id, envelope.recipients[index].id)
        }
        log(.sent, on: &envelope, by: caller, detail: "Sent to \(envelope.recipients.count) recipient(s).")
        for index in envelope.recipients.indices where !envelope.recipients[index].role.acts {
            notify(index, on: &envelope, at: now)
        }
        advanceRouting(&envelope, at: now)
        envelopes[id] = envelope
        publishEnvelopeChange(envelope, from: .draft)
        return envelope
    }

    /// The envelope and its documents for the audit trail (any state).
    func auditTrail(_ caller: Caller, id: String) throws -> (EnvelopeRecord, [String: DocumentRecord]) {
        let envelope = try envelope(caller, id: id)
        return (envelope, documentsByID(of: envelope))
    }

    /// The envelope and its documents for the signed document (COMPLETED only, 409 before).
    func signedDocument(_ caller: Caller, id: String) throws -> (EnvelopeRecord, [String: DocumentRecord]) {
        let envelope = try envelope(caller, id: id)
        guard envelope.status == .completed else {
            throw Problem.invalidState("Envelope \(id) is \(envelope.status.rawValue); the signed document exists once it is COMPLETED.")
        }
        return (envelope, documentsByID(of: envelope))
    }

    // MARK: State helpers

    /// Moves every SENT envelope of the account whose `expiresAt` has passed to EXPIRED.
    func expireEnvelopes(of accountID: Int) {
        for envelope in envelopes.all where envelope.accountID == accountID && envelope.status == .sent {
            _ = expireIfDue(envelope)
        }
    }

    /// Applies a passed `expiresAt` to a SENT envelope (expiry is checked lazily, at read time).
    func expireIfDue(_ envelope: EnvelopeRecord) -> EnvelopeRecord {
        guard envelope.status == .sent, let expiresAt = envelope.expiresAt, expiresAt <= Date() else { return envelope }
        var expired = envelope
        expired.status = .expired
        expired.updatedAt = expiresAt
        expired.events.append(AuditEvent(kind: .expired, at: expiresAt, actorName: "Certyneo Sandbox", actorEmail: "system@sandbox.certyneo.test", detail: "Not every signer had signed by the expiry date."))
        envelopes[expired.id] = expired
        return expired
    }

    /// Notifies the signers and approvers of the lowest unsigned routing order, or completes the
    /// envelope when every one of them has signed.
    func advanceRouting(_ envelope: inout EnvelopeRecord, at now: Date) {
        guard let order = envelope.nextRoutingOrder else {
            envelope.status = .completed
            envelope.completedAt = now
            envelope.updatedAt = now
            let account = accounts[envelope.accountID]
            envelope.events.append(AuditEvent(kind: .completed, at: now, actorName: "Certyneo Sandbox", actorEmail: "system@sandbox.certyneo.test", detail: "Every signer and approver has signed\(account.map { "; owner \($0.email)" } ?? "")."))
            return
        }
        for index in envelope.recipients.indices {
            let recipient = envelope.recipients[index]
            if recipient.role.acts, recipient.routingOrder == order, recipient.status == .pending {
                notify(index, on: &envelope, at: now)
            }
        }
    }

    func notify(_ index: Int, on envelope: inout EnvelopeRecord, at now: Date) {
        envelope.recipients[index].status = .notified
        let recipient = envelope.recipients[index]
        let how = recipient.role.acts ? "invited to sign (routing order \(recipient.routingOrder))" : "sent a copy (\(recipient.role.rawValue))"
        envelope.events.append(AuditEvent(kind: .notified, at: now, actorName: recipient.name, actorEmail: recipient.email, detail: "Recipient \(recipient.id) \(how)."))
    }

    func log(_ kind: AuditEvent.Kind, on envelope: inout EnvelopeRecord, by caller: Caller, detail: String) {
        let account = account(of: caller)
        envelope.events.append(AuditEvent(kind: kind, at: envelope.updatedAt, actorName: account.name, actorEmail: account.email, detail: "\(detail) API key \(caller.keyID) (\(caller.keyName))."))
    }

    static func recipient(_ draft: RecipientDraft) -> RecipientRecord {
        RecipientRecord(id: IdentifierGenerator.make(.recipient), email: draft.email, name: draft.name, role: draft.role, routingOrder: draft.routingOrder)
    }
}
