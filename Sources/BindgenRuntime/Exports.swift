// Generated code imports only BindgenRuntime and Foundation, yet uses HTTPTypes names through this
// module's API (`HTTPMethod` members such as `.post`, `HTTPFields`, `HTTPField.Name`). Re-exporting
// keeps those visible even with the `MemberImportVisibility` upcoming feature enabled.
@_exported import HTTPTypes
