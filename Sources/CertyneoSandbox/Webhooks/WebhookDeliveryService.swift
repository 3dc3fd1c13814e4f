import BindgenRuntime
import Foundation
import HTTPTypes
import ServiceLifecycle
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Delivers published webhook events: one POST per event and subscribed webhook, signed with the
/// Standard Webhooks v1 scheme (``WebhookSigner``), retried on the configured schedule until a
/// 2xx answer. Every attempt of an event carries the same `webhook-id` (the event id) and a fresh
/// `webhook-timestamp`; during a secret rotation it carries both signatures. Only loopback URLs
/// are called unless ``WebhookDeliveryConfiguration/loopbackOnly`` is off.
struct WebhookDeliveryService: Service {
    let store: SandboxStore
    let configuration: WebhookDeliveryConfiguration
    let transport: any ClientTransport

    init(store: SandboxStore, configuration: WebhookDeliveryConfiguration) {
        self.store = store
        self.configuration = configuration
        let session = URLSessionConfiguration.ephemeral
        session.urlCache = nil
        session.httpCookieStorage = nil
        self.transport = URLSessionTransport(session: URLSession(configuration: session))
    }

    /// Runs until the service group shuts down; deliveries in flight or waiting to retry are
    /// abandoned then.
    func run() async throws {
        let events = await store.openWebhookStream()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for await event in events {
                    for webhookID in event.webhookIDs {
                        group.addTask { await deliver(event, to: webhookID) }
                    }
                }
                await group.waitForAll()
            }
        }
        await store.closeWebhookStream()
    }

    /// Tries until the receiver acknowledges, the schedule runs out, the webhook is deleted or the
    /// service stops.
    func deliver(_ event: WebhookEventRecord, to webhookID: String) async {
        var attempt = 1
        while !Task.isCancelled {
            guard let target = await store.webhookTarget(id: webhookID) else { break }
            // A host the sandbox refuses to call is recorded once, never retried.
            let refused = configuration.loopbackOnly && !(URL(string: target.url)?.host.map(Self.isLoopback) ?? false)
            let report = await send(event, to: target, webhookID: webhookID, attempt: attempt)
            guard !Task.isCancelled else { break }
            await store.recordDeliveryAttempt(report)
            guard !report.succeeded, !refused, let delay = configuration.retries.delay(afterAttempt: attempt) else { break }
            do { try await Task.sleep(for: delay) } catch { break }
            attempt += 1
        }
        await store.finishDelivery()
    }

    /// One signed POST.
    func send(_ event: WebhookEventRecord, to target: SandboxStore.WebhookTarget, webhookID: String, attempt: Int) async -> WebhookDeliveryAttempt {
        func report(status: Int?, failure: String?, signatures: Int) -> WebhookDeliveryAttempt {
            WebhookDeliveryAttempt(
                eventID: event.id, eventType: event.type, webhookID: webhookID, url: target.url, attempt: attempt,
                status: status, failure: failure, signatureCount: signatures, finishedAt: Date()
            )
        }
        let signer: WebhookSigner
        do {
            signer = try WebhookSigner(secrets: target.secrets)
        } catch {
            return report(status: nil, failure: "cannot sign: \(error)", signatures: 0)
        }
        guard let url = URL(string: target.url), let host = url.host else {
            return report(status: nil, failure: "not an absolute URL", signatures: 0)
        }
        // The sandbox only ever talks to this machine: deliveries to other hosts are recorded as failed, never sent.
        guard !configuration.loopbackOnly || Self.isLoopback(host) else {
            return report(status: nil, failure: "the sandbox delivers only to loopback hosts (127.0.0.0/8, localhost, ::1)", signatures: 0)
        }
        var fields = signer.headerFields(id: event.id, timestamp: WebhookSigner.timestamp(), body: event.body)
        fields[.contentType] = "application/json"
        fields[.userAgent] = "Certyneo-Sandbox-Webhooks/1.0"
        let request = HTTPRequest(method: .post, url: url, headerFields: fields)
        do {
            let (response, _) = try await transport.send(request, body: .data(event.body), timeout: configuration.attemptTimeout)
            return report(status: response.status.code, failure: nil, signatures: signer.secrets.count)
        } catch {
            return report(status: nil, failure: String(describing: error), signatures: signer.secrets.count)
        }
    }
}

extension WebhookDeliveryService {
    /// 127.0.0.0/8, `localhost` and `::1` (with or without brackets).
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".")
        return parts.count == 4 && parts.first == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
