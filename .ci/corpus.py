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
    return rows


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

var failures = 0
@MainActor func check<T: Codable>(_ type: T.Type, _ label: String, _ json: String) {
    let data = Data(json.utf8)
    do {
        let original = try JSONDecoder.bindgen.decode(JSONValue.self, from: data)
        let decoded = try JSONDecoder.bindgen.decode(T.self, from: data)
        let again = try JSONDecoder.bindgen.decode(JSONValue.self, from: try JSONEncoder.bindgen.encode(decoded))
        if let found = difference(normalized(original), normalized(again)) {
            failures += 1
            print("FAIL \(label): \(found)")
        }
    } catch {
        failures += 1
        print("FAIL \(label): \(first("\(error)"))")
    }
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


def write_checker(generator, path, name, package, undeclared, labels):
    """Writes an executable target that round-trips the document's examples; returns its name, or None.
    `undeclared[0]` grows by the number of example members the schemas do not declare (not compared); `labels`
    maps each check's label to its schema pointer and the example as the document gives it."""
    document = load_document(path)
    examples = examples_of(document, os.path.dirname(path))
    if not examples:
        return None
    proc = subprocess.run([generator, "dump-context", path, "--scope", "schema"], capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    types = {schema["sourcePointer"]: schema["name"] for schema in json.loads(proc.stdout)}
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
    if not checks:
        return None
    checker = "X" + target_name(name)[1:]
    folder = os.path.join(package, "Sources", checker)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "main.swift"), "w", encoding="utf-8") as handle:
        handle.write(CHECKER % {"module": target_name(name), "checks": "\n".join(checks), "count": len(checks)})
    return checker


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true", help="include the six largest documents")
    parser.add_argument("--scratch", default=os.path.join(ROOT, ".build-corpus"))
    parser.add_argument("--table", help="where to write the table (default: Tests/Corpus/RESULTS.md, "
                        "or RESULTS-all.md with --all)")
    args = parser.parse_args()
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
        path = os.path.join(SPECS, name)
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
            checker = write_checker(generator, path, name, package, undeclared, labels)
            row["labels"], row["path"] = labels, path
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
        build = subprocess.run(["swift", "build", "--product", checker, "--scratch-path", os.path.join(args.scratch, "build")],
                               cwd=package, capture_output=True, text=True)
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
        print(f"corpus: {row['document']}: examples {row['examples']} {row['note'] if bad else ''}", flush=True)
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
