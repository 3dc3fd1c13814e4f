/// The HTML page behind a `signUrl`: what is to be signed, and a button to sign or decline.
struct SigningPage {
    let envelope: EnvelopeRecord
    let recipient: RecipientRecord
    let documents: [String: DocumentRecord]
    let token: String

    var html: String {
        let documentItems = envelope.documentIDs.map { id in
            let name = documents[id].map { "\($0.name) (\($0.pageCount) page(s), SHA-256 \($0.sha256))" } ?? id
            return "<li>\(Self.escape(name))</li>"
        }.joined()
        let actions: String
        if envelope.status == .sent && recipient.status == .notified {
            actions = """
                <form method="post" action="/sign/\(Self.escape(token))/sign"><button type="submit">Sign</button></form>
                <form method="post" action="/sign/\(Self.escape(token))/decline">
                  <label>Reason (optional) <input name="reason" maxlength="1000"></label>
                  <button type="submit">Decline</button>
                </form>
                """
        } else if recipient.status == .pending {
            actions = "<p>Waiting for the recipients of a lower routing order to sign first.</p>"
        } else {
            actions = "<p>Nothing to do: the envelope is \(envelope.status.rawValue) and you are \(recipient.status.rawValue).</p>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(Self.escape(envelope.subject)) - Certyneo Sandbox</title>
            <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}form{display:inline-block;margin-right:1rem}</style>
            </head>
            <body>
            <h1>\(Self.escape(envelope.subject))</h1>
            <p>For \(Self.escape(recipient.name)) &lt;\(Self.escape(recipient.email))&gt;, as \(recipient.role.rawValue).</p>
            \(envelope.message.map { "<blockquote>\(Self.escape($0))</blockquote>" } ?? "")
            <h2>Documents</h2>
            <ul>\(documentItems)</ul>
            \(actions)
            <p><small>Certyneo Sandbox: simulated signature, no legal value. Envelope \(Self.escape(envelope.id)).</small></p>
            </body>
            </html>
            """
    }

    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
