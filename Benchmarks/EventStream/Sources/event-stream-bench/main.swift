import BindgenRuntime
import Foundation

// A deterministic stream shaped like an LLM completion stream: `event`, `id` and one or two JSON `data` lines per
// event, CRLF and LF endings, a comment now and then. Fed in 16 KiB chunks (a transport's buffer size), alternating
// the baseline and the parser, five runs each; prints medians.

let targetBytes = (Int(CommandLine.arguments.dropFirst().first ?? "") ?? 64) * 1024 * 1024
var stream: [UInt8] = []
stream.reserveCapacity(targetBytes + 1024)
var index = 0
while stream.count < targetBytes {
    let ending = index % 3 == 0 ? "\r\n" : "\n"
    var block = "event: completion.delta\(ending)id: evt_\(index)\(ending)"
    block += "data: {\"id\":\"cmpl_\(index)\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok\\u00e9n \(index) ✓\"}}]}\(ending)"
    if index % 4 == 0 { block += "data: {\"usage\":{\"tokens\":\(index)}}\(ending)" }
    if index % 10 == 0 { block += ": keep-alive\(ending)" }
    block += ending
    stream += Array(block.utf8)
    index += 1
}
let chunkSize = 16 * 1024
let chunks = stride(from: 0, to: stream.count, by: chunkSize).map { stream[$0..<min($0 + chunkSize, stream.count)] }

func baseline() -> Int {
    var lineFeeds = 0
    for chunk in chunks { for byte in chunk where byte == 0x0A { lineFeeds += 1 } }
    return lineFeeds
}

nonisolated(unsafe) var dataBytes = 0   // keeps the decoded data alive for the optimizer

func parse() -> Int {
    var parser = ServerSentEventParser()
    var events = 0
    var bytes = 0
    for chunk in chunks {
        for event in parser.parse(chunk) { events += 1; bytes &+= event.data.utf8.count }
    }
    parser.finish()
    dataBytes = bytes
    return events
}

func seconds(_ work: () -> Int) -> (Double, Int) {
    let start = ContinuousClock.now
    let result = work()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, result)
}

var baselineTimes: [Double] = []
var parserTimes: [Double] = []
var checks = (0, 0)
for _ in 0..<5 {
    let (b, lines) = seconds(baseline)
    let (p, events) = seconds(parse)
    baselineTimes.append(b)
    parserTimes.append(p)
    checks = (lines, events)
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let megabytes = Double(stream.count) / 1_048_576
let baselineRate = megabytes / median(baselineTimes)
let parserRate = megabytes / median(parserTimes)
print(String(format: "stream: %.1f MiB, %d events, %d line feeds, 16 KiB chunks, 5 runs each (A B A B)", megabytes, index, checks.0))
print(String(format: "baseline (read every byte, count LF): median %.1f ms, %.0f MiB/s", median(baselineTimes) * 1000, baselineRate))
print(String(format: "ServerSentEventParser:                median %.1f ms, %.0f MiB/s (%.2f× the baseline's time)",
             median(parserTimes) * 1000, parserRate, median(parserTimes) / median(baselineTimes)))
if checks.1 != index { print("error: parsed \(checks.1) events, wrote \(index)"); exit(1) }
