import BindgenCore
import Testing

/// Cursor-paginated list operations get an `all…` method (the rule of `PaginationPass`); others do not.
@Suite struct PaginationGenerationTests {
    static let document = """
    openapi: 3.1.0
    info: {title: Pages, version: "1"}
    paths:
      /projects/{owner}/issues:
        get:
          operationId: searchIssues
          parameters:
            - {name: owner, in: path, required: true, schema: {type: string}}
            - {name: page_token, in: query, schema: {type: string}}
            - {name: state, in: query, schema: {type: string, enum: [open, closed]}}
          responses:
            "200":
              description: One page.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      issues: {type: array, items: {$ref: '#/components/schemas/Issue'}}
                      next_page_token: {type: string}
                      total: {type: integer}
      /labels:
        get:
          operationId: listLabels
          parameters:
            - {name: offset, in: query, schema: {type: integer}}
          responses:
            "200":
              description: Offset paging is not recognised.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      data: {type: array, items: {type: string}}
                      next_cursor: {type: string}
      /users:
        get:
          operationId: listUsers
          parameters:
            - {name: cursor, in: query, schema: {type: string}}
          responses:
            "200":
              description: With a has-more flag.
              content:
                application/json:
                  schema:
                    type: object
                    required: [data, has_more]
                    properties:
                      data: {type: array, items: {type: string}}
                      has_more: {type: boolean}
                      nextCursor: {type: [string, "null"]}
    components:
      schemas:
        Issue:
          type: object
          properties:
            id: {type: integer}
    """

    @Test func cursorListsGetAnAllMethod() throws {
        let client = try #require(try generate(Self.document)["Client.swift"])
        #expect(client.contains("public func allSearchIssues(owner: Swift.String, state: SearchIssuesState? = nil) -> BindgenRuntime.PageSequence<SearchIssuesResponse, Issue> {"), "\(client)")
        #expect(client.contains("try await self.searchIssues(owner: owner, pageToken: cursor, state: state)"))
        #expect(client.contains("items: { $0.issues ?? [] },"))
        #expect(client.contains("nextCursor: { $0.nextPageToken })"))

        #expect(client.contains("public func allUsers() -> BindgenRuntime.PageSequence<ListUsersResponse, Swift.String> {"))
        #expect(client.contains("try await self.listUsers(cursor: cursor)"))
        #expect(client.contains("nextCursor: { $0.hasMore ? $0.nextCursor : nil })"))

        #expect(!client.contains("func allLabels"), "no cursor parameter: not paginated")
    }
}
