import Foundation
import XCTest

/// Checks that `reply` is an `application/problem+json` problem with `status` and `code`, whose
/// `requestId` matches the `X-Request-Id` header; returns the problem's members.
@discardableResult
func assertProblem(
    _ reply: SandboxHarness.Reply, status: Int, code: String, file: StaticString = #filePath, line: UInt = #line
) throws -> [String: Any] {
    XCTAssertEqual(reply.status, status, String(decoding: reply.body, as: UTF8.self), file: file, line: line)
    XCTAssertEqual(reply.header("Content-Type"), "application/problem+json", file: file, line: line)
    let problem = try reply.json(file: file, line: line)
    XCTAssertEqual(problem["status"] as? Int, status, file: file, line: line)
    XCTAssertEqual(problem["code"] as? String, code, file: file, line: line)
    XCTAssertNotNil(problem["title"] as? String, file: file, line: line)
    XCTAssertNotNil(problem["detail"] as? String, file: file, line: line)
    XCTAssertEqual(problem["type"] as? String, "https://certyneo.com/problems/" + code.replacingOccurrences(of: "_", with: "-"), file: file, line: line)
    let requestID = try XCTUnwrap(reply.header("X-Request-Id"), file: file, line: line)
    XCTAssertEqual(problem["requestId"] as? String, requestID, file: file, line: line)
    XCTAssertTrue(requestID.range(of: "^req_[0-9a-f]{16}$", options: .regularExpression) != nil, requestID, file: file, line: line)
    return problem
}

/// The `field` members of a 422 problem's `errors`.
func fieldErrors(_ problem: [String: Any]) -> [String] {
    ((problem["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
}

/// Asserts `text` matches the regular expression `pattern`.
func assertMatches(_ text: String?, _ pattern: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotNil(text.flatMap { $0.range(of: pattern, options: .regularExpression) }, "\(text ?? "nil") !~ \(pattern)", file: file, line: line)
}
