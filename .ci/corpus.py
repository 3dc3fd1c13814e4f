#!/usr/bin/env python3
"""Generates Swift for every OpenAPI 3.x document of ../shared/specs, compiles each against BindgenRuntime in a
scratch package, and writes the table Tests/Corpus/RESULTS.md from that run.

    python3 .ci/corpus.py            # CI tier: every document but the six largest
    python3 .ci/corpus.py --all      # every document (the six largest add ~25 minutes of compiling on 2 cores)

Every JSON `example` the document gives for a component schema (on the schema itself, or on a request or response
body whose schema is a `$ref` to it, `examples` values included) is decoded into the generated type, encoded again
and compared with the original (members that are `null` or absent count as the same; date-times compare as
instants; UUIDs ignore case; members the schema does not declare are left out and counted); the table counts them
per document, and a failure fails the run.

The semantic round-trip oracle (.ci/oracle.py) does the same with instances hypothesis-jsonschema generates from each
component schema and inline JSON body schema (seeded; at most 25 schemas per document and 5 instances each in the CI
tier, every schema and 25 instances with --all), and checks that the encoded JSON satisfies the schema; exclusions
(the document's or hypothesis's limits) are counted by reason, any other failure fails the run.

    python3 .ci/corpus.py --only twilio-verify-v2.yaml      # one document (the table is not written)

Negative inputs (Swagger 2.0, no `openapi` field) must be refused; their exact diagnostics are asserted by
Tests/BindgenCoreTests/NegativeCorpusTests.swift. Exits 1 when a 3.x document fails to generate or to compile.
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPECS = os.path.normpath(os.path.join(ROOT, "..", "shared", "specs"))
LARGE = {"box-openapi.json", "kubernetes-v1.24-api-v1.openapi-v3.json", "stripe-spec3-2023-09.yaml",
         "twilio-api-v2010.json", "multifile/digitalocean/DigitalOcean-public.v2.yaml", "multifile/dropbox-sign/openapi.yaml"}


def documents():
    rows = []
    with open(os.path.join(SPECS, "INDEX.tsv"), newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.append((row["filename"], row.get("openapi_version", "")))
    names = {name for name, _ in rows}
    for extra in sorted(os.listdir(os.path.join(SPECS, "bugs"))):
        if f"bugs/{extra}" not in names:
            rows.append((f"bugs/{extra}", ""))
    # This repository's own shapes for the round-trip oracle (minimal schemas per fidelity question).
    for extra in sorted(os.listdir(os.path.join(ROOT, "Tests", "Corpus"))):
        if extra.endswith((".yaml", ".json")):
            document = load_document(os.path.join(ROOT, "Tests", "Corpus", extra)) or {}
            rows.append((f"Tests/Corpus/{extra}", str(document.get("openapi", ""))))
    return rows


def document_path(name):
    return os.path.join(ROOT, name) if name.startswith("Tests/Corpus/") else os.path.join(SPECS, name)


def is_negative(name, version):
    return version.startswith("Swagger") or version == "missing"


def target_name(name):
    return "C_" + re.sub(r"[^A-Za-z0-9]", "_", name)


def load_document(path):
    import yaml  # PyYAML: installed with openapi-spec-validator by .ci/setup
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        return json.loads(text) if path.endswith(".json") else yaml.safe_load(text)
    except Exception:  # the generator reports broken documents; examples are then just absent
        return None


def examples_of(document, base_dir="."):
    """(pointer of a component schema, example value) pairs from the document's root file.

    An Example Object's `value` given as `{$ref: examples/x.json}` (Dropbox Sign does this for every example) is
    read from that file, relative to the document."""
    if not isinstance(document, dict):
        return []
    components = document.get("components") or {}
    named = components.get("examples") or {}

    def external(literal):
        ref = literal.get("$ref") if isinstance(literal, dict) and len(literal) == 1 else None
        if not isinstance(ref, str) or ref.startswith("#") or "#" in ref:
            return literal
        loaded = load_document(os.path.join(base_dir, ref))
        return loaded if loaded is not None else literal

    def value(example):
        if isinstance(example, dict) and isinstance(example.get("$ref"), str) and example["$ref"].startswith("#/components/examples/"):
            target = named.get(example["$ref"].rsplit("/", 1)[1])
            return value(target) if target is not None else None
        return external(example.get("value")) if isinstance(example, dict) and "value" in example else None

    pairs = []
    schemas = components.get("schemas") or {}
    for name, schema in schemas.items():
        if not isinstance(schema, dict):
            continue
        pointer = "#/components/schemas/" + name.replace("~", "~0").replace("/", "~1")
        if isinstance(schema.get("example"), (dict, list)):
            pairs.append((pointer, schema["example"]))
        if isinstance(schema.get("examples"), list):
            pairs += [(pointer, item) for item in schema["examples"] if isinstance(item, (dict, list))]
    for item in (document.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            bodies = [operation.get("requestBody")] + list((operation.get("responses") or {}).values())
            for body in bodies:
                if not isinstance(body, dict):
                    continue
                for content_type, media in (body.get("content") or {}).items():
                    if not isinstance(media, dict) or "json" not in content_type:
                        continue
                    ref = (media.get("schema") or {}).get("$ref") if isinstance(media.get("schema"), dict) else None
                    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
                        continue
                    found = [media["example"]] if "example" in media else []
                    found += [value(example) for example in (media.get("examples") or {}).values()]
                    pairs += [(ref, example) for example in found if isinstance(example, (dict, list))]
    return pairs


def undeclared_pruned(example, schema, schemas, depth=0):
    """The example without object members its schema does not declare (a struct keeps only declared members), and
    how many were left out. Follows local `$ref`s and `allOf`; leaves `oneOf`/`anyOf`, maps and free-form objects as
    they are."""
    def resolve(node):
        for _ in range(32):
            if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/components/schemas/"):
                node = schemas.get(node["$ref"].rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~"), {})
            else:
                break
        return node if isinstance(node, dict) else {}

    schema = resolve(schema)
    if depth > 40:
        return example, 0
    if isinstance(example, list):
        items = schema.get("items")
        if not isinstance(items, dict):
            return example, 0
        pruned = [undeclared_pruned(item, items, schemas, depth + 1) for item in example]
        return [item for item, _ in pruned], sum(count for _, count in pruned)
    if not isinstance(example, dict) or schema.get("oneOf") or schema.get("anyOf"):
        return example, 0
    # Members declared by the schema and, recursively, by its `allOf` parts (Box: File--Full is allOf [File, …],
    # File is allOf [File--Mini, …]).
    properties, extra, union = {}, None, False

    def collect(node, level):
        nonlocal extra, union
        node = resolve(node)
        if level > 32:
            return
        if node.get("oneOf") or node.get("anyOf"):
            union = True
        for key, value in (node.get("properties") or {}).items():
            properties.setdefault(key, value)
        extra = node.get("additionalProperties", extra)
        for part in node.get("allOf") or []:
            collect(part, level + 1)

    collect(schema, 0)
    if union or not properties or extra not in (None, False):
        return example, 0
    result, left_out = {}, 0
    for key, value in example.items():
        if key not in properties:
            left_out += 1
            continue
        result[key], count = undeclared_pruned(value, properties[key], schemas, depth + 1)
        left_out += count
    return result, left_out


CHECKER = r"""// Written by .ci/corpus.py: decodes each example into its generated type and compares the re-encoded JSON.
import BindgenRuntime
import Foundation
import %(module)s

