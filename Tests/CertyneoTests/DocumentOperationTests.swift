import BindgenRuntime
import Certyneo
import Foundation
import Testing

/// The four document operations through the generated client, over loopback HTTP.
@Suite struct DocumentOperationTests {
    @Test func uploadListGetDelete() async throws {
        try await withSandbox { client, _ in
            let pdf = try Data(contentsOf: samplePDF)
            let document = try await client.uploadDocument(file: .pdf(at: samplePDF), name: "Contrat.pdf")
            #expect(document.id.hasPrefix("doc_"))
            #expect(document.name == "Contrat.pdf")
            #expect(document.sizeBytes == Int64(pdf.count))
            #expect(document.pageCount == 2)
            #expect(document.sha256.count == 64)

            let page = try await client.listDocuments()
            #expect(page.data.map(\.id) == [document.id])
            #expect(page.hasMore == false)
            #expect(page.nextCursor == nil)

            let fetched = try await client.getDocument(id: document.id)
            #expect(fetched == document)

            try await client.deleteDocument(id: document.id)
            let missing = await apiError { _ = try await client.getDocument(id: document.id) }
            #expect(missing?.status == 404)
            #expect(missing?.code == "not_found")
        }
    }

    @Test func withResponseReturnsTheRequestIDTheSandboxSent() async throws {
        try await withSandbox { client, _ in
            let uploaded = try await client.withResponse(headers: XRequestIdHeaders.self) {
                try await $0.uploadDocument(file: .pdf(at: samplePDF), name: "a.pdf")
            }
            #expect(uploaded.status == 201)
            #expect(uploaded.body.name == "a.pdf")
            let requestID = try #require(uploaded.headers.xRequestId, "openapi.yaml declares X-Request-Id on the 201")
            #expect(!requestID.isEmpty)
            #expect(uploaded.headerFields.first { $0.name.canonicalName == "x-request-id" }?.value == requestID)

            let (fetched, response) = try await client.withResponse { try await $0.getDocument(id: uploaded.body.id) }
            #expect(fetched == uploaded.body)
            #expect(response.status == 200)
            #expect(response.requestID != nil)
            #expect(response.requestID != requestID, "each request gets its own id")
        }
    }

    @Test func withResponseGivesTheLastResponseAndRefusesACallThatSentNothing() async throws {
        try await withSandbox { client, _ in
            let (_, response) = try await client.withResponse { client in
                let first = try await client.uploadDocument(file: .pdf(at: samplePDF), name: "first.pdf")
                _ = try await client.listDocuments(limit: 1)
                return first
            }
            #expect(response.request.operationID == "listDocuments", "the last request the closure sent")
            do {
                _ = try await client.withResponse { _ in 1 }
                Issue.record("a call that sent nothing returned a response")
            } catch {
                guard case .invalidRequest? = error as? ClientError else { Issue.record("expected .invalidRequest, got \(error)"); return }
            }
        }
    }

    @Test func nonPDFUploadIsATyped415WithCodeAndRequestID() async throws {
        try await withSandbox { client, _ in
            let error = await apiError {
                _ = try await client.uploadDocument(file: .data(Data("hello, not a pdf".utf8), filename: "notes.txt", contentType: "text/plain"))
            }
            let api = try #require(error)
            #expect(api.status == 415)
            #expect(api.code == "unsupported_media_type")
            #expect(api.requestID?.hasPrefix("req_") == true)
            #expect(api.operationID == "uploadDocument")
            #expect(api.description.contains(api.requestID ?? "?"))
        }
    }

    @Test func listPagesThroughTheCursor() async throws {
        try await withSandbox { client, _ in
            var uploaded: [String] = []
            for index in 0..<5 {
                uploaded.append(try await client.uploadDocument(file: .pdf(at: samplePDF), name: "doc\(index).pdf").id)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.listDocuments(limit: 2, startingAfter: cursor)
                #expect(page.data.count <= 2)
                seen += page.data.map(\.id)
                cursor = page.hasMore ? page.nextCursor : nil
            } while cursor != nil
            #expect(seen == uploaded.reversed(), "newest first, each once")
        }
    }
}
