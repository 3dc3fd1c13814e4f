import ArgumentParser
import Foundation

@main
struct CertyneoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certyneo",
        abstract: "The Certyneo e-signature API from the command line, with a local sandbox.",
        subcommands: [Quickstart.self, Sandbox.self, Webhooks.self])
}

/// Writes one line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