func normalized(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
        // `JSONValue` is ExpressibleByNilLiteral: spell the Optional out, or `nil` would become `.null`.
        return .object(members.compactMapValues { $0 == .null ? JSONValue?.none : normalized($0) })
    case .array(let items): return .array(items.map(normalized))
    case .integer(let number): return .double(Double(number))
    case .string(let text):
        if let date = RFC3339.date(from: text) { return .double(date.timeIntervalSince1970) }
        if let uuid = UUID(uuidString: text) { return .string(uuid.uuidString) }  // UUIDs compare case-insensitively
        return value
    default: return value
    }
}

func first(_ text: String) -> String { String(text.prefix(300)) }

/// The first place where two normalized values differ: a JSON path with both values.
func difference(_ a: JSONValue, _ b: JSONValue, at path: String = "$") -> String? {
    switch (a, b) {
    case (.object(let x), .object(let y)):
        for key in Set(x.keys).union(y.keys).sorted() {
            guard let left = x[key] else { return "\(path).\(key): absent in the example, \(first("\(y[key]!)")) after the round trip" }
            guard let right = y[key] else { return "\(path).\(key): \(first("\(left)")) in the example, absent after the round trip" }
            if let found = difference(left, right, at: path + "." + key) { return found }
        }
        return nil
    case (.array(let x), .array(let y)):
        if x.count != y.count { return "\(path): \(x.count) items in the example, \(y.count) after the round trip" }
        for (index, pair) in zip(x, y).enumerated() {
            if let found = difference(pair.0, pair.1, at: "\(path)[\(index)]") { return found }
        }
        return nil
    default:
        return a == b ? nil : "\(path): \(first("\(a)")) in the example, \(first("\(b)")) after the round trip"
    }
}

