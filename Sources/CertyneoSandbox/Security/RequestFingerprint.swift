/// What makes two requests "the same" for idempotency: method, path, media type and body, where a
/// JSON body is compared by value (member order and spacing aside) and a multipart body without
/// its boundary (a retry may well pick a new one).
enum RequestFingerprint {
    static func make(_ request: RouteRequest) -> String {
        make(method: request.method, path: request.path, contentType: request.contentType, body: request.body)
    }

    static func make(method: String, path: String, contentType: MediaType?, body: [UInt8]) -> String {
        var body = body
        if let type = contentType, type.type == "multipart", let boundary = type.parameters["boundary"], !boundary.isEmpty {
            body = removing(Array(boundary.utf8), from: body)
        } else if contentType?.isJSON == true, let value = JSONValue.parse(body) {
            body = value.canonicalBytes
        }
        return "\(method) \(path) \(contentType?.essence ?? "-") \(RouteSupport.sha256Hex(body))"
    }

    private static func removing(_ pattern: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while let found = ByteSearch.firstIndex(of: pattern, in: bytes, from: index) {
            output.append(contentsOf: bytes[index..<found])
            index = found + pattern.count
        }
        output.append(contentsOf: bytes[index...])
        return output
    }
}
