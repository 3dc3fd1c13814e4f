import ArgumentParser

/// `certyneo webhooks …`: tools for the receiving end of Certyneo webhooks.
struct Webhooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Receive and inspect Certyneo webhooks (Standard Webhooks v1 signatures).",
        subcommands: [WebhooksListen.self])
}