/// Decodes `json` into `T`, encodes the value again and compares both as JSON values: the first difference, or a
/// decoding/encoding error (nil when the round trip keeps the value), and the encoded text.
func roundTrip<T: Codable>(_ type: T.Type, _ json: String) -> (failure: String?, encoded: String?) {
    let data = Data(json.utf8)
    let original: JSONValue
    do { original = try JSONDecoder.bindgen.decode(JSONValue.self, from: data) } catch { return ("input is not JSON: \(first("\(error)"))", nil) }
    let decoded: T
    do { decoded = try JSONDecoder.bindgen.decode(T.self, from: data) } catch { return ("decoding failed: \(first("\(error)"))", nil) }
    let encoded: Data
    do { encoded = try JSONEncoder.bindgen.encode(decoded) } catch { return ("encoding failed: \(first("\(error)"))", nil) }
    let text = String(decoding: encoded, as: UTF8.self)
    do {
        let again = try JSONDecoder.bindgen.decode(JSONValue.self, from: encoded)
        return (difference(normalized(original), normalized(again)), text)
    } catch { return ("encoded text is not JSON: \(first("\(error)"))", text) }
}

var failures = 0
@MainActor func check<T: Codable>(_ type: T.Type, _ label: String, _ json: String) {
    if let found = roundTrip(type, json).failure {
        failures += 1
        print("FAIL \(label): \(found)")
    }
}

/// The oracle: `checker INSTANCES.json RESULTS.jsonl [SKIP]` reads `[[label, schema pointer, instance JSON]]`, round-trips
/// each instance into the type generated for its pointer and writes one line `[label, failure or "", encoded JSON]`
/// per instance (flushed, so a crash loses nothing before it), skipping the first SKIP instances.
let oracle: [String: (String) -> (failure: String?, encoded: String?)] = [
%(oracle)s
]
if CommandLine.arguments.count > 2 {
    let input = try! JSONDecoder().decode([[String]].self, from: Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1])))
    let skip = CommandLine.arguments.count > 3 ? Int(CommandLine.arguments[3]) ?? 0 : 0
    if skip == 0 { FileManager.default.createFile(atPath: CommandLine.arguments[2], contents: nil) }
    let output = FileHandle(forWritingAtPath: CommandLine.arguments[2])!
    output.seekToEndOfFile()
    for item in input.dropFirst(skip) {
        let (failure, encoded) = oracle[item[1]].map { $0(item[2]) } ?? ("no generated type for \(item[1])", nil)
        output.write(try! JSONEncoder().encode([item[0], failure ?? "", encoded ?? ""]) + Data("\n".utf8))
    }
    output.closeFile()
}

