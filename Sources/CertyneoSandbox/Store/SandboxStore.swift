import Foundation

/// All sandbox state, in memory: accounts, keys, documents, envelopes, webhooks and sign tokens.
///
/// Every resource belongs to one account; a caller only ever sees its own account's resources.
actor SandboxStore {
    /// What authentication found for a presented secret.
    enum Authentication: Sendable {
        case valid(Caller)
        case revoked
        case unknown
    }

    var accounts: [Int: AccountRecord] = [:]
    var keys = OrderedRecords<APIKeyRecord>()
    var keyIDsBySecret: [String: String] = [:]
    var revokedSecrets: Set<String> = []
    var documents = OrderedRecords<DocumentRecord>()
    var envelopes = OrderedRecords<EnvelopeRecord>()
    var webhooks = OrderedRecords<WebhookRecord>()
    /// Sign token → (envelope id, recipient id).
    var signTokens: [String: (envelopeID: String, recipientID: String)] = [:]
    /// `http://127.0.0.1:PORT`, the origin of the `signUrl`s; set once the port is bound.
    var publicOrigin = "http://127.0.0.1"
    /// Webhook events waiting for delivery, rotated secrets and the delivery log.
    var webhookOutbox = WebhookOutbox()

    /// Creates account 1 with its first key.
    init(initialSecret: String) {
        let account = AccountRecord(id: 1, name: "Sandbox account", email: "owner@sandbox.certyneo.test")
        accounts[account.id] = account
        let key = APIKeyRecord(
            id: IdentifierGenerator.make(.apiKey), accountID: account.id, name: "Sandbox key", environment: "test",
            secret: initialSecret, createdAt: Date()
        )
        keys.insert(key)
        keyIDsBySecret[initialSecret] = key.id
    }

    func setPublicOrigin(_ origin: String) {
        publicOrigin = origin
    }

    /// Looks a presented secret up and stamps the key's `lastUsedAt`.
    func authenticate(secret: String) -> Authentication {
        if revokedSecrets.contains(secret) { return .revoked }
        guard let id = keyIDsBySecret[secret], var key = keys[id] else { return .unknown }
        key.lastUsedAt = Date()
        keys[id] = key
        return .valid(Caller(accountID: key.accountID, keyID: key.id, keyName: key.name))
    }

    // MARK: API keys

    func createKey(_ caller: Caller, draft: APIKeyDraft) -> APIKeyRecord {
        var secret = IdentifierGenerator.testSecretKey()
        while keyIDsBySecret[secret] != nil || revokedSecrets.contains(secret) {
            secret = IdentifierGenerator.testSecretKey()
        }
        let key = APIKeyRecord(
            id: IdentifierGenerator.make(.apiKey), accountID: caller.accountID, name: draft.name, environment: "test",
            secret: secret, createdAt: Date()
        )
        keys.insert(key)
        keyIDsBySecret[secret] = key.id
        return key
    }

    func listKeys(_ caller: Caller, page: PageRequest) throws -> Page<APIKeyRecord> {
        try Page.slice(keys.newestFirst.filter { $0.accountID == caller.accountID }, id: \.id, request: page)
    }

    /// Revokes a key at once: its next request answers 401.
    func revokeKey(_ caller: Caller, id: String) throws {
        guard let key = keys[id], key.accountID == caller.accountID else {
            throw Problem.notFound("No API key \(id) in this account.")
        }
        keys[id] = nil
        keyIDsBySecret[key.secret] = nil
        revokedSecrets.insert(key.secret)
    }

    // MARK: Webhooks

    func createWebhook(_ caller: Caller, draft: WebhookDraft) -> WebhookRecord {
        let webhook = WebhookRecord(
            id: IdentifierGenerator.make(.webhook), accountID: caller.accountID, url: draft.url, events: draft.events,
            description: draft.description, secret: IdentifierGenerator.webhookSecret(), createdAt: Date()
        )
        webhooks.insert(webhook)
        return webhook
    }

    func listWebhooks(_ caller: Caller, page: PageRequest) throws -> Page<WebhookRecord> {
        try Page.slice(webhooks.newestFirst.filter { $0.accountID == caller.accountID }, id: \.id, request: page)
    }

    func deleteWebhook(_ caller: Caller, id: String) throws {
        guard let webhook = webhooks[id], webhook.accountID == caller.accountID else {
            throw Problem.notFound("No webhook \(id) in this account.")
        }
        webhooks[id] = nil
    }

    // MARK: Helpers shared by the extensions

    func account(of caller: Caller) -> AccountRecord {
        accounts[caller.accountID] ?? AccountRecord(id: caller.accountID, name: "Account \(caller.accountID)", email: "unknown@sandbox.certyneo.test")
    }

    /// The documents of `envelope` that still exist, by id.
    func documentsByID(of envelope: EnvelopeRecord) -> [String: DocumentRecord] {
        var found: [String: DocumentRecord] = [:]
        for id in envelope.documentIDs {
            if let document = documents[id], document.accountID == envelope.accountID {
                found[id] = document
            }
        }
        return found
    }
}
