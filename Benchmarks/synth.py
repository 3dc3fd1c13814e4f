#!/usr/bin/env python3
"""Writes a synthetic OpenAPI 3.0 document with exactly N operations, deterministically.

    python3 Benchmarks/synth.py --operations 500 --output synthetic-500.yaml [--without oneOf,allOf]

The same arguments always give the same bytes (no clock, no hash seeds, no random module: a small
linear congruential generator of our own drives every choice). The document looks like a REST API of
resources in the style of large public APIs: each resource has list / create / retrieve / update /
delete operations (and, for some, an action such as `POST /v1/things/{id}/cancel`), and its schemas use
the constructs a generator has to handle:

- nested inline objects (three levels deep), maps (`additionalProperties`), arrays of objects and of refs;
- string enums (inline and as components), integer and number formats, date-time strings, nullable fields;
- `allOf` (every resource extends a shared `BaseObject`; list envelopes extend `ListMeta`);
- `oneOf` (a payment-source union with a discriminator, and expandable `string | Resource` references);
- `$ref`s between resources, to shared components, to parameters and to responses;
- path, query and header parameters, JSON request bodies, error responses with a shared `Error` schema.

`--without` drops constructs, for a variant that a generator can compile when the full document fails:
`oneOf` (unions become their first alternative), `allOf` (the base's properties are inlined), `enum`
(enums become plain strings), `nested` (inline objects become maps of strings), `nullable`.
"""

import argparse
import sys

CONSTRUCTS = ("oneOf", "allOf", "enum", "nested", "nullable")

