import BindgenRuntime
import Foundation
import Testing

/// The body helpers generated `Endpoint.makeRequest` calls one line each: absent arguments add nothing, present
/// ones add what the longer generated code used to.
@Suite struct RequestBodyBuildingTests {
    struct Member: Codable, Sendable { var id: Int; var tags: [String] }

    func request() -> APIRequest { APIRequest(operationID: "op", method: .post, pathTemplate: "/x", path: "/x") }

    @Test func absentBodiesLeaveTheRequestWithoutOne() throws {
        let client = try makeClient()
        var request = request()
        try request.setJSONBody(Member?.none, contentType: "application/json", using: client)
        request.setBody(Data?.none, contentType: "application/pdf")
        request.setTextBody(String?.none, contentType: "text/plain")
        #expect(request.body == nil)
    }

    @Test func presentBodiesAreEncodedWithTheirMediaType() throws {
        let client = try makeClient()
        var request = request()
        try request.setJSONBody(Member(id: 7, tags: ["a"]), contentType: "application/merge-patch+json", using: client)
        guard case .data(let json, let contentType)? = request.body else { Issue.record("no data body"); return }
        #expect(contentType == "application/merge-patch+json")
        let decoded = try JSONDecoder().decode(Member.self, from: json)
        #expect(decoded.id == 7 && decoded.tags == ["a"])
        request.setTextBody("héllo", contentType: "text/plain")
        guard case .data(let text, _)? = request.body else { Issue.record("no text body"); return }
        #expect(text == Data("héllo".utf8))
    }

    @Test func urlEncodedFieldsKeepTheirOrderAndSortDictionaries() throws {
        let client = try makeClient()
        var form = URLEncodedForm()
        form.append("name", "Rex & Co")
        form.append("missing", String?.none)
        form.append("tags", ["a", "b"])
        try form.append("member", json: Member(id: 1, tags: []), using: client)
        form.append(fields: ["z": 1, "a": 2])
        try form.appendFields(of: Member(id: 3, tags: ["x"]), using: client)
        let names = form.fields.map(\.name)
        #expect(names.prefix(6) == ["name", "tags", "tags", "member", "a", "z"])
        #expect(names.dropFirst(6).contains("id"))
        let member = try JSONDecoder().decode(Member.self, from: Data(form.fields[3].value.utf8))
        #expect(member.id == 1 && member.tags.isEmpty)
        #expect(String(decoding: form.encoded, as: UTF8.self).hasPrefix("name=Rex+%26+Co&tags=a&tags=b&member="))
    }

    @Test func multipartPartsFromEveryKindOfArgument() throws {
        let client = try makeClient()
        var form = MultipartForm(boundary: "b")
        form.append("files", files: [.data(Data("1".utf8), filename: "1.txt"), .data(Data("2".utf8), filename: "2.txt")])
        form.append("none", files: nil)
        form.append("ids", values: [4, 5])
        try form.append("member", json: Member(id: 1, tags: []), using: client)
        try form.append("absent", json: Member?.none, using: client)
        form.append(parts: ["z": "last", "a": "first"])
        try form.append(jsonParts: ["m": Member(id: 2, tags: [])], using: client)
        let text = String(decoding: try form.encode(), as: UTF8.self)
        let names = text.components(separatedBy: "form-data; name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(names == ["files", "files", "ids", "ids", "member", "a", "z", "m"])
        #expect(text.contains("filename=\"2.txt\""))
        #expect(!text.contains("name=\"absent\"") && !text.contains("name=\"none\""))
    }
}
