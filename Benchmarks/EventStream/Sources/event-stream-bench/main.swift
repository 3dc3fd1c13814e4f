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

// The typed paths of generated methods: the same completions, one JSON `data` per event, read as
// `ServerSentEventStream<Completion>` and, written one per line, as `JSONValueStream<Completion>` (JSON Lines), from
// the same 16 KiB chunks; beside decoding the same JSON texts straight from an array with JSONDecoder.
struct Completion: Decodable, Sendable {
    struct Choice: Decodable, Sendable {
        struct Delta: Decodable, Sendable { var content: String }
        var index: Int
        var delta: Delta
    }
    var id: String
    var choices: [Choice]
}
let (texts, typedEvents, typedLines) = { () -> ([Data], [UInt8], [UInt8]) in
    var texts: [Data] = [], events: [UInt8] = [], lines: [UInt8] = []
    while events.count < targetBytes {
        let json = "{\"id\":\"cmpl_\(texts.count)\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok\\u00e9n \(texts.count) ✓\"}}]}"
        texts.append(Data(json.utf8))
        events += Array("event: completion.delta\nid: evt_\(texts.count)\ndata: \(json)\n\n".utf8)
        lines += Array("\(json)\n".utf8)
    }
    return (texts, events, lines)
}()
func chunked(_ bytes: [UInt8]) -> [Data] {
    stride(from: 0, to: bytes.count, by: chunkSize).map { Data(bytes[$0..<min($0 + chunkSize, bytes.count)]) }
}
let eventChunks = chunked(typedEvents)
let lineChunks = chunked(typedLines)
let decoder = JSONDecoder()
let decode: @Sendable (Data) throws(ClientError) -> Completion = { data throws(ClientError) in
    do { return try decoder.decode(Completion.self, from: data) } catch { throw .invalidRequest("\(error)") }
}

func directDecode() -> Int {
    var count = 0
    for text in texts where (try? decoder.decode(Completion.self, from: text)) != nil { count += 1 }
    return count
}

func typedEventStream() async -> Int {
    var count = 0
    let stream = ServerSentEventStream(body: ResponseBodyStream(chunks: eventChunks)) { text throws(ClientError) in try decode(Data(text.utf8)) }
    do { for try await _ in stream { count += 1 } } catch { print("error: \(error)") }
    return count
}

func typedLineStream() async -> Int {
    var count = 0
    do { for try await _ in JSONValueStream(body: ResponseBodyStream(chunks: lineChunks), framing: .lines, decode: decode) { count += 1 } }
    catch { print("error: \(error)") }
    return count
}

func asyncSeconds(_ work: () async -> Int) async -> (Double, Int) {
    let start = ContinuousClock.now
    let result = await work()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, result)
}

var directTimes: [Double] = [], eventTimes: [Double] = [], lineTimes: [Double] = []
var typedChecks = (0, 0, 0)
for _ in 0..<5 {
    let (d, decoded) = seconds(directDecode)
    let (e, events) = await asyncSeconds(typedEventStream)
    let (l, lines) = await asyncSeconds(typedLineStream)
    directTimes.append(d); eventTimes.append(e); lineTimes.append(l)
    typedChecks = (decoded, events, lines)
}
let megabytes = Double(stream.count) / 1_048_576
let baselineRate = megabytes / median(baselineTimes)
let parserRate = megabytes / median(parserTimes)
print(String(format: "stream: %.1f MiB, %d events, %d line feeds, 16 KiB chunks, 5 runs each (A B A B)", megabytes, index, checks.0))
print(String(format: "baseline (read every byte, count LF): median %.1f ms, %.0f MiB/s", median(baselineTimes) * 1000, baselineRate))
print(String(format: "ServerSentEventParser:                median %.1f ms, %.0f MiB/s (%.2f× the baseline's time)",
             median(parserTimes) * 1000, parserRate, median(parserTimes) / median(baselineTimes)))
if checks.1 != index { print("error: parsed \(checks.1) events, wrote \(index)"); exit(1) }
let eventMegabytes = Double(typedEvents.count) / 1_048_576
let lineMegabytes = Double(typedLines.count) / 1_048_576
print(String(format: "typed: %d completions; %.1f MiB as events, %.1f MiB as JSON Lines, 16 KiB chunks, 5 runs each", texts.count, eventMegabytes, lineMegabytes))
print(String(format: "baseline (JSONDecoder on each text):   median %.1f ms", median(directTimes) * 1000))
print(String(format: "ServerSentEventStream<Completion>:      median %.1f ms, %.0f MiB/s (%.2f× the baseline's time)",
             median(eventTimes) * 1000, eventMegabytes / median(eventTimes), median(eventTimes) / median(directTimes)))
print(String(format: "JSONValueStream<Completion> (lines):    median %.1f ms, %.0f MiB/s (%.2f× the baseline's time)",
             median(lineTimes) * 1000, lineMegabytes / median(lineTimes), median(lineTimes) / median(directTimes)))
if typedChecks.0 != texts.count || typedChecks.1 != texts.count || typedChecks.2 != texts.count {
    print("error: decoded \(typedChecks), wrote \(texts.count)"); exit(1)
}
