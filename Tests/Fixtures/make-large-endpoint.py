#!/usr/bin/env python3
"""Writes LargeEndpoint/openapi.yaml: 700 operations, more than Swift's switch exhaustiveness check handles
in its budget (~600 cases), with path parameters that are a oneOf of scalars (integer or string).

Deterministic; rerun after editing: python3 Tests/Fixtures/make-large-endpoint.py
"""
import os

COUNT = 700
lines = [
    "# 700 operations: every switch over Endpoint must compile, and path parameters that are a oneOf of",
    "# scalars must be usable in a path. Written by Tests/Fixtures/make-large-endpoint.py; do not edit.",
    "openapi: 3.1.0",
    "info: {title: Large endpoint, version: '1'}",
    "components:",
    "  schemas:",
    "    ResourceID: {oneOf: [{type: integer}, {type: string}]}",
    "    Note:",
    "      type: object",
    "      required: [text]",
    "      properties: {text: {type: string}}",
    "paths:",
]
for index in range(COUNT - 1):
    if index % 100 == 0:
        # An inline oneOf, as DigitalOcean writes its `ssh_key_identifier`.
        schema = "{oneOf: [{type: integer}, {type: string}]}"
    else:
        schema = "{$ref: '#/components/schemas/ResourceID'}"
    lines.append(
        f"  /resources{index}/{{id}}: {{get: {{operationId: getResource{index}, parameters: "
        f"[{{name: id, in: path, required: true, schema: {schema}}}], "
        f"responses: {{'200': {{description: OK}}}}}}}}")
# The last operation (its case is the `default:` of every switch) binds a path, a query and a body.
lines += [
    "  /notes/{id}:",
    "    post:",
    "      operationId: addNote",
    "      parameters:",
    "        - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/ResourceID'}}",
    "        - {name: tag, in: query, schema: {type: string}}",
    "      requestBody:",
    "        required: true",
    "        content:",
    "          application/json: {schema: {$ref: '#/components/schemas/Note'}}",
    "      responses:",
    "        '201': {description: Created.}",
]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "LargeEndpoint", "openapi.yaml")
with open(path, "w") as handle:
    handle.write("\n".join(lines) + "\n")