NOUNS = [
    "account", "invoice", "customer", "payment", "refund", "dispute", "payout", "transfer", "product",
    "price", "coupon", "discount", "order", "shipment", "subscription", "plan", "quote", "receipt",
    "charge", "balance", "review", "session", "token", "webhook", "report", "file", "person", "card",
    "mandate", "source", "terminal", "reader", "location", "tax_rate", "credit_note", "promotion",
    "schedule", "meter", "event", "application",
]
QUALIFIERS = [
    "", "item", "line", "batch", "link", "setting", "intent", "attempt", "record", "summary", "rule",
    "profile", "entry", "group", "version", "snapshot", "export", "import", "template", "policy",
]
STATUS_WORDS = [
    "draft", "open", "pending", "active", "paused", "canceled", "failed", "succeeded", "expired",
    "archived", "processing", "requires_action", "requires_confirmation", "void", "uncollectible",
]
CURRENCIES = ["usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "sek", "nok", "dkk"]
ACTIONS = ["cancel", "confirm", "capture", "finalize", "archive", "resume", "verify", "approve"]
FIELD_WORDS = [
    "label", "reference", "nickname", "statement_descriptor", "note", "external_id", "category",
    "locale", "country", "region", "channel", "origin", "purpose", "tier", "code",
]

LOREM = (
    "This object represents a resource of the platform. It is returned by the list and retrieve "
    "operations and updated through the update operation; fields that are not set are left unchanged. "
    "See the guides for the lifecycle of the object and the events it emits."
)


class Rng:
    """A 32-bit linear congruential generator: the same seed always gives the same sequence."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return self.state >> 8

    def below(self, n):
        return self.next() % n

    def chance(self, percent):
        return self.below(100) < percent

    def pick(self, items):
        return items[self.below(len(items))]

    def sample(self, items, k):
        pool = list(items)
        out = []
        for _ in range(min(k, len(pool))):
            out.append(pool.pop(self.below(len(pool))))
        return out


def camel(snake):
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_") if part)


# MARK: YAML output (block style; strings are JSON-quoted, which is valid YAML)

def quote(text):
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


PLAIN_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def scalar(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if (text and set(text) <= PLAIN_SAFE and text.lower() not in RESERVED and not text[0].isdigit()
            and text[0] not in "-."):
        return text
    return quote(text)


def emit(value, indent, lines):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            lines[-1] += " {}"
            return
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append("%s%s:" % (pad, scalar(key)))
                emit(item, indent + 1, lines)
            elif isinstance(item, dict):
                lines.append("%s%s: {}" % (pad, scalar(key)))
            elif isinstance(item, list):
                lines.append("%s%s: []" % (pad, scalar(key)))
            else:
                lines.append("%s%s: %s" % (pad, scalar(key), scalar(item)))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                first = True
                sub = []
                emit(item, 0, sub)
                for line in sub:
                    lines.append("%s%s%s" % (pad, "- " if first else "  ", line))
                    first = False
            elif isinstance(item, list) and item:
                lines.append("%s-" % pad)
                emit(item, indent + 1, lines)
            else:
                lines.append("%s- %s" % (pad, scalar(item)))


def to_yaml(document):
    lines = []
    emit(document, 0, lines)
    return "\n".join(lines) + "\n"


# MARK: The document

class Synth:
    def __init__(self, operations, without):
        self.operations = operations
        self.without = set(without)
        self.rng = Rng(0x5EED + operations)
        self.schemas = {}
        self.paths = {}

    def has(self, construct):
        return construct not in self.without

    def ref(self, name):
        return {"$ref": "#/components/schemas/%s" % name}

    def string_enum(self, values, description=None):
        schema = {"type": "string"}
        if description:
            schema["description"] = description
        if self.has("enum"):
            schema["enum"] = list(values)
        return schema

    def nullable(self, schema):
        if self.has("nullable"):
            schema = dict(schema)
            schema["nullable"] = True
        return schema

    def one_of(self, alternatives, discriminator=None):
        if not self.has("oneOf"):
            return alternatives[0]
        schema = {"oneOf": alternatives}
        if discriminator:
            schema["discriminator"] = discriminator
        return schema

    def inline_object(self, properties, required=None, description=None):
        if not self.has("nested"):
            return {"type": "object", "additionalProperties": {"type": "string"}}
        schema = {"type": "object"}
        if description:
            schema["description"] = description
        schema["properties"] = properties
        if required:
            schema["required"] = required
        return schema

    def extends(self, base, properties, required, description):
        """`allOf: [base, {own properties}]`, or the base's properties copied in without allOf."""
        if self.has("allOf"):
            own = {"type": "object", "properties": properties}
            if required:
                own["required"] = required
            return {"description": description, "allOf": [self.ref(base), own]}
        merged = dict(self.schemas[base]["properties"])
        merged.update(properties)
        schema = {"type": "object", "description": description, "properties": merged}
        schema["required"] = list(self.schemas[base].get("required", [])) + list(required or [])
        return schema

    # Shared components

    def shared(self):
        s = self.schemas
        s["BaseObject"] = {
            "type": "object",
            "description": "Fields every resource has.",
            "properties": {
                "id": {"type": "string", "description": "Unique identifier for the object."},
                "object": {"type": "string", "description": "String representing the object's type."},
                "created": {"type": "integer", "format": "int64", "description": "Time at which the object was created, in seconds since the Unix epoch."},
                "livemode": {"type": "boolean"},
                "metadata": self.ref("Metadata"),
            },
            "required": ["id", "object", "created", "livemode"],
        }
        s["Metadata"] = {
            "type": "object",
            "description": "Set of key-value pairs that you can attach to an object.",
            "additionalProperties": {"type": "string", "maxLength": 500},
        }
        s["Currency"] = self.string_enum(CURRENCIES, "Three-letter ISO currency code, in lowercase.")
        s["Money"] = {
            "type": "object",
            "properties": {
                "amount": {"type": "integer", "format": "int64", "description": "Amount in the smallest currency unit."},
                "currency": self.ref("Currency"),
                "exchange_rate": self.nullable({"type": "number", "format": "double"}),
            },
            "required": ["amount", "currency"],
        }
        s["Address"] = {
            "type": "object",
            "properties": {
                "line1": {"type": "string"},
                "line2": self.nullable({"type": "string"}),
                "city": {"type": "string"},
                "postal_code": {"type": "string"},
                "country": {"type": "string", "minLength": 2, "maxLength": 2},
                "geo": self.inline_object({
                    "latitude": {"type": "number", "format": "double"},
                    "longitude": {"type": "number", "format": "double"},
                }),
            },
        }
        s["ListMeta"] = {
            "type": "object",
            "description": "A page of a list.",
            "properties": {
                "object": self.string_enum(["list"]),
                "has_more": {"type": "boolean", "description": "True if this list has another page of items after this one."},
                "url": {"type": "string", "description": "The URL where this list can be accessed."},
                "total_count": self.nullable({"type": "integer"}),
            },
            "required": ["object", "has_more", "url"],
        }
        s["Error"] = {
            "type": "object",
            "description": "An error returned by the API.",
            "properties": {
                "error": self.inline_object({
                    "type": self.string_enum(["api_error", "card_error", "idempotency_error", "invalid_request_error"]),
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "param": self.nullable({"type": "string"}),
                    "details": {"type": "array", "items": self.inline_object({
                        "field": {"type": "string"},
                        "reason": {"type": "string"},
                    })},
                }, required=["type", "message"]),
            },
            "required": ["error"],
        }
        s["CardSource"] = {
            "type": "object",
            "properties": {
                "type": self.string_enum(["card"]),
                "brand": self.string_enum(["visa", "mastercard", "amex", "discover", "unknown"]),
                "last4": {"type": "string"},
                "exp_month": {"type": "integer", "format": "int32"},
                "exp_year": {"type": "integer", "format": "int32"},
                "checks": self.inline_object({
                    "cvc": self.string_enum(["pass", "fail", "unchecked"]),
                    "address": self.string_enum(["pass", "fail", "unchecked"]),
                }),
            },
            "required": ["type", "last4"],
        }
        s["BankSource"] = {
            "type": "object",
            "properties": {
                "type": self.string_enum(["bank_account"]),
                "bank_name": {"type": "string"},
                "routing_number": {"type": "string"},
                "last4": {"type": "string"},
                "account_holder": self.inline_object({
                    "name": {"type": "string"},
                    "kind": self.string_enum(["individual", "company"]),
                    "address": self.ref("Address"),
                }),
            },
            "required": ["type", "last4"],
        }
        s["WalletSource"] = {
            "type": "object",
            "properties": {
                "type": self.string_enum(["wallet"]),
                "provider": self.string_enum(["apple_pay", "google_pay", "link"]),
                "dynamic_last4": self.nullable({"type": "string"}),
            },
            "required": ["type", "provider"],
        }
        s["PaymentSource"] = self.one_of(
            [self.ref("CardSource"), self.ref("BankSource"), self.ref("WalletSource")],
            discriminator={
                "propertyName": "type",
                "mapping": {
                    "card": "#/components/schemas/CardSource",
                    "bank_account": "#/components/schemas/BankSource",
                    "wallet": "#/components/schemas/WalletSource",
                },
            },
        )

    # One resource: its schemas and operations

    def resource_names(self, count):
        names = []
        seen = set()
        index = 0
        while len(names) < count:
            noun = NOUNS[index % len(NOUNS)]
            qualifier = QUALIFIERS[(index // len(NOUNS)) % len(QUALIFIERS)]
            round_ = index // (len(NOUNS) * len(QUALIFIERS))
            name = noun if not qualifier else "%s_%s" % (noun, qualifier)
            if round_:
                name = "%s_v%d" % (name, round_ + 1)
            if name not in seen:
                seen.add(name)
                names.append(name)
            index += 1
        return names

    def resource_schemas(self, name, others):
        rng = self.rng
        type_name = camel(name)
        statuses = rng.sample(STATUS_WORDS, 3 + rng.below(5))
        extra = rng.sample(FIELD_WORDS, 2 + rng.below(4))

        item = {
            "type": "object",
            "description": "A line of a %s." % name.replace("_", " "),
            "properties": {
                "id": {"type": "string"},
                "quantity": {"type": "integer", "format": "int32", "minimum": 1},
                "unit_amount": self.ref("Money"),
                "description": self.nullable({"type": "string"}),
                "kind": self.string_enum(rng.sample(["fixed", "metered", "tiered", "one_time", "recurring"], 3)),
                "discounts": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["id", "quantity"],
        }
        self.schemas["%sItem" % type_name] = item

        properties = {
            "status": self.string_enum(statuses, "The status of the %s." % name.replace("_", " ")),
            "amount": self.ref("Money"),
            "description": self.nullable({"type": "string", "maxLength": 5000}),
            "items": {"type": "array", "items": self.ref("%sItem" % type_name)},
            "tags": {"type": "array", "items": {"type": "string"}},
            "updated_at": {"type": "string", "format": "date-time"},
            "owner": self.inline_object({
                "email": {"type": "string", "format": "email"},
                "name": self.nullable({"type": "string"}),
                "address": self.ref("Address"),
                "preferences": self.inline_object({
                    "language": {"type": "string"},
                    "notifications": self.inline_object({
                        "email": {"type": "boolean"},
                        "sms": {"type": "boolean"},
                        "frequency": self.string_enum(["immediate", "daily", "weekly"]),
                    }),
                }),
            }, required=["email"]),
        }
        for word in extra:
            properties[word] = {"type": "string"}
        if rng.chance(60):
            properties["source"] = self.ref("PaymentSource")
        if rng.chance(50):
            properties["ratio"] = {"type": "number", "format": "float"}
        if rng.chance(40):
            properties["attributes"] = {"type": "object", "additionalProperties": {"type": "integer"}}
        if others:
            related = others[rng.below(len(others))]
            properties["related_%s" % related] = self.one_of(
                [{"type": "string", "description": "The ID of the related object."}, self.ref(camel(related))])
            if rng.chance(50):
                properties["%s_history" % related] = {
                    "type": "array", "items": self.ref(camel(related)), "description": "Earlier versions of the related object.",
                }
        required = ["status", "amount"] + ([extra[0]] if rng.chance(50) else [])
        self.schemas[type_name] = self.extends("BaseObject", properties, required, LOREM)

        self.schemas["%sList" % type_name] = self.extends(
            "ListMeta", {"data": {"type": "array", "items": self.ref(type_name)}}, ["data"],
            "A page of %s objects." % name.replace("_", " "))

        create_properties = {
            "amount": self.ref("Money"),
            "description": {"type": "string"},
            "items": {"type": "array", "items": self.inline_object({
                "quantity": {"type": "integer"},
                "unit_amount": {"type": "integer", "format": "int64"},
                "kind": self.string_enum(["fixed", "metered"]),
            }, required=["quantity"])},
            "metadata": self.ref("Metadata"),
            "owner": self.inline_object({"email": {"type": "string"}, "address": self.ref("Address")}, required=["email"]),
        }
        for word in extra:
            create_properties[word] = {"type": "string"}
        self.schemas["%sCreateRequest" % type_name] = {
            "type": "object", "properties": create_properties, "required": ["amount"],
        }
        self.schemas["%sUpdateRequest" % type_name] = {
            "type": "object",
            "properties": {
                "description": {"type": "string"},
                "metadata": self.ref("Metadata"),
                "status": self.string_enum(statuses),
                "tags": {"type": "array", "items": {"type": "string"}},
            },
        }
        return statuses

    def json_body(self, schema, description):
        return {"description": description, "content": {"application/json": {"schema": schema}}}

    def operations_for(self, name, statuses):
        rng = self.rng
        type_name = camel(name)
        plural = name + "s"
        collection = "/v1/%s" % plural
        item_path = "/v1/%s/{id}" % plural
        errors = {"default": {"$ref": "#/components/responses/ErrorResponse"}}
        id_param = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "description": "The identifier of the %s." % name.replace("_", " ")}
        ops = []

        list_params = [
            {"$ref": "#/components/parameters/Limit"},
            {"$ref": "#/components/parameters/StartingAfter"},
            {"name": "status", "in": "query", "required": False, "schema": self.string_enum(statuses)},
            {"name": "created_after", "in": "query", "required": False, "schema": {"type": "integer", "format": "int64"}},
            {"name": "expand", "in": "query", "required": False, "style": "form", "explode": True, "schema": {"type": "array", "items": {"type": "string"}}},
        ]
        ops.append((collection, "get", {
            "operationId": "list%ss" % type_name,
            "summary": "List all %ss" % name.replace("_", " "),
            "description": "Returns a page of %s objects, most recent first." % name.replace("_", " "),
            "tags": [type_name],
            "parameters": list_params,
            "responses": dict({"200": self.json_body(self.ref("%sList" % type_name), "A page of objects.")}, **errors),
        }))
        ops.append((collection, "post", {
            "operationId": "create%s" % type_name,
            "summary": "Create a %s" % name.replace("_", " "),
            "tags": [type_name],
            "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
            "requestBody": dict(self.json_body(self.ref("%sCreateRequest" % type_name), "The new object."), required=True),
            "responses": dict({"201": self.json_body(self.ref(type_name), "The created object.")}, **errors),
        }))
        ops.append((item_path, "get", {
            "operationId": "retrieve%s" % type_name,
            "summary": "Retrieve a %s" % name.replace("_", " "),
            "tags": [type_name],
            "parameters": [id_param],
            "responses": dict({
                "200": self.json_body(self.ref(type_name), "The object."),
                "404": {"$ref": "#/components/responses/NotFound"},
            }, **errors),
        }))
        ops.append((item_path, "patch", {
            "operationId": "update%s" % type_name,
            "summary": "Update a %s" % name.replace("_", " "),
            "tags": [type_name],
            "parameters": [id_param, {"$ref": "#/components/parameters/IdempotencyKey"}],
            "requestBody": dict(self.json_body(self.ref("%sUpdateRequest" % type_name), "The fields to change."), required=True),
            "responses": dict({"200": self.json_body(self.ref(type_name), "The updated object.")}, **errors),
        }))
        ops.append((item_path, "delete", {
            "operationId": "delete%s" % type_name,
            "summary": "Delete a %s" % name.replace("_", " "),
            "tags": [type_name],
            "parameters": [id_param],
            "responses": dict({"200": self.json_body(self.inline_object({
                "id": {"type": "string"},
                "deleted": {"type": "boolean"},
            }, required=["id", "deleted"]), "The object was deleted.")}, **errors),
        }))
        if rng.chance(50):
            action = rng.pick(ACTIONS)
            ops.append((item_path + "/" + action, "post", {
                "operationId": "%s%s" % (action, type_name),
                "summary": "%s a %s" % (action.capitalize(), name.replace("_", " ")),
                "tags": [type_name],
                "parameters": [id_param],
                "requestBody": self.json_body(self.inline_object({
                    "reason": self.string_enum(["requested_by_customer", "duplicate", "fraudulent", "other"]),
                    "comment": {"type": "string"},
                }), "Why."),
                "responses": dict({"200": self.json_body(self.ref(type_name), "The object after the action.")}, **errors),
            }))
        return ops

    def build(self):
        self.shared()
        # Each resource gives 5 or 6 operations; make enough resources, then keep exactly N operations.
        names = self.resource_names(self.operations // 5 + 1)
        collected = []
        used = []
        for index, name in enumerate(names):
            if len(collected) >= self.operations:
                break
            statuses = self.resource_schemas(name, used[-8:])
            collected.extend(self.operations_for(name, statuses))
            used.append(name)
        for path, method, operation in collected[: self.operations]:
            self.paths.setdefault(path, {})[method] = operation
        return {
            "openapi": "3.0.3",
            "info": {
                "title": "Synthetic API (%d operations)" % self.operations,
                "version": "2024-01-01",
                "description": "Generated by Benchmarks/synth.py for the generator benchmarks.",
            },
            "servers": [{"url": "https://api.example.com"}],
            "security": [{"bearerAuth": []}],
            "paths": self.paths,
            "components": {
                "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
                "parameters": {
                    "Limit": {"name": "limit", "in": "query", "required": False, "description": "Between 1 and 100.", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
                    "StartingAfter": {"name": "starting_after", "in": "query", "required": False, "description": "A cursor for pagination.", "schema": {"type": "string"}},
                    "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "maxLength": 255}},
                },
                "responses": {
                    "ErrorResponse": self.json_body(self.ref("Error"), "An error."),
                    "NotFound": self.json_body(self.ref("Error"), "No such object."),
                },
                "schemas": self.schemas,
            },
        }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--operations", type=int, required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--without", default="", help="comma-separated constructs to leave out: " + ", ".join(CONSTRUCTS))
    args = parser.parse_args(argv)
    without = [item for item in args.without.split(",") if item]
    for item in without:
        if item not in CONSTRUCTS:
            parser.error("unknown construct %r (known: %s)" % (item, ", ".join(CONSTRUCTS)))
    if args.operations < 1:
        parser.error("--operations must be at least 1")
    document = Synth(args.operations, without).build()
    count = sum(len(methods) for methods in document["paths"].values())
    assert count == args.operations, (count, args.operations)
    with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(to_yaml(document))


if __name__ == "__main__":
    main(sys.argv[1:])