%(checks)s
print("examples: \(%(count)d - failures)/%(count)d")
exit(failures == 0 ? 0 : 1)
"""


def swift_string(text):
    hashes = "#"
    while ('"' + hashes) in text:
        hashes += "#"
    return hashes + '"' + text.replace("\n", " ") + '"' + hashes


def schema_violations(example, pointer, document):
    """Where and how an example contradicts its own schema: (JSON path such as `$.items[0].kind`, message) pairs
    from JSON Schema validation in the document's OpenAPI dialect (`format` not asserted). Empty when it conforms or
    cannot be checked (no validator installed, references into other files)."""
    try:
        from openapi_schema_validator import OAS30Validator, OAS31Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT4, DRAFT202012
    except ImportError:
        return []
    is31 = str(document.get("openapi", "")).startswith("3.1")
    resource = Resource.from_contents(document, default_specification=DRAFT202012 if is31 else DRAFT4)
    registry = Registry().with_resource("urn:bindgen:document", resource)
    validator = (OAS31Validator if is31 else OAS30Validator)({"$ref": "urn:bindgen:document" + pointer}, registry=registry)
    try:
        errors = list(validator.iter_errors(example))
    except Exception:
        return []
    found = []
    for error in errors:
        path = "$" + "".join("[%d]" % part if isinstance(part, int) else "." + str(part) for part in error.absolute_path)
        found.append((path, error.message[:200]))
    return found


def failure_path(detail):
    """The JSON path a checker failure names: a decoding error's `Path: a.b[0]`, a difference's leading `$.a.b`, else
    the root."""
    match = re.search(r"Path: ([^ ]*?)\.? Debug description", detail)
    if match:
        return "$." + match.group(1)
    if detail.startswith("$"):
        return detail.split(":", 1)[0]
    return "$"


def schema_at(path, pointer, schemas):
    """The schema of the member at a JSON path (`$.a[0].b`), following local `$ref`s and `allOf`, or {}."""
    def resolve(node, level=0):
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/components/schemas/") and level < 32:
            node = schemas.get(node["$ref"].rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~"), {})
            level += 1
        return node if isinstance(node, dict) else {}

    def member(node, name, level=0):
        node = resolve(node)
        if name in (node.get("properties") or {}):
            return node["properties"][name]
        for part in node.get("allOf") or []:
            found = member(part, name, level + 1) if level < 32 else None
            if found is not None:
                return found
        return None

    node = {"$ref": pointer}
    for step in re.findall(r"\.([^.\[]+)|\[\d+\]", path[1:]):
        node = member(node, step) if step else resolve(node).get("items")
        if node is None:
            return {}
    return resolve(node)


def excused_by_the_document(detail, pointer, example, document):
    """Why a failed round trip is the document's fault, or None when it is ours: the failing member (or one that
    contains it) breaks the example's own schema, or it is `format: binary`, which has no JSON form (OpenAPI 3.0:
    raw octets; a JSON example can only put a file name there)."""
    path = failure_path(detail)
    for where, message in schema_violations(example, pointer, document):
        if path == where or path.startswith(where + ".") or path.startswith(where + "["):
            return "%s: %s" % (where, message)
    schemas = ((document or {}).get("components") or {}).get("schemas") or {}
    if schema_at(path, pointer, schemas).get("format") == "binary":
        return "%s: a `format: binary` member has no JSON form" % path
    return None


ORACLE_BODY = re.compile(r"^#/(paths|webhooks|components/(responses|requestBodies))/.*/content/[^/]*json[^/]*/schema$")


def oracle_pointers(document, entries):
    """(pointer, Swift type name) of the schemas the oracle round-trips: every component schema and every inline JSON
    request/response body schema that has a top-level generated type whose `sourcePointer` names it."""
    import oracle
    found = []
    for entry in entries:
        pointer = entry["sourcePointer"]
        if not (re.fullmatch(r"#/components/schemas/[^/]+", pointer) or ORACLE_BODY.match(pointer)):
            continue
        try:
            oracle.pointer_get(document, pointer)
        except (KeyError, ValueError, IndexError):
            continue
        found.append((pointer, entry["name"]))
    return found


def oracle_instances(document, pointers, per_schema, max_schemas, seconds, stats):
    """[(label, pointer, instance)] for the chosen schemas; `stats` gets tried/excluded counts and generation time."""
    import oracle
    if max_schemas and len(pointers) > max_schemas:  # an even, deterministic spread over the document
        pointers = [pointers[i * len(pointers) // max_schemas] for i in range(max_schemas)]
    result = []
    start = time.monotonic()
    for pointer, _ in pointers:
        stats["tried"] += 1
        try:
            values = oracle.instances(document, pointer, per_schema, seconds)
        except oracle.Excluded as reason:
            stats["excluded"][str(reason)] = stats["excluded"].get(str(reason), 0) + 1
            stats["excluded_list"].append("%s: %s" % (pointer, reason))
            continue
        result += [("%s oracle %d" % (pointer, index + 1), pointer, value) for index, value in enumerate(values)]
    stats["seconds"] = time.monotonic() - start
    return result


def write_checker(generator, path, name, package, undeclared, labels, options=None, stats=None):
    """Writes an executable target that round-trips the document's examples and, with `options` (instances per schema,
    schemas per document, seconds per schema), the oracle's generated instances; returns its name, or None.
    `undeclared[0]` grows by the number of example members the schemas do not declare (not compared); `labels`
    maps each check's label to its schema pointer and the example as the document gives it (oracle instances too:
    their labels contain ` oracle `). The oracle's instances go to `Sources/<checker>/../../oracle/<checker>.json`,
    read at run time, so compile time does not grow with them; `stats` gets the oracle's counts."""
    document = load_document(path)
    examples = examples_of(document, os.path.dirname(path))
    if not examples and not options:
        return None
    proc = subprocess.run([generator, "dump-context", path, "--scope", "schema"], capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    entries = json.loads(proc.stdout)
    types = {schema["sourcePointer"]: schema["name"] for schema in entries}
    schemas = ((document or {}).get("components") or {}).get("schemas") or {}
    checks = []
    for index, (pointer, example) in enumerate(examples):
        swift_type = types.get(pointer)
        if not swift_type:
            continue
        label = "%s example %d" % (pointer, index + 1)
        labels[label] = (pointer, example)
        example, left_out = undeclared_pruned(example, {"$ref": pointer}, schemas)
        undeclared[0] += left_out
        checks.append("check(%s.%s.self, %s, %s)" % (target_name(name), swift_type.strip("`"), swift_string(label),
                                                       swift_string(json.dumps(example, ensure_ascii=False))))
    checker = "X" + target_name(name)[1:]
    table, instances = [], []
    if options and isinstance(document, dict) and str(document.get("openapi", "")).startswith("3."):
        import oracle
        pointers = oracle_pointers(document, entries)
        per_schema, max_schemas, seconds = options
        for label, pointer, value in oracle_instances(document, pointers, per_schema, max_schemas, seconds, stats):
            labels[label] = (pointer, value)
            pruned, left_out = undeclared_pruned(value, oracle.pointer_get(document, pointer), schemas)
            stats["undeclared"] += left_out
            if left_out:  # the encoded JSON lacks them by construction: not validated against the schema
                stats["pruned"].add(label)
            instances.append([label, pointer, json.dumps(pruned, ensure_ascii=False)])
        used = {pointer for _, pointer, _ in instances}
        table = ["    %s: { roundTrip(%s.%s.self, $0) }," % (swift_string(p), target_name(name), t.strip("`"))
                 for p, t in pointers if p in used]
    if not checks and not instances:
        return None
    folder = os.path.join(package, "Sources", checker)
    os.makedirs(folder, exist_ok=True)
    os.makedirs(os.path.join(package, "oracle"), exist_ok=True)
    with open(os.path.join(package, "oracle", checker + ".json"), "w", encoding="utf-8") as handle:
        json.dump(instances, handle, ensure_ascii=False)
    with open(os.path.join(folder, "main.swift"), "w", encoding="utf-8") as handle:
        handle.write(CHECKER % {"module": target_name(name), "checks": "\n".join(checks), "count": len(checks),
                                "oracle": "\n".join(table) or "    :"})
    return checker


def run_oracle(executable, package, checker, row, document):
    """Runs the checker over its oracle instances (again after a crash, from the instance after the one that crashed)
    and judges each: a failed round trip, or encoded JSON that breaks the schema, is a failure."""
    import oracle
    instances_path = os.path.join(package, "oracle", checker + ".json")
    results_path = os.path.join(package, "oracle", checker + ".results.jsonl")
    with open(instances_path, encoding="utf-8") as handle:
        instances = json.load(handle)
    stats = row["oracle"]
    start = time.monotonic()
    done = []
    while len(done) < len(instances):
        proc = subprocess.run([executable, instances_path, results_path, str(len(done))], capture_output=True, text=True)
        with open(results_path, encoding="utf-8") as handle:
            done = [json.loads(line) for line in handle if line.strip()]
        if proc.returncode != 0 and len(done) < len(instances):  # the instance after the last written one crashed it
            label = instances[len(done)][0]
            lines = [l.strip() for l in proc.stderr.splitlines() if l.strip()]
            why = next((l for l in lines if "Fatal error" in l or "fatal error" in l or "Crash" in l or "overflow" in l),
                       lines[0] if lines else "")
            crash = "checker crashed (%s): %s" % ("signal %d" % -proc.returncode if proc.returncode < 0 else
                                                 "exit %d" % proc.returncode, why[:200])
            with open(results_path, "a", encoding="utf-8") as handle:
                handle.write(json.dumps([label, crash, ""]) + "\n")
            done.append([label, crash, ""])
    validators = {}
    for label, failure, encoded in done:
        pointer, value = row["labels"][label]
        stats["instances"] += 1
        if not failure and label in stats["pruned"]:
            stats["unvalidated"] += 1
        elif not failure:
            if pointer not in validators:
                validators[pointer] = oracle.validator_for(document, oracle.pointer_get(document, pointer))
            broken = oracle.violations(validators[pointer], json.loads(encoded)) if validators[pointer] else []
            if broken:
                failure = "encoded JSON breaks the schema at %s: %s (encoded: %s)" % (broken[0][0], broken[0][1], encoded[:200])
        if failure:
            stats["failed"].append((pointer, json.dumps(value, ensure_ascii=False)[:300], failure[:400]))
        else:
            stats["passed"] += 1
    stats["run_seconds"] = time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true", help="include the six largest documents")
    parser.add_argument("--scratch", default=os.path.join(ROOT, ".build-corpus"))
    parser.add_argument("--table", help="where to write the table (default: Tests/Corpus/RESULTS.md, "
                        "or RESULTS-all.md with --all)")
    parser.add_argument("--only", action="append", help="only this document (its INDEX.tsv name, or a part of it); "
                        "repeatable; the table is then not written unless --table is given")
    parser.add_argument("--oracle-instances", type=int, help="oracle instances per schema (default 5, 25 with --all)")
    parser.add_argument("--oracle-schemas", type=int, help="oracle schemas per document, 0 for all "
                        "(default 25, all with --all)")
    parser.add_argument("--oracle-seconds", type=float, default=None, help="generation time cap per schema "
                        "(default 5 s, 10 s with --all)")
    parser.add_argument("--no-oracle", action="store_true", help="examples only, no generated instances")
    args = parser.parse_args()
    oracle_options = None if args.no_oracle else (
        args.oracle_instances or (25 if args.all else 5),
        args.oracle_schemas if args.oracle_schemas is not None else (0 if args.all else 25),
        args.oracle_seconds or (10.0 if args.all else 5.0))
    if args.only and args.table is None:
        args.table = os.devnull
    if args.table is None:
        args.table = os.path.join(ROOT, "Tests", "Corpus", "RESULTS-all.md" if args.all else "RESULTS.md")

    subprocess.run(["swift", "build", "--product", "openapi-bindgen"], cwd=ROOT, check=True)
    bindir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    generator = os.path.join(bindir, "openapi-bindgen")

    package = os.path.join(args.scratch, "pkg")
    shutil.rmtree(os.path.join(package, "Sources"), ignore_errors=True)
    os.makedirs(os.path.join(package, "Sources"), exist_ok=True)

    results = []
    compile_targets = []
    example_targets = []
    for name, version in documents():
        if args.only and not any(name == only or only in name for only in args.only):
            continue
        path = document_path(name)
        row = {"document": name, "version": version or "?", "operations": "", "schemas": "", "warnings": "",
               "generation": "", "compiled": "", "examples": "", "note": ""}
        if is_negative(name, version):
            proc = subprocess.run([generator, "generate", path, "--output-directory", os.path.join(args.scratch, "neg")],
                                  capture_output=True, text=True)
            errors = [line for line in proc.stderr.splitlines() if ": error: " in line]
            row["compiled"] = "refused" if proc.returncode != 0 and len(errors) == 1 else "NOT REFUSED"
            row["note"] = errors[0].split(": error: ", 1)[1] if errors else ""
            results.append(row)
            continue
        out = os.path.join(package, "Sources", target_name(name))
        start = time.monotonic()
        proc = subprocess.run([generator, "generate", path, "--output-directory", out, "--quiet"], capture_output=True, text=True)
        row["generation"] = f"{(time.monotonic() - start) * 1000:.0f} ms"
        row["warnings"] = str(proc.stderr.count(": warning: "))
        if proc.returncode != 0:
            row["compiled"] = "GENERATION FAILED"
            row["note"] = next((l for l in proc.stderr.splitlines() if ": error: " in l), "").replace(SPECS + "/", "")
            results.append(row)
            continue
        endpoint = open(os.path.join(out, "Endpoint.swift")).read()
        types = "".join(open(os.path.join(out, f)).read() for f in sorted(os.listdir(out)) if re.fullmatch(r"Types\d*\.swift", f))
        row["operations"] = str(len(re.findall(r"^    case ", endpoint.split("public var operationID")[0], re.M)))
        row["schemas"] = str(len(re.findall(r"^public (?:indirect )?(?:struct|enum|typealias) ", types, re.M)))
        if name in LARGE and not args.all:
            row["compiled"] = "not in this tier"
            row["note"] = "run `python3 .ci/corpus.py --all`"
            shutil.rmtree(out)
        else:
            compile_targets.append((target_name(name), row))
            undeclared = [0]
            labels = {}
            stats = {"tried": 0, "excluded": {}, "excluded_list": [], "seconds": 0.0, "undeclared": 0, "instances": 0,
                     "passed": 0, "failed": [], "run_seconds": 0.0, "pruned": set(), "unvalidated": 0}
            checker = write_checker(generator, path, name, package, undeclared, labels, oracle_options, stats)
            row["labels"], row["path"], row["oracle"] = labels, path, stats
            if stats["tried"]:
                print(f"corpus: {name}: oracle generated instances for {stats['tried'] - sum(stats['excluded'].values())}"
                      f"/{stats['tried']} schemas in {stats['seconds']:.1f} s", flush=True)
            if checker:
                row["undeclared"] = undeclared[0]
                example_targets.append((checker, row))
        results.append(row)

    with open(os.path.join(package, "Package.swift"), "w") as manifest:
        targets = ",\n".join(
            f'        .target(name: "{t}", dependencies: [.product(name: "BindgenRuntime", package: "{os.path.basename(ROOT)}")])'
            for t, _ in compile_targets)
        for checker, _ in example_targets:
            targets += (f',\n        .executableTarget(name: "{checker}", dependencies: ["C{checker[1:]}", '
                        f'.product(name: "BindgenRuntime", package: "{os.path.basename(ROOT)}")])')
        manifest.write(f"""// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "corpus", platforms: [.macOS(.v13)],
    dependencies: [.package(path: "{ROOT}")],
    targets: [
{targets}
    ])
""")
    failures = 0
    for target, row in compile_targets:
        start = time.monotonic()
        proc = subprocess.run(["swift", "build", "--target", target, "--scratch-path", os.path.join(args.scratch, "build")],
                              cwd=package, capture_output=True, text=True)
        seconds = time.monotonic() - start
        if proc.returncode == 0:
            row["compiled"] = f"yes ({seconds:.0f} s)"
        else:
            failures += 1
            row["compiled"] = "NO"
            row["note"] = next((l.strip() for l in proc.stdout.splitlines() + proc.stderr.splitlines() if "error:" in l), "")[:160]
        print(f"corpus: {row['document']}: {row['compiled']} {row['note']}", flush=True)
    for checker, row in example_targets:
        if not row["compiled"].startswith("yes"):
            row["examples"] = "–"
            continue
        start = time.monotonic()
        build = subprocess.run(["swift", "build", "--product", checker, "--scratch-path", os.path.join(args.scratch, "build")],
                               cwd=package, capture_output=True, text=True)
        row["oracle"]["build_seconds"] = time.monotonic() - start
        if build.returncode != 0:
            failures += 1
            row["examples"] = "NOT BUILT"
            row["note"] = next((l.strip() for l in build.stdout.splitlines() + build.stderr.splitlines() if "error:" in l), "")[:160]
            continue
        bindir = subprocess.run(["swift", "build", "--show-bin-path", "--scratch-path", os.path.join(args.scratch, "build")],
                                cwd=package, capture_output=True, text=True).stdout.strip()
        proc = subprocess.run([os.path.join(bindir, checker)], capture_output=True, text=True)
        lines = proc.stdout.splitlines()
        row["examples"] = next((l.split(": ", 1)[1] for l in lines if l.startswith("examples: ")), "CRASHED")

        # A failure is excused when the example breaks its own schema where the round trip failed.
        bad, contradicting = [], []
        document = load_document(row["path"])
        for line in (l for l in lines if l.startswith("FAIL ")):
            label, _, detail = line[len("FAIL "):].partition(": ")
            pointer, example = row["labels"].get(label, (None, None))
            reason = excused_by_the_document(detail, pointer, example, document) if pointer else None
            if reason:
                contradicting.append("%s: %s" % (label, reason))
            else:
                bad.append(line)
        row["contradicting"] = contradicting
        crashed = "/" not in row["examples"]
        if contradicting and not crashed:
            passed, total = (int(x) for x in row["examples"].split("/"))
            row["examples"] = "%d/%d" % (passed, total - len(contradicting))
        if row.get("undeclared"):
            row["examples"] += f" ({row['undeclared']} undeclared members left out)"
        if contradicting:
            row["examples"] += f" ({len(contradicting)} contradicting their own schema left out, listed below)"
        if bad or crashed:
            failures += 1
            row["note"] = (bad[0] if bad else proc.stderr.strip()[:160])[:200]
        if row["examples"] == "0/0":
            row["examples"] = ""
        else:
            print(f"corpus: {row['document']}: examples {row['examples']} {row['note'] if bad else ''}", flush=True)

        stats = row["oracle"]
        if stats["tried"] - sum(stats["excluded"].values()):
            run_oracle(os.path.join(bindir, checker), package, checker, row, document)
            print(f"corpus: {row['document']}: oracle {stats['passed']}/{stats['instances']} instances round-tripped "
                  f"({stats['tried']} schemas, {sum(stats['excluded'].values())} excluded; generation "
                  f"{stats['seconds']:.1f} s, checker build {stats.get('build_seconds', 0):.0f} s, run {stats['run_seconds']:.1f} s)",
                  flush=True)
            for pointer, instance, failure in stats["failed"]:
                print(f"ORACLE FAIL {row['document']} {pointer}\n    instance: {instance[:200]}\n    {failure[:300]}", flush=True)
            if stats["failed"]:
                failures += 1
    failures += sum(1 for r in results if r["compiled"] in ("GENERATION FAILED", "NOT REFUSED"))

    os.makedirs(os.path.dirname(args.table), exist_ok=True)
    with open(args.table, "w") as table:
        table.write("# Generator corpus results\n\n")
        table.write("Written by `python3 .ci/corpus.py" + (" --all" if args.all else "") + "` on "
                    + time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()) + "; do not edit by hand. Generation time is the "
                    "debug-built generator's wall time; compiled means the output built against BindgenRuntime.\n\n")
        table.write("| document | version | operations | schemas | warnings | generation | compiled | examples round-tripped | note |\n")
        table.write("|---|---|---:|---:|---:|---:|---|---:|---|\n")
        for r in results:
            note = r["note"].replace("|", "\\|")
            table.write(f"| {r['document']} | {r['version']} | {r['operations']} | {r['schemas']} | {r['warnings']} | "
                        f"{r['generation']} | {r['compiled']} | {r['examples']} | {note} |\n")
        oracle_rows = [r for r in results if r.get("oracle", {}).get("tried")]
        if oracle_rows:
            options = oracle_options
            table.write("\n## Semantic round-trip oracle\n\n"
                        "For every component schema and every inline JSON body schema with a generated type of its own "
                        f"(at most {options[1] or 'all'} per document, an even spread), hypothesis-jsonschema generates up to "
                        f"{options[0]} schema-valid instances (seeded; OpenAPI dialect converted to JSON Schema; objects "
                        "closed to their declared members; recursion cut). Each is decoded into the generated type, "
                        "encoded again and compared as JSON (absent and `null` members alike, date-times as instants); "
                        "the encoded JSON must also satisfy the schema. Exclusions are the document's or hypothesis's "
                        "limits, with the reason.\n\n")
            table.write("| document | schemas tried | excluded | instances | passed | failed | undeclared members left out (instances whose encoding is then not schema-checked) | time (generate + build + run) |\n")
            table.write("|---|---:|---:|---:|---:|---:|---:|---:|\n")
            for r in oracle_rows:
                o = r["oracle"]
                table.write(f"| {r['document']} | {o['tried']} | {sum(o['excluded'].values())} | {o['instances']} | "
                            f"{o['passed']} | {len(o['failed'])} | {o['undeclared']} ({o['unvalidated']} instances not schema-checked) | "
                            f"{o['seconds']:.1f} + {o.get('build_seconds', 0):.0f} + {o['run_seconds']:.1f} s |\n")
            reasons = {}
            for r in oracle_rows:
                for reason, count in r["oracle"]["excluded"].items():
                    reasons[reason] = reasons.get(reason, 0) + count
            if reasons:
                table.write("\n### Oracle exclusions by reason\n\n")
                for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
                    table.write(f"- {count}: {reason}\n")
                for r in oracle_rows:
                    if r["oracle"]["excluded_list"]:
                        table.write(f"- **{r['document']}**: " + "; ".join(r["oracle"]["excluded_list"]).replace("|", "\\|") + "\n")
            failed_rows = [r for r in oracle_rows if r["oracle"]["failed"]]
            if failed_rows:
                table.write("\n### Oracle failures\n\n")
                for r in failed_rows:
                    table.write(f"- **{r['document']}** ({len(r['oracle']['failed'])})\n")
                    for pointer, instance, failure in r["oracle"]["failed"]:
                        table.write(f"  - `{pointer}` `{instance[:160]}`: {failure[:300]}\n".replace("|", "\\|"))
        listed = [r for r in results if r.get("contradicting")]
        if listed:
            table.write("\n## Examples that contradict their own schema\n\n"
                        "JSON Schema validation of each example against the schema it is given for (the document's "
                        "OpenAPI dialect, `format` not asserted). A typed model cannot hold such a value, so these are not "
                        "round-tripped; each is a defect of the document.\n\n")
            for r in listed:
                table.write(f"- **{r['document']}** ({len(r['contradicting'])})\n")
                for item in r["contradicting"]:
                    table.write(f"  - {item}\n")
    print(f"corpus: {len(results)} documents, {failures} failed; table in {os.path.relpath(args.table, ROOT)}")
    print(f"{len(results) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
