import Foundation

// The rest of this module is generated at build time by OpenAPIBindgenPlugin from openapi.yaml, the
// configuration openapi-bindgen.yaml and the custom templates in Templates/.

extension Client {
    /// A client of the example petstore server.
    public static func petstore(serverURL: URL = Client.defaultServerURL) -> Client {
        Client(serverURL: serverURL)
    }
}
