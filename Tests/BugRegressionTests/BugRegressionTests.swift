// The fixture targets exist only with ../shared beside the repository (see Package.swift).
#if canImport(BugOG15240)
import BindgenRuntime
import BugOG15240
import BugOG925
import BugSOG21
import BugSOG286
import BugSOG34
import BugSOG563
import BugSOG70
import BugSOG832
import Foundation
import Testing

/// One test per document of ../shared/specs/bugs: each fixture target compiles its generated client through the
/// build plugin (so "it compiles" is checked by building this target), and each test asserts the behaviour line 1
/// of the document asks for.
@Suite struct BugRegressionTests {
    /// Decodes JSON into `T`, encodes it again and decodes that: both values must be equal, and the re-encoded
    /// JSON must equal the original as a JSON value.
    func roundTrip<T: Codable & Equatable>(_ type: T.Type, _ json: String) throws -> T {
        let data = Data(json.utf8)
        let value = try JSONDecoder.bindgen.decode(T.self, from: data)
        let encoded = try JSONEncoder.bindgen.encode(value)
        #expect(try JSONDecoder.bindgen.decode(T.self, from: encoded) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == JSONDecoder().decode(JSONValue.self, from: data))
        return value
    }

    @Test func openapiGenerator15240SelfReferencingStructIsBoxed() throws {
        let booking = try roundTrip(BugOG15240.RouteBookingDto.self, #"{"id": 1, "returnRouteBooking": {"id": 2, "returnRouteBooking": {"id": 3}}}"#)
        #expect(booking.returnRouteBooking?.returnRouteBooking?.id == 3)
        var edited = booking
        edited.returnRouteBooking = nil
        #expect(edited.returnRouteBooking == nil)
        #expect(booking.returnRouteBooking?.id == 2, "value semantics survive the box")
    }

    @Test func openapiGenerator925FreeFormObjectRoundTripsArbitraryJSON() throws {
        let request = try roundTrip(BugOG925.MyRequestRequest.self, #"{"method": "sum", "params": {"a": [1, 2.5, "x", null, true], "b": {"c": {}}}}"#)
        #expect(request.params?["a"] == .array([.integer(1), .double(2.5), .string("x"), .null, .bool(true)]))
    }

    @Test func swiftOpenAPIGenerator21SignedValuesGetDistinctCases() throws {
        #expect(BugSOG21.Offset.allCases == [.plus1, .minus1])
        #expect(BugSOG21.Offset.plus1.rawValue == "+1")
        #expect(BugSOG21.Offset.minus1.rawValue == "-1")
        let decoded = try JSONDecoder.bindgen.decode([BugSOG21.Offset].self, from: Data(#"["+1", "-1", "0"]"#.utf8))
        #expect(decoded == [.plus1, .minus1, .unknown("0")])
        #expect(String(decoding: try JSONEncoder.bindgen.encode(decoded), as: UTF8.self) == #"["+1","-1","0"]"#)
    }

    @Test func swiftOpenAPIGenerator286AnyOfWithNullIsOptional() throws {
        let none = try roundTrip(BugSOG286.Customer.self, #"{"id": "cus_1", "subscription": null}"#)
        #expect(none.subscription == nil)
        let some = try JSONDecoder.bindgen.decode(BugSOG286.Customer.self, from: Data(#"{"id": "cus_2", "subscription": {"plan": "pro"}}"#.utf8))
        #expect(some.subscription?.plan == "pro")
    }

    @Test func swiftOpenAPIGenerator34ReservedWordPropertyKeepsItsJSONKey() throws {
        let connection = try roundTrip(BugSOG34.Connection.self, #"{"Protocol": "https", "host": "example.com"}"#)
        #expect(connection.protocol == "https")
        let encoded = String(decoding: try JSONEncoder.bindgen.encode(connection), as: UTF8.self)
        #expect(encoded.contains(#""Protocol":"https""#))
    }

    @Test func swiftOpenAPIGenerator563AllOfKeepsSiblingProperties() throws {
        let root = try roundTrip(BugSOG563.RootType.self, #"{"id": "r1", "modules": ["a"], "moreModules": ["b", "c"]}"#)
        #expect(root.id == "r1")
        #expect(root.modules == ["a"])
        #expect(root.moreModules == ["b", "c"])
    }

    @Test func swiftOpenAPIGenerator70RecursiveSchemasCompileAndRoundTrip() throws {
        let node = try roundTrip(BugSOG70.DiagnosticLogCallStackNode.self, #"{"symbolName": "main", "subFrames": [{"symbolName": "run", "subFrames": []}]}"#)
        #expect(node.subFrames?.first?.symbolName == "run")
        let comment = try roundTrip(BugSOG70.Comment.self, #"{"text": "reply", "parent": {"text": "root"}}"#)
        #expect(comment.parent?.text == "root")
        #expect(comment.parent?.parent == nil)
    }

    @Test func swiftOpenAPIGenerator832NestedDeepObjectSerializesWithBrackets() throws {
        let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")
        let client = APIClient(configuration: ClientConfiguration(serverURL: URL(fileURLWithPath: "/")))
        let filter = BugSOG832.QueryFilterModel(someId: BugSOG832.QueryFilterModelWithId(eq: id))
        let request = try BugSOG832.Endpoint.getItems(filter: filter).makeRequest(using: client)
        #expect(request.queryItems.map { "\($0.name)=\($0.value.lowercased())" } == ["filter[someId][eq]=6f9619ff-8b86-d011-b42d-00c04fc964ff"])
    }
}
#endif
