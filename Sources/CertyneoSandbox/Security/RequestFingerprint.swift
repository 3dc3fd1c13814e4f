/// What makes two requests "the same" for idempotency: method, path, media type and body, where a
/// multipart body is compared without its boundary (a retry may well pick a new one).
enum RequestFingerprint {
    static func make(_ request: RouteRequest) -> String {
        var body = request.body
        if let type = request.contentType, type.type == "multipart", let boundary = type.parameters["boundary"], !boundary.isEmpty {
            body = removing(Array(boundary.utf8), from: body)
        }
        return "\(request.method) \(request.path) \(request.contentType?.essence ?? "-") \(RouteSupport.sha256Hex(body))"
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
