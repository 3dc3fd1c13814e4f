import Foundation

/// A file embedded in a PDF (`/EmbeddedFiles`), e.g. an original signed document.
struct PDFAttachment: Sendable {
    var fileName: String
    var description: String
    var mediaType: String = "application/pdf"
    var bytes: [UInt8]
    var modified: Date
}

/// Builds a complete PDF from laid-out pages, Helvetica fonts, document info and attachments.
enum PDFComposer {
    static func render(
        _ layout: PDFPageLayout, title: String, footer: String, attachments: [PDFAttachment] = [], created: Date = Date()
    ) -> [UInt8] {
        var writer = PDFWriter()
        let catalog = writer.reserve()
        let pagesNumber = writer.reserve()
        let regular = writer.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        let bold = writer.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        let resources = "<< /Font << /F1 \(regular) 0 R /F2 \(bold) 0 R >> /ProcSet [/PDF /Text] >>"
        let mediaBox = "[0 0 \(PDFPageLayout.number(PDFPageLayout.pageWidth)) \(PDFPageLayout.number(PDFPageLayout.pageHeight))]"
        var kids: [Int] = []
        for stream in layout.contentStreams(footer: footer) {
            let contents = writer.addStream(data: stream)
            kids.append(
                writer.add(
                    "<< /Type /Page /Parent \(pagesNumber) 0 R /MediaBox \(mediaBox) /Resources \(resources) /Contents \(contents) 0 R >>"
                )
            )
        }
        writer.set(pagesNumber, "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")

        let date = "(D:\(RFC3339.compact(created))Z)"
        var catalogEntries = "/Type /Catalog /Pages \(pagesNumber) 0 R"
        if !attachments.isEmpty {
            var names: [String] = []
            for (index, attachment) in attachments.enumerated() {
                let modified = "(D:\(RFC3339.compact(attachment.modified))Z)"
                let file = writer.addStream(
                    dictionary: "/Type /EmbeddedFile /Subtype \(PDFText.name(attachment.mediaType)) /Params << /Size \(attachment.bytes.count) /ModDate \(modified) >>",
                    data: attachment.bytes
                )
                let specification = writer.add(
                    "<< /Type /Filespec /F \(PDFText.literal(attachment.fileName)) /UF \(PDFText.unicodeHex(attachment.fileName)) /Desc \(PDFText.unicodeHex(attachment.description)) /EF << /F \(file) 0 R /UF \(file) 0 R >> /AFRelationship /Source >>"
                )
                // Keys of a name tree must be unique and sorted: a zero-padded index keeps both.
                let number = String(index + 1)
                let key = String(repeating: "0", count: max(0, 3 - number.count)) + number + " " + attachment.fileName
                names.append("\(PDFText.unicodeHex(key)) \(specification) 0 R")
            }
            let tree = writer.add("<< /Names [\(names.joined(separator: " "))] >>")
            catalogEntries += " /Names << /EmbeddedFiles \(tree) 0 R >> /PageMode /UseAttachments"
        }
        writer.set(catalog, "<< \(catalogEntries) >>")
        let info = writer.add(
            "<< /Title \(PDFText.unicodeHex(title)) /Producer (Certyneo Sandbox) /Creator (Certyneo Sandbox) /CreationDate \(date) /ModDate \(date) >>"
        )
        return writer.finish(root: catalog, info: info)
    }
}
