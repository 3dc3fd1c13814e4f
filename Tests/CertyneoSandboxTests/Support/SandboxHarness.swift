import CertyneoSandbox
import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A sandbox on an ephemeral loopback port and a tiny HTTP client for it.
final class SandboxHarness: Sendable {
    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// The body as a JSON object (fails the test otherwise).
        func json(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
            let value = try JSONSerialization.jsonObject(with: body)
            return try XCTUnwrap(value as? [String: Any], "not a JSON object: \(String(decoding: body, as: UTF8.self))", file: file, line: line)
        }
    }

    let server: SandboxServer
    let info: SandboxInfo
    private let session: URLSession

    static func start(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> SandboxHarness {
        var configuration = SandboxConfiguration()
        configure(&configuration)
        return try await start(SandboxServer(configuration: configuration))
    }

    /// Starts `server` (e.g. one built with test doubles).
    static func start(_ server: SandboxServer) async throws -> SandboxHarness {
        let info = try await server.start()
        return SandboxHarness(server: server, info: info)
    }

    private init(server: SandboxServer, info: SandboxInfo) {
        self.server = server
        self.info = info
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        self.session = URLSession(configuration: configuration)
    }

    func stop() async {
        await server.stop()
    }

    var origin: String { "http://127.0.0.1:\(info.port)" }

    /// Sends a request to `path` (relative to `/api/v1` unless it starts with `/sign` or `http`).
    func send(
        _ method: String, _ path: String, key: String? = nil, useDefaultKey: Bool = true,
        headers: [String: String] = [:], body: Data? = nil
    ) async throws -> Reply {
        let address = path.hasPrefix("http") ? path : path.hasPrefix("/sign") || path.hasPrefix("/api") ? origin + path : info.baseURL.absoluteString + path
        var request = URLRequest(url: try XCTUnwrap(URL(string: address)))
        request.httpMethod = method
        if let key = key ?? (useDefaultKey ? info.apiKey : nil) {
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// POSTs a JSON object.
    func sendJSON(_ method: String, _ path: String, _ object: Any, key: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var all = headers
        all["Content-Type"] = all["Content-Type"] ?? "application/json"
        return try await send(method, path, key: key, headers: all, body: try JSONSerialization.data(withJSONObject: object))
    }

    /// Uploads `file` as `multipart/form-data`.
    func upload(_ file: Data, fileName: String = "contrat.pdf", name: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        let boundary = "certyneo-test-\(UUID().uuidString)"
        var body = Data()
        if let name {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\(name)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var all = headers
        all["Content-Type"] = "multipart/form-data; boundary=\(boundary)"
        return try await send("POST", "/documents", headers: all, body: body)
    }

    /// Uploads a small valid PDF and returns its document id.
    func uploadSamplePDF(pages: Int = 1, name: String = "contrat.pdf") async throws -> String {
        let reply = try await upload(TestPDF.make(pages: pages), fileName: name)
        XCTAssertEqual(reply.status, 201, String(decoding: reply.body, as: UTF8.self))
        return try XCTUnwrap(try reply.json()["id"] as? String)
    }

    /// Creates a DRAFT envelope over a fresh document; recipients default to one signer.
    func createEnvelope(recipients: [[String: Any]]? = nil, subject: String = "Contrat de prestation") async throws -> [String: Any] {
        let document = try await uploadSamplePDF()
        let reply = try await sendJSON("POST", "/envelopes", [
            "subject": subject, "documentIds": [document],
            "recipients": recipients ?? [["email": "client@example.com", "name": "Marie Dubois", "role": "SIGNER"]],
        ])
        XCTAssertEqual(reply.status, 201, String(decoding: reply.body, as: UTF8.self))
        return try reply.json()
    }

    /// The id of a new DRAFT envelope (see ``createEnvelope(recipients:subject:)``).
    func createEnvelopeID(recipients: [[String: Any]]? = nil) async throws -> String {
        let envelope = try await createEnvelope(recipients: recipients)
        return try XCTUnwrap(envelope["id"] as? String)
    }
}

/// Minimal PDFs for uploads.
enum TestPDF {
    /// A hand-written PDF with `pages` page objects.
    static func make(pages: Int) -> Data {
        var text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        let kids = (0..<pages).map { "\($0 + 3) 0 R" }.joined(separator: " ")
        text += "2 0 obj << /Type /Pages /Kids [\(kids)] /Count \(pages) >> endobj\n"
        for index in 0..<pages {
            text += "\(index + 3) 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
        }
        text += "trailer << /Root 1 0 R >>\n%%EOF\n"
        return Data(text.utf8)
    }
}
