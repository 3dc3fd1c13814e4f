import Foundation

extension SandboxStore {
    func addDocument(_ caller: Caller, name: String, bytes: [UInt8], sha256: String, pageCount: Int) -> DocumentRecord {
        let document = DocumentRecord(
            id: IdentifierGenerator.make(.document), accountID: caller.accountID, name: name, bytes: bytes,
            sha256: sha256, pageCount: pageCount, createdAt: Date()
        )
        documents.insert(document)
        return document
    }

    func listDocuments(_ caller: Caller, page: PageRequest) throws -> Page<DocumentRecord> {
        try Page.slice(documents.newestFirst.filter { $0.accountID == caller.accountID }, id: \.id, request: page)
    }

    func document(_ caller: Caller, id: String) throws -> DocumentRecord {
        guard let document = documents[id], document.accountID == caller.accountID else {
            throw Problem.notFound("No document \(id) in this account.")
        }
        return document
    }

    /// Deletes a document unless an envelope past `DRAFT` uses it (409).
    func deleteDocument(_ caller: Caller, id: String) throws {
        let document = try document(caller, id: id)
        expireEnvelopes(of: caller.accountID)
        let users = envelopes.all.filter {
            $0.accountID == caller.accountID && $0.status != .draft && $0.documentIDs.contains(document.id)
        }
        if let user = users.first {
            throw Problem.invalidState(
                "Document \(id) belongs to envelope \(user.id), which is \(user.status.rawValue); only documents of drafts can be deleted.",
                code: "document_in_use"
            )
        }
        documents[id] = nil
    }

    /// 422 unless every id names a document of the caller's account.
    func checkDocuments(_ ids: [String], of caller: Caller) throws {
        var errors: [FieldError] = []
        for (index, id) in ids.enumerated() {
            if documents[id]?.accountID != caller.accountID {
                errors.append(
                    FieldError(
                        path: FieldPath.root.appending("documentIds").appending(index),
                        message: "No document \(id) in this account.", code: "unknown_document"
                    )
                )
            }
        }
        if !errors.isEmpty { throw Problem.validation(errors) }
    }
}
