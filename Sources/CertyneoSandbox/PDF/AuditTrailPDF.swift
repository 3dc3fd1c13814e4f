import Foundation

/// The audit trail of an envelope: its documents with their SHA-256, its recipients and every
/// event with UTC time, actor name and email.
enum AuditTrailPDF {
    static func render(_ envelope: EnvelopeRecord, documents: [String: DocumentRecord], now: Date = Date()) -> [UInt8] {
        var layout = PDFPageLayout()
        layout.title("Audit trail")
        layout.paragraph("Certyneo Sandbox - simulated eIDAS audit trail (no legal value)", size: 9)
        layout.rule()
        EnvelopeSummary.write(envelope, documents: documents, into: &layout)

        layout.heading("Recipients")
        for recipient in envelope.recipients {
            layout.field(PDFStrings.clip(recipient.name), "\(PDFStrings.clip(recipient.email)) - \(recipient.role.rawValue), order \(recipient.routingOrder), \(recipient.status.rawValue)")
        }

        layout.heading("Events (\(envelope.events.count))")
        for event in envelope.events {
            layout.space(3)
            layout.keepTogether(event.detail.isEmpty ? 28 : 42)
            layout.paragraph("\(RFC3339.format(event.at))   \(event.kind.label)", size: 9.5, font: .bold)
            layout.paragraph("\(PDFStrings.clip(event.actorName)) <\(PDFStrings.clip(event.actorEmail))>", size: 9, indent: 12)
            if !event.detail.isEmpty {
                layout.paragraph(PDFStrings.clip(event.detail, limit: 600), size: 9, indent: 12)
            }
        }
        return PDFComposer.render(
            layout, title: "Audit trail - \(envelope.id)",
            footer: "Audit trail of \(envelope.id), generated \(RFC3339.format(now)) by Certyneo Sandbox", created: now
        )
    }
}

/// The envelope and document sections shared by the audit trail and the signed document.
enum EnvelopeSummary {
    static func write(_ envelope: EnvelopeRecord, documents: [String: DocumentRecord], into layout: inout PDFPageLayout) {
        layout.heading("Envelope")
        layout.field("Envelope id", envelope.id)
        layout.field("Subject", PDFStrings.clip(envelope.subject))
        layout.field("Status", envelope.status.rawValue)
        layout.field("Created (UTC)", RFC3339.format(envelope.createdAt))
        if let sentAt = envelope.sentAt { layout.field("Sent (UTC)", RFC3339.format(sentAt)) }
        if let completedAt = envelope.completedAt { layout.field("Completed (UTC)", RFC3339.format(completedAt)) }
        if let expiresAt = envelope.expiresAt { layout.field("Expires (UTC)", RFC3339.format(expiresAt)) }

        layout.heading("Documents")
        for (index, id) in envelope.documentIDs.enumerated() {
            if let document = documents[id] {
                layout.field("Document \(index + 1)", PDFStrings.clip(document.name))
                layout.field("Id, pages, size", "\(document.id), \(document.pageCount) page(s), \(document.sizeDescription)")
                layout.field("SHA-256", document.sha256, size: 8.5)
            } else {
                layout.field("Document \(index + 1)", "\(id) (deleted)")
            }
        }
    }
}

/// Text clean-up for PDF output.
enum PDFStrings {
    /// At most `limit` characters, with an ellipsis when cut.
    static func clip(_ text: String, limit: Int = 200) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}

extension DocumentRecord {
    var sizeDescription: String { "\(bytes.count) bytes" }
}
