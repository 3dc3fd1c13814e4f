import Foundation

/// Assembles PDF 1.7 objects into a file with a correct cross-reference table and trailer.
///
/// Objects are numbered from 1 in the order they are reserved; every object must be set before
/// ``finish(root:info:)``.
struct PDFWriter {
    private var objects: [[UInt8]?] = []

    /// Reserves the next object number, for objects that refer to each other.
    mutating func reserve() -> Int {
        objects.append(nil)
        return objects.count
    }

    /// Sets object `number` to a dictionary, array or other direct value written as text.
    mutating func set(_ number: Int, _ value: String) {
        objects[number - 1] = Array(value.utf8)
    }

    /// Sets object `number` to a stream: `dictionary` lists its entries except `/Length`.
    mutating func setStream(_ number: Int, dictionary: String = "", data: [UInt8]) {
        var bytes = Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8)
        bytes.append(contentsOf: data)
        bytes.append(contentsOf: Array("\nendstream".utf8))
        objects[number - 1] = bytes
    }

    /// Adds an object and returns its number.
    mutating func add(_ value: String) -> Int {
        let number = reserve()
        set(number, value)
        return number
    }

    /// Adds a stream object and returns its number.
    mutating func addStream(dictionary: String = "", data: [UInt8]) -> Int {
        let number = reserve()
        setStream(number, dictionary: dictionary, data: data)
        return number
    }

    /// The finished file: header, objects, `xref`, trailer, `startxref` and `%%EOF`.
    func finish(root: Int, info: Int?) -> [UInt8] {
        var output: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output.append(contentsOf: Array("\(index + 1) 0 obj\n".utf8))
            output.append(contentsOf: object ?? Array("null".utf8))
            output.append(contentsOf: Array("\nendobj\n".utf8))
        }
        let xrefOffset = output.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            table += Self.pad(offset, 10) + " 00000 n \n"
        }
        let identifier = IdentifierGenerator.hex(byteCount: 16)
        var trailer = "trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R"
        if let info { trailer += " /Info \(info) 0 R" }
        trailer += " /ID [<\(identifier)> <\(identifier)>] >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        output.append(contentsOf: Array((table + trailer).utf8))
        return output
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
