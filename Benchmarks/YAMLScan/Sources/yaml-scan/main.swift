// yaml-scan FILE [--repeat N]
//
// Reads FILE and runs libyaml over it without building a tree, N times (default 1). Prints one line:
//   events <count> bytes <size> scan-ms <median of the in-process read+scan times>
// The harness also times the whole process, which is what it compares the generators against.
import Foundation
import YAMLSource

var arguments = Array(CommandLine.arguments.dropFirst())
var repeatCount = 1
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
    repeatCount = max(1, value)
    arguments.removeSubrange(index...(index + 1))
}
guard arguments.count == 1 else {
    FileHandle.standardError.write(Data("usage: yaml-scan FILE [--repeat N]\n".utf8))
    exit(2)
}

let path = arguments[0]
var samples: [Double] = []
var events = 0
var size = 0
for _ in 0..<repeatCount {
    let start = ContinuousClock.now
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("yaml-scan: cannot read \(path)\n".utf8))
        exit(1)
    }
    let bytes = [UInt8](data)
    do {
        events = try YAMLReader.countEvents(bytes)
    } catch {
        FileHandle.standardError.write(Data("yaml-scan: \(path): \(error.message)\n".utf8))
        exit(1)
    }
    let elapsed = ContinuousClock.now - start
    samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    size = bytes.count
}
samples.sort()
let median = samples.count % 2 == 1
    ? samples[samples.count / 2] : (samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2
print("events \(events) bytes \(size) scan-ms \(String(format: "%.2f", median))")
