/// Counts the pages of an uploaded PDF, best effort: the `/Type /Page` objects (not `/Pages`)
/// written in the clear; 0 when there are none (e.g. pages hidden in compressed object streams).
enum PDFPageCounter {
    static func count(_ bytes: [UInt8]) -> Int {
        let type = Array("/Type".utf8)
        let page = Array("/Page".utf8)
        var count = 0
        var index = 0
        while let found = ByteSearch.firstIndex(of: type, in: bytes, from: index) {
            var cursor = found + type.count
            while cursor < bytes.count, isWhitespace(bytes[cursor]) {
                cursor += 1
            }
            if ByteSearch.hasPrefix(page, in: bytes, at: cursor) {
                let after = cursor + page.count
                if after >= bytes.count || !isNameCharacter(bytes[after]) {
                    count += 1
                }
            }
            index = found + type.count
        }
        return count
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    /// Bytes that would continue a PDF name (so `/Pages` or `/PageLabel` is not a page).
    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        !(isWhitespace(byte) || "/<>[]()%{}".utf8.contains(byte))
    }
}
