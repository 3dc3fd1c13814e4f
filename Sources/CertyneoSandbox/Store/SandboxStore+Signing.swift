import Foundation

/// The signer's side: a sign token (from a `signUrl`) opens, signs or declines.
extension SandboxStore {
    /// The envelope and recipient behind `token`; records a view when `recordView` is set.
    func signingSession(token: String, recordView: Bool) throws -> (EnvelopeRecord, RecipientRecord) {
        let (envelope, index) = try locate(token)
        var current = envelope
        let recipient = current.recipients[index]
        if recordView, current.status == .sent {
            current.events.append(AuditEvent(kind: .viewed, at: Date(), actorName: recipient.name, actorEmail: recipient.email, detail: "Signing page opened by recipient \(recipient.id)."))
            envelopes[current.id] = current
        }
        return (current, recipient)
    }

    func sign(token: String) throws -> EnvelopeRecord {
        var (envelope, index) = try locate(token)
        try checkCanAct(envelope, index)
        let now = Date()
        envelope.recipients[index].status = .signed
        envelope.recipients[index].signedAt = now
        envelope.updatedAt = now
        let recipient = envelope.recipients[index]
        envelope.events.append(AuditEvent(kind: .signed, at: now, actorName: recipient.name, actorEmail: recipient.email, detail: "Recipient \(recipient.id) signed as \(recipient.role.rawValue) (routing order \(recipient.routingOrder))."))
        advanceRouting(&envelope, at: now)
        envelopes[envelope.id] = envelope
        publishEnvelopeChange(envelope, from: .sent)
        return envelope
    }

    func decline(token: String, reason: String?) throws -> EnvelopeRecord {
        var (envelope, index) = try locate(token)
        try checkCanAct(envelope, index)
        let now = Date()
        envelope.recipients[index].status = .declined
        envelope.recipients[index].declinedAt = now
        envelope.recipients[index].declineReason = reason
        envelope.status = .declined
        envelope.updatedAt = now
        let recipient = envelope.recipients[index]
        let because = reason.map { " Reason: \($0)" } ?? ""
        envelope.events.append(AuditEvent(kind: .declined, at: now, actorName: recipient.name, actorEmail: recipient.email, detail: "Recipient \(recipient.id) declined to sign.\(because)"))
        envelopes[envelope.id] = envelope
        publishEnvelopeChange(envelope, from: .sent)
        return envelope
    }

    private func locate(_ token: String) throws -> (EnvelopeRecord, Int) {
        guard let target = signTokens[token], let stored = envelopes[target.envelopeID] else {
            throw Problem.notFound("No signing session for this link.")
        }
        let envelope = expireIfDue(stored)
        guard let index = envelope.recipients.firstIndex(where: { $0.id == target.recipientID }) else {
            throw Problem.notFound("No signing session for this link.")
        }
        return (envelope, index)
    }

    private func checkCanAct(_ envelope: EnvelopeRecord, _ index: Int) throws {
        guard envelope.status == .sent else {
            throw Problem.invalidState("Envelope \(envelope.id) is \(envelope.status.rawValue); it can no longer be signed or declined.")
        }
        let recipient = envelope.recipients[index]
        switch recipient.status {
        case .notified:
            return
        case .pending:
            throw Problem.invalidState(
                "Recipient \(recipient.id) signs at routing order \(recipient.routingOrder), after every lower order has signed.",
                code: "out_of_order"
            )
        case .signed:
            throw Problem.invalidState("Recipient \(recipient.id) has already signed.", code: "already_signed")
        case .declined:
            throw Problem.invalidState("Recipient \(recipient.id) has already declined.", code: "already_declined")
        }
    }
}
