/// `/documents`: upload, list, fetch and delete PDFs.
struct DocumentRoutes: Sendable {
    let store: SandboxStore
    let maxUploadBytes: Int

    func register(in table: inout RouteTable) {
        table.add("POST", "/api/v1/documents") { try await upload($0) }
        table.add("GET", "/api/v1/documents") { request in
            let page = try await store.listDocuments(try request.requireCaller(), page: PageRequest(query: request.query))
            return .json(ListJSON(page: page.map(DocumentJSON.init)))
        }
        table.add("GET", "/api/v1/documents/{id}") { request in
            .json(DocumentJSON(record: try await store.document(try request.requireCaller(), id: request.parameter("id"))))
        }
        table.add("DELETE", "/api/v1/documents/{id}") { request in
            try await store.deleteDocument(try request.requireCaller(), id: request.parameter("id"))
            return .noContent()
        }
    }

    private func upload(_ request: RouteRequest) async throws -> HTTPReply {
        let caller = try request.requireCaller()
        guard let type = request.contentType, type.essence == "multipart/form-data" else {
            throw Problem.unsupportedMediaType("Upload the PDF as multipart/form-data with a part named file.")
        }
        guard let boundary = type.parameters["boundary"], let form = MultipartForm(body: request.body, boundary: boundary) else {
            throw Problem.validation(path: .root, message: "The body is not a well-formed multipart/form-data body.", code: "invalid_multipart")
        }
        guard let file = form.part(named: "file") else {
            throw Problem.validation(path: FieldPath.root.appending("file"), message: "file is required: a part holding the PDF.", code: "required")
        }
        guard file.body.count <= maxUploadBytes else {
            throw Problem.payloadTooLarge(limit: maxUploadBytes)
        }
        guard file.body.starts(with: Array("%PDF-".utf8)) else {
            throw Problem.unsupportedMediaType("The file is not a PDF: its bytes must start with %PDF-.")
        }
        let name = try displayName(form, file)
        let bytes = Array(file.body)
        let document = await store.addDocument(
            caller, name: name, bytes: bytes, sha256: RouteSupport.sha256Hex(bytes), pageCount: PDFPageCounter.count(bytes)
        )
        return .json(DocumentJSON(record: document), status: 201)
    }

    /// The `name` part (at most 255 characters), else the file name, else `document.pdf`.
    private func displayName(_ form: MultipartForm, _ file: MultipartPart) throws -> String {
        let path = FieldPath.root.appending("name")
        if let part = form.part(named: "name") {
            guard let name = String(validating: part.body, as: UTF8.self) else {
                throw Problem.validation(path: path, message: "name must be UTF-8 text.", code: "invalid_type")
            }
            guard name.unicodeScalars.count <= 255 else {
                throw Problem.validation(path: path, message: "name must be at most 255 characters long.", code: "too_long")
            }
            if !name.isEmpty { return name }
        }
        guard let fileName = file.fileName else { return "document.pdf" }
        return String(String.UnicodeScalarView(fileName.unicodeScalars.prefix(255)))
    }
}
