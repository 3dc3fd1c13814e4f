import Foundation

/// The signed document of a completed envelope: a certificate of completion followed by the
/// original PDFs, embedded unchanged as attachments.
enum SignedDocumentPDF {
    static func render(_ envelope: EnvelopeRecord, documents: [String: DocumentRecord], now: Date = Date()) -> [UInt8] {
        var layout = PDFPageLayout()
        layout.title("Certificate of completion")
        layout.paragraph("Certyneo Sandbox - simulated electronic signature (no legal value)", size: 9)
        layout.rule()
        EnvelopeSummary.write(envelope, documents: documents, into: &layout)

        layout.heading("Signatures")
        for recipient in envelope.recipients where recipient.role.acts {
            layout.space(3)
            layout.field("Name", PDFStrings.clip(recipient.name))
            layout.field("Email", PDFStrings.clip(recipient.email))
            layout.field("Role", recipient.role.rawValue)
            layout.field("Signed at (UTC)", recipient.signedAt.map(RFC3339.format) ?? "-")
            layout.rule()
        }
        let copies = envelope.recipients.filter { !$0.role.acts }
        if !copies.isEmpty {
            layout.heading("Copies")
            for recipient in copies {
                layout.field(PDFStrings.clip(recipient.name), "\(PDFStrings.clip(recipient.email)) - \(recipient.role.rawValue)")
            }
        }
        layout.heading("Original documents")
        layout.paragraph(
            "The original PDFs are attached to this file unchanged; their SHA-256 digests above identify them.", size: 9.5
        )

        let attachments = envelope.documentIDs.compactMap { id -> PDFAttachment? in
            guard let document = documents[id] else { return nil }
            return PDFAttachment(
                fileName: document.name, description: "\(document.id), SHA-256 \(document.sha256)",
                bytes: document.bytes, modified: document.createdAt
            )
        }
        return PDFComposer.render(
            layout, title: "Signed - \(envelope.subject)",
            footer: "Certificate of \(envelope.id), completed \(envelope.completedAt.map(RFC3339.format) ?? "-") - Certyneo Sandbox",
            attachments: attachments, created: now
        )
    }
}
