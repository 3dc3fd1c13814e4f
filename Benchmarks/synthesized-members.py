#!/usr/bin/env python3
"""What each synthesized or written member of the generated models costs in a debug compile.

    python3 Benchmarks/synthesized-members.py [--spec PATH] [--runs N] [--variants a,b,...] [--jobs N]
        [--generator PATH] [--report PATH]

Generates the document's code with this repository's debug `openapi-bindgen` (or `--generator PATH`, the binary
of another revision, to measure that revision's output; `--conformances none` for a revision before the
`modelConformances` key) and `modelConformances: [Hashable]`, so the baseline has every member, then compiles only its
`Types*.swift` files (the models: 93 % of Stripe's output) with `swiftc -Onone -g -enable-batch-mode`
against the debug `BindgenRuntime` module of `.build/debug`, once per variant, alternating the variants
run by run. Each variant removes one kind of member from the generated text, so the difference to
`baseline` is what that member costs the compiler:

- `no-hashable`: structs and `oneOf`/`anyOf` enums without `Hashable` (no synthesized `==`/`hash(into:)`);
- `equatable`: `Equatable` in place of `Hashable` (a synthesized `==`, no `hash(into:)`);
- `no-init`: structs without their public memberwise initializer;
- `raw-codingkeys`: for output before the generator wrote raw-value `CodingKeys` (revision d6f37b1 and
  earlier): `CodingKeys` as `String` raw-value enums (`case hasMore = "has_more"`) instead of
  `BindgenRuntime.SchemaCodingKey` with a `stringValue` switch (no change on later output);
- `internal`: every declaration `internal` instead of `public` (no public symbols and accessors to emit);
- `no-hashable-no-init`: both of the first two.

The text edits are a measuring device; what the generator offers is the `modelConformances` key of
`openapi-bindgen.yaml` and the `conformances` partial (BENCHMARKS-MEMBERS.md has the findings). Prints a Markdown table: CPU time (user + sys of the whole swiftc process
tree), wall time, the compiler's peak memory (largest `%M` is for the tree's largest process) and lines.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, "Benchmarks", ".scratch", "members")


def no_hashable(text):
    text = text.replace(": Codable, Hashable, Sendable", ": Codable, Sendable")
    return text.replace("Swift.Codable, Swift.Hashable, Swift.Sendable", "Swift.Codable, Swift.Sendable")


def equatable(text):
    text = text.replace(": Codable, Hashable, Sendable", ": Codable, Equatable, Sendable")
    return text.replace("Swift.Codable, Swift.Hashable, Swift.Sendable", "Swift.Codable, Swift.Equatable, Swift.Sendable")


def no_init(text):
    out, skipping, indent = [], False, ""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("/// Creates a value from its members") and index + 1 < len(lines) \
                and lines[index + 1].strip().startswith("public init("):
            indent = line[: len(line) - len(line.lstrip())]
            index += 2
            while index < len(lines) and lines[index] != indent + "}":
                index += 1
            index += 1
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


CASE_RE = re.compile(r'^(\s*)case \.(`?\w+`?): return (".*")$')


def raw_codingkeys(text):
    out, lines, index = [], text.split("\n"), 0
    while index < len(lines):
        line = lines[index]
        if line.strip() == "public enum CodingKeys: BindgenRuntime.SchemaCodingKey {":
            indent = line[: len(line) - len(line.lstrip())]
            end = index + 1
            while lines[end] != indent + "}":
                end += 1
            block = lines[index + 1:end]
            names = {}
            for entry in block:
                match = CASE_RE.match(entry)
                if match:
                    names[match.group(2)] = match.group(3)
            out.append(indent + "public enum CodingKeys: Swift.String, Swift.CodingKey {")
            for entry in block:
                stripped = entry.strip()
                if stripped.startswith("case ") and ":" not in stripped and "(" not in stripped:
                    name = stripped[5:]
                    raw = names.get(name)
                    if raw is not None and raw != '"%s"' % name.strip("`"):
                        out.append(entry + " = " + raw)
                    else:
                        out.append(entry)
            out.append(indent + "}")
            index = end + 1
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


def internal(text):
    return re.sub(r"\bpublic (?=(private\(set\) )?(var|let|init|struct|enum|indirect|static|func|typealias|subscript|nonisolated))",
                  "", text)


VARIANTS = {
    "baseline": lambda text: text,
    "no-hashable": no_hashable,
    "equatable": equatable,
    "no-init": no_init,
    "raw-codingkeys": raw_codingkeys,
    "internal": internal,
    "no-hashable-no-init": lambda text: no_init(no_hashable(text)),
}


def generate(spec, directory, binary, conformances):
    if os.path.exists(directory):
        shutil.rmtree(directory)
    command = [binary, "generate", spec, "--output-directory", directory]
    if conformances is not None:
        os.makedirs(SCRATCH, exist_ok=True)
        config = os.path.join(SCRATCH, "openapi-bindgen.yaml")
        with open(config, "w") as handle:
            handle.write("modelConformances: [%s]\n" % conformances)
        command += ["--config", config]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def write_variant(name, source, target):
    if os.path.exists(target):
        shutil.rmtree(target)
    os.makedirs(target)
    lines = 0
    for file in sorted(os.listdir(source)):
        if not (file.startswith("Types") and file.endswith(".swift")):
            continue
        with open(os.path.join(source, file)) as handle:
            text = VARIANTS[name](handle.read())
        lines += text.count("\n")
        with open(os.path.join(target, file), "w") as handle:
            handle.write(text)
    return lines


def compile_once(directory, jobs):
    for file in os.listdir(directory):
        if file.endswith(".o"):
            os.remove(os.path.join(directory, file))
    files = sorted(f for f in os.listdir(directory) if f.endswith(".swift"))
    command = ["/usr/bin/time", "-f", "%M", "swiftc", "-module-name", "Generated", "-swift-version", "6", "-Onone", "-g",
               "-enable-batch-mode", "-j%d" % jobs, "-parse-as-library", "-c",
               "-I", os.path.join(ROOT, ".build", "debug", "Modules")] + files
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(command, cwd=directory, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit("compile failed in %s:\n%s" % (directory, result.stderr[-3000:]))
    peak_kb = int(result.stderr.strip().split("\n")[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, peak_kb


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spec", default=os.path.join(os.path.dirname(ROOT), "shared", "specs", "stripe-spec3-2023-09.yaml"))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--variants", default="baseline,no-hashable,equatable,no-init,internal")
    parser.add_argument("--conformances", default="Hashable",
                        help="the modelConformances the baseline is generated with (default Hashable, so that the "
                             "no-hashable and equatable variants measure it); 'none' passes no configuration, for "
                             "revisions before the key existed")
    parser.add_argument("--generator", default=os.path.join(ROOT, ".build", "debug", "openapi-bindgen"))
    parser.add_argument("--report", help="also write the table, with the machine and the command, to this file")
    args = parser.parse_args()
    names = args.variants.split(",")
    source = os.path.join(SCRATCH, "generated")
    generate(args.spec, source, args.generator, None if args.conformances == "none" else args.conformances)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = {name: write_variant(name, source, os.path.join(SCRATCH, name)) for name in names}
    samples = {name: [] for name in names}
    for run in range(args.runs):
        order = names if run % 2 == 0 else list(reversed(names))
        for name in order:
            sample = compile_once(os.path.join(SCRATCH, name), args.jobs)
            samples[name].append(sample)
            print("run %d %s: cpu %.1f s, wall %.1f s, peak %d MB" % (run + 1, name, sample[0], sample[1], sample[2] // 1024),
                  file=sys.stderr, flush=True)
    base = statistics.median(s[0] for s in samples["baseline"]) if "baseline" in samples else None
    out = ["Command: `python3 Benchmarks/synthesized-members.py %s` (started %s, %d run(s) per variant, alternating; "
           "swiftc -j%d; %s)" % (" ".join(sys.argv[1:]), started, args.runs, args.jobs, machine()), "",
           "| variant | CPU (user + sys), median | vs baseline | saved | wall | largest process peak | lines of Types |",
           "|---|---|---|---|---|---|---|"]
    for name in names:
        cpu = statistics.median(s[0] for s in samples[name])
        wall = statistics.median(s[1] for s in samples[name])
        peak = max(s[2] for s in samples[name])
        ratio = "%.2f×" % (cpu / base) if base else "–"
        saved = "%.0f s" % (base - cpu) if base else "–"
        runs = ", ".join("%.0f" % s[0] for s in samples[name])
        out.append("| %s | %.1f s (runs: %s) | %s | %s | %.1f s | %d MB | %d |" % (name, cpu, runs, ratio, saved, wall, peak // 1024, lines[name]))
    print("\n".join(out))
    if args.report:
        with open(args.report, "w") as handle:
            handle.write("\n".join(out) + "\n")


def machine():
    cores = os.cpu_count() or 0
    version = subprocess.run(["swiftc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    return "%d logical processors, %s" % (cores, version.strip())

if __name__ == "__main__":
    main()
