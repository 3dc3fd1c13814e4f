#!/usr/bin/env python3
"""The measuring half of Benchmarks/run.sh: runs the already built tools and writes BENCHMARKS.md.

run.sh builds the tools and calls this script; run it alone only with the same arguments. Every number in
BENCHMARKS.md comes from this one run (ratios are never mixed across runs). Raw samples go to
Benchmarks/.scratch/results.json.

Measurements
- Wall time: time.perf_counter() around the child process; the median of the runs is reported.
- CPU time: user + sys of the child and its descendants, from os.wait4().
- Peak memory: `/usr/bin/time -f %M` (ru_maxrss: the largest resident set of the process, or of any
  descendant it waited for).
- Generation: our release build and swift-openapi-generator's release build run alternately, A B A B, on
  the same document, each into a fresh folder. Lines are the newline count of all files written.
- Floor: yaml-scan (YAMLReader.countEvents: libyaml's event scan, no tree) on the same file, as a process,
  timed like the generators; its in-process read+scan time is shown as well.
- Compile: each output in its own scratch package (ours against BindgenRuntime of this repository, theirs
  against swift-openapi-runtime 1.13.4), dependencies built first, then `swift build` in debug of the
  generated module alone, alternating A B; peak memory of the compiler is the largest VmHWM seen among the
  swift-frontend processes of the build (sampled every 50 ms), and of the whole build by ru_maxrss.
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "Benchmarks")
SCRATCH = os.path.join(BENCH, ".scratch")

TIME = "/usr/bin/time"
SOG_CONFIG = "generate:\n  - types\n  - client\naccessModifier: public\n"
TIMINGS_RE = re.compile(
    r"timings \(ms\): read ([\d.]+) model ([\d.]+) lower ([\d.]+) render ([\d.]+) write ([\d.]+) total ([\d.]+)")
STAGES = ("read", "model", "lower", "render", "write", "total")
# Constructs synth.py can leave out, tried one at a time when an output does not compile.
VARIANT_ORDER = ["oneOf", "allOf", "nullable", "enum", "nested"]


def log(message):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)


class Sample:
    def __init__(self, wall, cpu, rss_kb, code, stdout, stderr, frontend_kb=0):
        self.wall = wall
        self.cpu = cpu
        self.rss_kb = rss_kb
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
        self.frontend_kb = frontend_kb


def descendants(pid):
    """Child pids of `pid`, recursively, from /proc (Linux)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def tree_cpu(pid):
    """CPU seconds (user + sys) used so far by `pid` and every process under it: each live process's own time plus
    the time of the children it has reaped (a compile stopped by the timeout is never reaped, so wait4 cannot say)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for process in [pid] + descendants(pid):
        try:
            with open("/proc/%d/stat" % process) as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += sum(int(value) for value in fields[11:15])   # utime, stime, cutime, cstime
        except (OSError, IndexError, ValueError):
            continue
    return total / ticks


def frontend_hwm(pid):
    """Largest VmHWM (kB) among the swift-frontend processes under `pid` right now."""
    best = 0
    for child in descendants(pid):
        try:
            with open("/proc/%d/comm" % child) as handle:
                if not handle.read().startswith("swift-frontend"):
                    continue
            with open("/proc/%d/status" % child) as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        best = max(best, int(line.split()[1]))
        except OSError:
            continue
    return best


def run(argv, cwd=None, watch_frontends=False, env=None, timeout=None):
    """Runs argv and measures it. With `timeout` (seconds), the process tree is stopped when it runs longer, and the
    sample's `timed_out` is set."""
    out_path = os.path.join(SCRATCH, "last-stdout-%d.txt" % os.getpid())
    err_path = os.path.join(SCRATCH, "last-stderr-%d.txt" % os.getpid())
    rss_path = os.path.join(SCRATCH, "last-rss-%d.txt" % os.getpid())
    # The peak memory comes from /usr/bin/time (-f %M): ru_maxrss of a child that this process forks would
    # include this Python process's own pages from before the exec.
    if os.path.exists(TIME):
        if os.path.exists(rss_path):
            os.remove(rss_path)
        argv = [TIME, "-f", "%M", "-o", rss_path] + list(argv)
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, env=env)
        peak = [0]
        stop = threading.Event()

        def sample():
            while not stop.wait(0.05):
                peak[0] = max(peak[0], frontend_hwm(process.pid))

        sampler = threading.Thread(target=sample, daemon=True) if watch_frontends else None
        if sampler:
            sampler.start()
        timed_out = [False]
        cpu_at_stop = [0.0]

        def stop_tree():
            timed_out[0] = True
            cpu_at_stop[0] = tree_cpu(process.pid)
            log("  stopping after %.0f s (timeout %.0f s), %.0f s of CPU so far" % (time.perf_counter() - start, timeout, cpu_at_stop[0]))
            for pid in descendants(process.pid) + [process.pid]:
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass

        timer = threading.Timer(timeout, stop_tree) if timeout else None
        if timer:
            timer.daemon = True
            timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        if timer:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            stop.set()
            sampler.join()
    with open(out_path, "rb") as handle:
        stdout = handle.read().decode("utf-8", "replace")
    with open(err_path, "rb") as handle:
        stderr = handle.read().decode("utf-8", "replace")
    rss = usage.ru_maxrss
    if os.path.exists(rss_path):
        with open(rss_path) as handle:
            numbers = [line.strip() for line in handle if line.strip().isdigit()]
        rss = int(numbers[-1]) if numbers else rss
    sample = Sample(wall, usage.ru_utime + usage.ru_stime, rss, process.returncode, stdout, stderr, peak[0])
    sample.timed_out = timed_out[0]
    if timed_out[0]:
        sample.cpu = max(sample.cpu, cpu_at_stop[0])
    return sample


def median(values):
    return statistics.median(values) if values else float("nan")


def count_output(directory):
    lines = files = size = 0
    for base, _, names in os.walk(directory):
        for name in names:
            with open(os.path.join(base, name), "rb") as handle:
                data = handle.read()
            files += 1
            size += len(data)
            lines += data.count(b"\n")
    return lines, files, size


def fresh(directory):
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)


def first_errors(text, limit=12):
    lines = [line for line in text.splitlines() if "error:" in line]
    seen, out = set(), []
    for line in lines:
        if line not in seen:
            seen.add(line)
            out.append(line.strip())
        if len(out) >= limit:
            break
    return out or [line.strip() for line in text.strip().splitlines()[-limit:]]


class Bench:
    def __init__(self, args):
        self.args = args
        self.results = {"generation": {}, "scan": {}, "debug": {}, "compile": {}, "failures": [], "variants": {}, "variant_attempts": {}}
        self.sog_config = os.path.join(SCRATCH, "sog-config.yaml")
        with open(self.sog_config, "w") as handle:
            handle.write(SOG_CONFIG)
        self.docs = os.path.join(SCRATCH, "docs")
        os.makedirs(self.docs, exist_ok=True)

    # Tools

    def ours(self, binary, document, output):
        return run([binary, "generate", document, "--output-directory", output, "--timings", "--quiet"])

    def sog(self, document, output):
        return run([self.args.sog, "generate", document, "--config", self.sog_config, "--output-directory", output])

    # Inputs

    def synthesize(self, operations, without=()):
        suffix = "" if not without else "-without-" + "-".join(without)
        path = os.path.join(self.docs, "synthetic-%d%s.yaml" % (operations, suffix))
        argv = [sys.executable, os.path.join(BENCH, "synth.py"), "--operations", str(operations), "--output", path]
        if without:
            argv += ["--without", ",".join(without)]
        subprocess.run(argv, check=True)
        return path

    def inputs(self):
        items = [("stripe", self.args.stripe)]
        for operations in self.args.operations:
            items.append(("synthetic-%d" % operations, self.synthesize(operations)))
        return items

    # Generation, A B A B

    def generation(self, name, document, runs):
        log("generation: %s, %d runs of each, alternating" % (name, runs))
        ours_out = os.path.join(SCRATCH, "out", "ours-" + name)
        sog_out = os.path.join(SCRATCH, "out", "sog-" + name)
        ours, sog, stages = [], [], {stage: [] for stage in STAGES}
        entry = {"document": document, "bytes": os.path.getsize(document), "operations": count_operations(document)}
        for index in range(runs):
            self.results.setdefault("load", []).append(os.getloadavg()[0])
            fresh(ours_out)
            sample = self.ours(self.args.ours, document, ours_out)
            if sample.code != 0:
                entry["ours_error"] = first_errors(sample.stderr + sample.stdout)
                self.results["failures"].append("our generator failed on %s: %s" % (name, " / ".join(entry["ours_error"][:3])))
                log("  ours FAILED (exit %d): %s" % (sample.code, entry["ours_error"][:3]))
                break
            ours.append(sample)
            match = TIMINGS_RE.search(sample.stdout)
            if match:
                for stage, value in zip(STAGES, match.groups()):
                    stages[stage].append(float(value))
            if sample.stderr.strip():
                entry["ours_warnings"] = len([l for l in sample.stderr.splitlines() if "warning:" in l])
            fresh(sog_out)
            theirs = self.sog(document, sog_out)
            if theirs.code != 0:
                entry["sog_error"] = first_errors(theirs.stderr + theirs.stdout)
                self.results["failures"].append("swift-openapi-generator failed on %s: %s" % (name, " / ".join(entry["sog_error"][:3])))
                log("  swift-openapi-generator FAILED (exit %d)" % theirs.code)
                break
            sog.append(theirs)
            log("  run %d: ours %.3f s (cpu %.3f s) %d MB | swift-openapi-generator %.3f s (cpu %.3f s) %d MB"
                % (index + 1, sample.wall, sample.cpu, sample.rss_kb // 1024, theirs.wall, theirs.cpu, theirs.rss_kb // 1024))
        entry["ours_wall"] = [s.wall for s in ours]
        entry["ours_cpu"] = [s.cpu for s in ours]
        entry["sog_cpu"] = [s.cpu for s in sog]
        entry["ours_rss_kb"] = [s.rss_kb for s in ours]
        entry["sog_wall"] = [s.wall for s in sog]
        entry["sog_rss_kb"] = [s.rss_kb for s in sog]
        entry["stages_ms"] = stages
        if ours:
            entry["ours_lines"], entry["ours_files"], entry["ours_size"] = count_output(ours_out)
        if sog:
            entry["sog_lines"], entry["sog_files"], entry["sog_size"] = count_output(sog_out)
        entry["ours_output"], entry["sog_output"] = ours_out, sog_out
        self.results["generation"][name] = entry
        return entry

    def scan(self, name, document, runs):
        walls, cpus, inner, rss = [], [], [], []
        for _ in range(runs):
            sample = run([self.args.scan, document])
            if sample.code != 0:
                self.results["failures"].append("yaml-scan failed on %s: %s" % (name, sample.stderr.strip()[:200]))
                return
            walls.append(sample.wall)
            cpus.append(sample.cpu)
            rss.append(sample.rss_kb)
            inner.append(float(sample.stdout.split("scan-ms")[1]))
            events = int(sample.stdout.split()[1])
        self.results["scan"][name] = {"wall": walls, "cpu": cpus, "inner_ms": inner, "rss_kb": rss, "events": events}
        log("  yaml-scan %s: %.3f s (in-process %.1f ms), %d events" % (name, median(walls), median(inner), events))

    def debug_generator(self, name, document, runs):
        out = os.path.join(SCRATCH, "out", "ours-debug-" + name)
        walls, cpus, stages = [], [], []
        for _ in range(runs):
            fresh(out)
            sample = self.ours(self.args.ours_debug, document, out)
            if sample.code != 0:
                self.results["failures"].append("our debug generator failed on %s" % name)
                return
            walls.append(sample.wall)
            cpus.append(sample.cpu)
            match = TIMINGS_RE.search(sample.stdout)
            if match:
                stages.append(dict(zip(STAGES, map(float, match.groups()))))
        self.results["debug"][name] = {"wall": walls, "cpu": cpus, "stages_ms": stages}
        log("  debug build of ours on %s: %.3f s" % (name, median(walls)))

    # Compilation of the outputs

    # One scratch package per generator, with one target per compiled input, so the runtime it depends on
    # (BindgenRuntime with swift-crypto, or swift-openapi-runtime) is built once and never counted.

    def module(self, name):
        return "G_" + re.sub(r"[^A-Za-z0-9]", "_", name)

    def package(self, kind, name, sources):
        directory = os.path.join(SCRATCH, "compile", kind)
        os.makedirs(os.path.join(directory, "Sources"), exist_ok=True)
        target = os.path.join(directory, "Sources", self.module(name))
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(sources, target)
        modules = sorted(entry for entry in os.listdir(os.path.join(directory, "Sources")) if entry.startswith("G_"))
        if kind == "ours":
            dependency, product, package = ".package(name: \"certyneo-swift\", path: %s)" % json.dumps(self.args.snapshot), "BindgenRuntime", "certyneo-swift"
        else:
            dependency, product, package = ".package(url: \"https://github.com/apple/swift-openapi-runtime\", exact: \"1.13.4\")", "OpenAPIRuntime", "swift-openapi-runtime"
        targets = ",\n".join(
            "        .target(name: \"%s\", dependencies: [.product(name: \"%s\", package: \"%s\")])" % (module, product, package)
            for module in modules)
        manifest = (
            "// swift-tools-version: 6.0\n// Written by Benchmarks/harness.py: generated code of each benchmark input, one target each.\n"
            "import PackageDescription\n\nlet package = Package(\n    name: \"compile-%s\",\n    platforms: [.macOS(.v13)],\n"
            "    dependencies: [%s],\n    targets: [\n%s\n    ]\n)\n" % (kind, dependency, targets))
        path = os.path.join(directory, "Package.swift")
        if not os.path.exists(path) or open(path).read() != manifest:
            with open(path, "w") as handle:
                handle.write(manifest)
        return directory, product

    def swift_build(self, directory, target, watch=False, timeout=None):
        argv = ["swift", "build", "-c", "debug", "--target", target, "--scratch-path", os.path.join(directory, ".build")]
        if self.args.jobs:
            argv += ["-j", str(self.args.jobs)]
        return run(argv, cwd=directory, watch_frontends=watch, timeout=timeout)

    def clean_module(self, directory, module):
        """Makes the next build compile the module's generated files from scratch, as after regeneration: every
        source file gets a new modification time and the module's products are removed. The module's build folder
        stays (SwiftPM keeps its output file map there and does not write it again)."""
        now = time.time()
        sources = os.path.join(directory, "Sources", module)
        for entry in os.listdir(sources):
            os.utime(os.path.join(sources, entry), (now, now))
        debug = os.path.join(directory, ".build", "debug")
        build = os.path.join(debug, module + ".build")
        if os.path.isdir(build):
            for entry in os.listdir(build):
                if entry.endswith((".o", ".swiftdeps", ".d", ".dia", ".swiftmodule", ".swiftdoc", ".swiftsourceinfo", ".priors")):
                    os.remove(os.path.join(build, entry))
        for path in (os.path.join("Modules", module + ".swiftmodule"), module + ".swiftmodule",
                     os.path.join("Modules", module + ".swiftdoc"), os.path.join("Modules", module + ".swiftsourceinfo")):
            full = os.path.join(debug, path)
            if os.path.isdir(full):
                shutil.rmtree(full, ignore_errors=True)
            elif os.path.exists(full):
                os.remove(full)

    def prepare(self, kind, name):
        entry = self.results["generation"][name]
        directory, product = self.package(kind, name, entry["%s_output" % kind])
        if kind == "ours" and not getattr(self, "ours_dependencies_fresh", False):
            # The runtime comes from this run's snapshot of the repository, which may have new source files.
            # SwiftPM does not always plan the build of a path dependency again when only its folder changed (a
            # new file in BindgenRuntime was left out and the generated code did not compile), so the first
            # preparation of a run builds it from scratch.
            shutil.rmtree(os.path.join(directory, ".build"), ignore_errors=True)
            self.ours_dependencies_fresh = True
        log("  building the dependencies of %s (%s)" % (kind, product))
        prep = self.swift_build(directory, product)
        if prep.code != 0:
            self.results["failures"].append("%s for %s did not build: %s" % (product, kind, " / ".join(first_errors(prep.stdout + prep.stderr)[:3])))
            return None
        return directory

    def compile_once(self, kind, directory, name):
        module = self.module(name)
        self.clean_module(directory, module)
        return self.swift_build(directory, module, watch=True, timeout=self.args.compile_timeout or None)

    def compile_pair(self, name, runs, kinds=("ours", "sog")):
        entry = self.results["generation"].get(name)
        if not entry or any("%s_lines" % kind not in entry for kind in kinds):
            self.results["failures"].append("compile of %s skipped: no output of both generators" % name)
            return None
        log("compile: %s, %d runs of each, alternating" % (name, runs))
        packages = {}
        for kind in kinds:
            directory = self.prepare(kind, name)
            if directory is None:
                return None
            packages[kind] = directory
        result = {kind: [] for kind in kinds}
        result["errors"] = {}
        result["timeouts"] = {}
        for index in range(runs):
            for kind in kinds:
                if kind in result["errors"] or kind in result["timeouts"]:
                    continue
                sample = self.compile_once(kind, packages[kind], name)
                if getattr(sample, "timed_out", False):
                    result["timeouts"][kind] = sample.wall
                    result.setdefault("timeout_cpu", {})[kind] = sample.cpu
                    log("  %s output of %s: stopped after %.0f s, %.0f s of CPU (--compile-timeout)" % (kind, name, sample.wall, sample.cpu))
                    continue
                if sample.code != 0:
                    result["errors"][kind] = first_errors(sample.stdout + sample.stderr)
                    log("  %s output of %s does NOT compile: %s" % (kind, name, result["errors"][kind][:2]))
                    continue
                result[kind].append({"wall": sample.wall, "cpu": sample.cpu, "rss_kb": sample.rss_kb, "frontend_kb": sample.frontend_kb})
                log("  run %d %s: %.1f s (cpu %.1f s), compiler peak %d MB" % (index + 1, kind, sample.wall, sample.cpu, sample.frontend_kb // 1024))
        if len(kinds) == 2:
            self.results["compile"][name] = result
        return result

    def variant(self, name, operations, runs, compile_runs):
        """Our output of a synthetic document did not compile: find a construct whose removal makes it compile
        (one at a time, then all), checking our output alone, and bench that variant fully."""
        for construct in VARIANT_ORDER + ["all"]:
            without = VARIANT_ORDER if construct == "all" else [construct]
            vname = "%s-without-%s" % (name, construct)
            log("trying variant %s" % vname)
            document = self.synthesize(operations, without)
            out = os.path.join(SCRATCH, "out", "ours-" + vname)
            fresh(out)
            sample = self.ours(self.args.ours, document, out)
            if sample.code != 0:
                continue
            self.results["generation"][vname] = {"ours_output": out, "ours_lines": 1}
            directory = self.prepare("ours", vname)
            check = self.compile_once("ours", directory, vname) if directory else None
            self.results["generation"].pop(vname, None)
            if check is None or check.code != 0:
                if check is not None:
                    self.results["variant_attempts"].setdefault(name, []).append(
                        {"without": without, "errors": first_errors(check.stdout + check.stderr, 4)})
                continue
            self.results["variants"][name] = {"name": vname, "without": without}
            self.generation(vname, document, runs)
            self.scan(vname, document, runs)
            self.compile_pair(vname, compile_runs)
            return vname
        return None

    def save(self):
        with open(os.path.join(SCRATCH, "results.json"), "w") as handle:
            json.dump(self.results, handle, indent=1, default=str)

    # The whole run

    def go(self):
        args = self.args
        if args.resume_compile:
            saved = self.results.get("arguments", {})
            for key in ("runs", "debug_runs", "quick", "operations", "command", "revision"):
                if key in saved:
                    setattr(args, key, saved[key])
            self.compile_phase()
            return self.finish()
        self.results["started"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        self.results["load_start"] = os.getloadavg()
        items = self.inputs()
        self.results["arguments"] = {key: getattr(args, key) for key in ("runs", "debug_runs", "compile_runs", "quick", "operations", "command", "revision")}
        self.results["load_end"] = self.results["load_start"]
        self.results["finished"] = "(unfinished)"
        for name, document in items:
            self.generation(name, document, args.runs)
            self.scan(name, document, args.runs)
            self.save()
        log("debug build of our generator")
        for name, document in items:
            self.debug_generator(name, document, args.debug_runs)
            self.save()
        if not args.skip_compile:
            self.compile_phase()
        self.finish()

    def compile_phase(self):
        args = self.args
        for name in args.compile:
            result = self.compile_pair(name, args.compile_runs)
            if result and result["errors"]:
                operations = int(name.split("-")[1]) if name.startswith("synthetic-") else None
                if operations:
                    self.variant(name, operations, args.runs, args.compile_runs)
            self.save()
        self.results["arguments"]["compile_runs"] = args.compile_runs

    def finish(self):
        args = self.args
        self.results["load_end"] = os.getloadavg()
        self.results["finished"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        self.save()
        report = Report(self.results, args).markdown()
        with open(args.report, "w") as handle:
            handle.write(report)
        log("wrote %s" % args.report)


# MARK: BENCHMARKS.md

def fmt_s(seconds):
    if seconds != seconds:
        return "–"
    return "%.3f s" % seconds if seconds < 10 else "%.1f s" % seconds


def fmt_mb(kb):
    return "–" if not kb else "%.0f MB" % (kb / 1024)


def fmt_x(value):
    if value != value or value in (float("inf"),):
        return "–"
    return "%.1f×" % value if value >= 1 else "%.2f×" % value


def machine():
    model, cores, mhz = "unknown", 0, None
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name") and model == "unknown":
                    model = line.split(":", 1)[1].strip()
                elif line.startswith("processor"):
                    cores += 1
                elif line.startswith("cpu MHz") and mhz is None:
                    mhz = line.split(":", 1)[1].strip()
    except OSError:
        pass
    memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.rstrip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    swift_version = (swift.stdout + swift.stderr).strip().splitlines()[0] if (swift.stdout + swift.stderr).strip() else "unknown"
    return model, cores, mhz, memory, swift_version


class Report:
    def __init__(self, results, args):
        self.r = results
        self.args = args
        self.verdicts = []

    def gen_row(self, name):
        g = self.r["generation"][name]
        s = self.r["scan"].get(name, {})
        ours_t, sog_t = median(g["ours_wall"]), median(g["sog_wall"])
        ours_m, sog_m = median(g["ours_rss_kb"]), median(g["sog_rss_kb"])
        scan_t = median(s.get("wall", []))
        return g, s, ours_t, sog_t, ours_m, sog_m, scan_t

    def markdown(self):
        r, args = self.r, self.args
        model, cores, mhz, memory, swift_version = machine()
        out = []
        w = out.append
        w("# Benchmarks\n")
        w("Written by `Benchmarks/run.sh` — do not edit by hand; run the command again instead.\n")
        w("## Command\n")
        w("```sh\n%s\n```\n" % args.command)
        w("Run started %s, finished %s. Runs per input: %d (generation, alternating A B A B), %d (debug-build generator), %d (compile)."
          % (r["started"], r["finished"], args.runs, args.debug_runs, args.compile_runs))
        if args.quick:
            w(" **Quick run (`--quick`): fewer runs, for iteration only.**")
        w("\n")
        w("## Machine\n")
        w("- CPU: %s, %d logical processors%s (from /proc/cpuinfo)" % (model, cores, ", %s MHz" % mhz if mhz else ""))
        w("- Kernel: %s %s; %s" % (platform.system(), platform.release(), swift_version))
        w("- Load average at start %s, at end %s (1/5/15 min; the machine is shared with other builds, so wall times carry that noise)"
          % ("/".join("%.2f" % v for v in r["load_start"]), "/".join("%.2f" % v for v in r["load_end"])))
        if r.get("load"):
            w("- 1-minute load average sampled before each generation run: min %.1f, median %.1f, max %.1f (2 cores: above 2, "
              "processes wait for a core, and wall time grows while CPU time stays)" % (min(r["load"]), median(r["load"]), max(r["load"])))
        w("- Memory (`free -h`):\n\n```\n%s\n```\n" % memory)
        w("Tools: openapi-bindgen (this repository at %s, `swift build -c release`; the debug build for the debug column), "
          "swift-openapi-generator 1.14.3 (`swift build -c release`, config `generate: [types, client]`, `accessModifier: public`), "
          "yaml-scan (Benchmarks/YAMLScan: `YAMLReader.countEvents`, libyaml's event scan without building a tree, release).\n" % args.revision)

        # Generation table
        w("## Generation\n")
        w("Median wall time of the whole process (including start-up and writing the files), peak resident memory (`/usr/bin/time -f %M`), "
          "lines of Swift written. *Speed-up* is swift-openapi-generator's time divided by ours; *vs floor* is our time divided by "
          "the bare libyaml scan process on the same file.\n")
        w("| input | size | ops | openapi-bindgen | swift-openapi-generator | speed-up | peak mem (ours / theirs) | mem ratio | lines (ours / theirs) | libyaml scan (process / in-process) | vs floor |")
        w("|---|---|---|---|---|---|---|---|---|---|---|")
        for name, g in r["generation"].items():
            if not g["ours_wall"] or not g["sog_wall"]:
                w("| %s | %.1f MB | %s | %s | %s | – | – | – | – | – | – |" % (
                    name, g["bytes"] / 1e6, self.ops(name),
                    "FAILED" if "ours_error" in g else fmt_s(median(g["ours_wall"])),
                    "FAILED" if "sog_error" in g else fmt_s(median(g["sog_wall"]))))
                continue
            g, s, ours_t, sog_t, ours_m, sog_m, scan_t = self.gen_row(name)
            w("| %s | %.1f MB | %s | %s | %s | **%s** | %s / %s | %s | %s / %s | %s / %.0f ms | %s |" % (
                name, g["bytes"] / 1e6, self.ops(name), fmt_s(ours_t), fmt_s(sog_t), fmt_x(sog_t / ours_t),
                fmt_mb(ours_m), fmt_mb(sog_m), fmt_x(ours_m / sog_m),
                "{:,}".format(g.get("ours_lines", 0)), "{:,}".format(g.get("sog_lines", 0)),
                fmt_s(scan_t), median(s.get("inner_ms", [])), fmt_x(ours_t / scan_t)))
        w("")
        w("CPU time (user + sys, median; less sensitive than wall time to other processes on the machine):\n")
        w("| input | openapi-bindgen | swift-openapi-generator | speed-up | libyaml scan | vs floor |")
        w("|---|---|---|---|---|---|")
        for name, g in r["generation"].items():
            if not g["ours_cpu"] or not g["sog_cpu"]:
                continue
            oc, sc = median(g["ours_cpu"]), median(g["sog_cpu"])
            fc = median(r["scan"].get(name, {}).get("cpu", []))
            w("| %s | %s | %s | **%s** | %s | %s |" % (name, fmt_s(oc), fmt_s(sc), fmt_x(sc / oc), fmt_s(fc), fmt_x(oc / fc) if fc else "–"))
        w("")

        # Stages
        w("## Our stages (`--timings`, release build, median ms)\n")
        w("| input | read | model | lower | render | write | total in-process | process wall | start-up and exit |")
        w("|---|---|---|---|---|---|---|---|---|")
        for name, g in r["generation"].items():
            st = g["stages_ms"]
            if not st["total"]:
                continue
            wall_ms = median(g["ours_wall"]) * 1000
            w("| %s | %s | %.0f | %.0f |" % (name, " | ".join("%.1f" % median(st[k]) for k in STAGES[:-1] + ("total",)),
                                           wall_ms, wall_ms - median(st["total"])))
        w("")

        # Debug build
        w("## Debug-build generator (what the build plugin runs in debug builds)\n")
        w("| input | release: wall / CPU | debug: wall / CPU | debug / release (wall) | debug / release (CPU) | debug stages read / model / lower / render / write (ms) |")
        w("|---|---|---|---|---|---|")
        for name, d in r["debug"].items():
            g = r["generation"][name]
            rel, dbg = median(g["ours_wall"]), median(d["wall"])
            relc, dbgc = median(g["ours_cpu"]), median(d.get("cpu", [])) if d.get("cpu") else float("nan")
            stages = " / ".join("%.0f" % median([s[k] for s in d["stages_ms"]]) for k in STAGES[:-1]) if d["stages_ms"] else "–"
            w("| %s | %s / %s | %s / %s | %s | %s | %s |" % (name, fmt_s(rel), fmt_s(relc), fmt_s(dbg), fmt_s(dbgc),
                                                          fmt_x(dbg / rel), fmt_x(dbgc / relc), stages))
        w("")

        # Linearity
        w("## Linearity (synthetic documents)\n")
        synth = [(self.ops(n), n) for n in r["generation"] if n.startswith("synthetic-") and "without" not in n and r["generation"][n]["ours_wall"]]
        synth.sort()
        w("| input | ops | ours: CPU / op | ours: wall / op | ours: in-process total / op | theirs: CPU / op | theirs: wall / op |")
        w("|---|---|---|---|---|---|---|")
        for ops, name in synth:
            g = r["generation"][name]
            w("| %s | %d | %.3f ms | %.3f ms | %.3f ms | %s | %s |" % (
                name, ops, median(g["ours_cpu"]) * 1000 / ops, median(g["ours_wall"]) * 1000 / ops, median(g["stages_ms"]["total"]) / ops,
                "%.2f ms" % (median(g["sog_cpu"]) * 1000 / ops) if g["sog_cpu"] else "–",
                "%.2f ms" % (median(g["sog_wall"]) * 1000 / ops) if g["sog_wall"] else "–"))
        w("")
        self.linearity = None
        if len(synth) >= 3:
            (a, na), (b, nb), (c, nc) = synth[0], synth[1], synth[2]
            self.steps = ("%d→%d" % (a, b), "%d→%d" % (b, c))
            lines = []
            for label, key, scale in (("ours, CPU time", "ours_cpu", 1000.0), ("ours, in-process total (wall clock)", "stages", 1.0),
                                      ("ours, process wall", "ours_wall", 1000.0), ("swift-openapi-generator, CPU time", "sog_cpu", 1000.0),
                                      ("swift-openapi-generator, process wall", "sog_wall", 1000.0)):
                def t(n):
                    g = r["generation"][n]
                    return median(g["stages_ms"]["total"]) if key == "stages" else median(g[key]) * scale
                try:
                    s1 = (t(nb) - t(na)) / (b - a)
                    s2 = (t(nc) - t(nb)) / (c - b)
                except statistics.StatisticsError:
                    continue
                ratio = s2 / s1 if s1 > 0 else float("inf")
                lines.append((label, s1, s2, ratio))
                if key == "ours_cpu":
                    self.linearity = ratio
            w("Marginal cost per operation between the sizes (a linear generator has the same marginal cost for both steps; "
              "a quadratic one doubles it at least, since the second step is ~4× larger). The verdict uses CPU time: wall-clock "
              "numbers, the in-process stage timings included, grow with the machine's load during the run:\n")
            w("| measure | %d→%d ops | %d→%d ops | ratio |" % (a, b, b, c))
            w("|---|---|---|---|")
            for label, s1, s2, ratio in lines:
                w("| %s | %.3f ms/op | %.3f ms/op | %s |" % (label, s1, s2, fmt_x(ratio)))
            w("")
            stage_lines = []
            for stage in STAGES[:-1]:
                ta = median(r["generation"][na]["stages_ms"][stage])
                tb = median(r["generation"][nb]["stages_ms"][stage])
                tc = median(r["generation"][nc]["stages_ms"][stage])
                s1, s2 = (tb - ta) / (b - a), (tc - tb) / (c - b)
                stage_lines.append("| %s | %.4f | %.4f | %s |" % (stage, s1, s2, fmt_x(s2 / s1) if s1 > 0 else "–"))
            w("Per stage (ms per operation):\n")
            w("| stage | %d→%d | %d→%d | ratio |" % (a, b, b, c))
            w("|---|---|---|---|")
            out.extend(stage_lines)
            w("")

        # Compile
        w("## Compiling the generated code (debug, `swift build -c debug --target G_<input>`, same flags for both)\n")
        w("Dependencies (BindgenRuntime / swift-openapi-runtime) are built first and not counted. *Compiler peak* is the "
          "largest VmHWM of a swift-frontend process; *build peak* is `/usr/bin/time -f %M` over the whole `swift build` process tree "
          "(SwiftPM itself included).\n")
        w("| input | ours: wall | theirs: wall | ours / theirs | CPU (ours / theirs) | compiler peak (ours / theirs) | build peak (ours / theirs) | lines (ours / theirs) |")
        w("|---|---|---|---|---|---|---|---|")
        for name, c in r["compile"].items():
            stopped = c.get("timeouts", {})
            if stopped and not c["errors"]:
                def cell(kind):
                    return "> %s (stopped)" % fmt_s(stopped[kind]) if kind in stopped else fmt_s(median([x["wall"] for x in c[kind]]))
                def cpu_cell(kind):
                    spent = c.get("timeout_cpu", {}).get(kind)
                    if kind in stopped:
                        return "> %s" % fmt_s(spent) if spent else "–"
                    return fmt_s(median([x["cpu"] for x in c[kind]]))
                bound = ""
                if "sog" in stopped and "ours" not in stopped:
                    bound = "**< %s**" % fmt_x(median([x["wall"] for x in c["ours"]]) / stopped["sog"])
                w("| %s | %s | %s | %s | %s / %s | – | – | – |" % (name, cell("ours"), cell("sog"), bound or "–", cpu_cell("ours"), cpu_cell("sog")))
                continue
            if c["errors"]:
                w("| %s | %s | %s | – | – | – | – | – |" % (name, "does not compile" if "ours" in c["errors"] else fmt_s(median([x["wall"] for x in c["ours"]])),
                                                 "does not compile" if "sog" in c["errors"] else fmt_s(median([x["wall"] for x in c["sog"]]))))
                continue
            ot, tt = median([x["wall"] for x in c["ours"]]), median([x["wall"] for x in c["sog"]])
            g = r["generation"][name]
            w("| %s | %s | %s | **%s** | %s / %s | %s / %s | %s / %s | %s / %s |" % (
                name, fmt_s(ot), fmt_s(tt), fmt_x(ot / tt),
                fmt_s(median([x["cpu"] for x in c["ours"]])), fmt_s(median([x["cpu"] for x in c["sog"]])),
                fmt_mb(median([x["frontend_kb"] for x in c["ours"]])), fmt_mb(median([x["frontend_kb"] for x in c["sog"]])),
                fmt_mb(median([x["rss_kb"] for x in c["ours"]])), fmt_mb(median([x["rss_kb"] for x in c["sog"]])),
                "{:,}".format(g.get("ours_lines", 0)), "{:,}".format(g.get("sog_lines", 0))))
        for name in getattr(args, "compile", []) or []:
            if name not in r["compile"] and name in r["generation"] and not getattr(args, "skip_compile", False):
                w("| %s | not measured: the run stopped before this compile pair finished | | | | | | |" % name)
        w("")
        for name, c in r["compile"].items():
            for kind, errors in c["errors"].items():
                w("Compile errors of %s's output for %s (first distinct lines):\n" % ("openapi-bindgen" if kind == "ours" else "swift-openapi-generator", name))
                w("```\n%s\n```\n" % "\n".join(e.replace(SCRATCH, "Benchmarks/.scratch") for e in errors))
        for name, attempts in r.get("variant_attempts", {}).items():
            for attempt in attempts:
                w("Our output of %s without %s does not compile either:\n" % (name, ",".join(attempt["without"])))
                w("```\n%s\n```\n" % "\n".join(e.replace(SCRATCH, "Benchmarks/.scratch") for e in attempt["errors"]))
        for name, v in r["variants"].items():
            w("Variant used for the numbers of %s: `synth.py --operations %s --without %s` (%s).\n" % (
                name, name.split("-")[1], ",".join(v["without"]), v["name"]))

        # Failures
        if r["failures"]:
            w("## Failures\n")
            for failure in r["failures"]:
                w("- %s" % failure.replace(SCRATCH, "Benchmarks/.scratch"))
            w("")

        # Targets
        w("## Targets (ratios from this run)\n")
        w("| target | input | measured | verdict |")
        w("|---|---|---|---|")
        for name in ("stripe", "synthetic-%d" % max(args.operations)):
            g = r["generation"].get(name)
            if not g or not g["ours_wall"] or not g["sog_wall"]:
                w("| generation ≥ 20× faster | %s | no numbers | missed |" % name)
                continue
            g, s, ours_t, sog_t, ours_m, sog_m, scan_t = self.gen_row(name)
            oc, sc = median(g["ours_cpu"]), median(g["sog_cpu"])
            fc = median(s.get("cpu", [])) or float("nan")
            self.verdict("generation ≥ 20× faster than swift-openapi-generator", name, "%s (%s vs %s; CPU time: %s)" % (
                fmt_x(sog_t / ours_t), fmt_s(ours_t), fmt_s(sog_t), fmt_x(sc / oc)), sog_t / ours_t >= 20, w)
            self.verdict("within 5× of the bare libyaml scan", name, "%s of the scan (%s vs %s; CPU time: %s)" % (
                fmt_x(ours_t / scan_t), fmt_s(ours_t), fmt_s(scan_t), fmt_x(oc / fc)), ours_t / scan_t <= 5, w)
            self.verdict("peak memory ≤ ½ of swift-openapi-generator's", name, "%s (%s vs %s)" % (fmt_x(ours_m / sog_m), fmt_mb(ours_m), fmt_mb(sog_m)), ours_m / sog_m <= 0.5, w)
        for name, c in r["compile"].items():
            stopped = c.get("timeouts", {})
            if "sog" in stopped and c["ours"] and not c["errors"] and "ours" not in stopped:
                # Theirs was stopped: the ratio is an upper bound, which decides the target only when it is below it.
                ot = median([x["wall"] for x in c["ours"]])
                bound = ot / stopped["sog"]
                w("| debug compile ≤ ¼ of swift-openapi-generator's (wall) | %s | < %s (%s vs more than %s: stopped by --compile-timeout) | %s |"
                  % (name, fmt_x(bound), fmt_s(ot), fmt_s(stopped["sog"]), "met" if bound <= 0.25 else "**not decided** (rerun with a longer --compile-timeout)"))
                oc, spent = median([x["cpu"] for x in c["ours"]]), c.get("timeout_cpu", {}).get("sog")
                if spent:
                    w("| debug compile ≤ ¼ of swift-openapi-generator's (CPU) | %s | < %s (%s vs more than %s: stopped by --compile-timeout) | %s |"
                      % (name, fmt_x(oc / spent), fmt_s(oc), fmt_s(spent), "met" if oc / spent <= 0.25 else "**not decided** (rerun with a longer --compile-timeout)"))
                continue
            if c["errors"] or not c["ours"] or not c["sog"]:
                w("| debug compile ≤ ¼ of swift-openapi-generator's | %s | does not compile | missed |" % name)
                continue
            ot, tt = median([x["wall"] for x in c["ours"]]), median([x["wall"] for x in c["sog"]])
            self.verdict("debug compile ≤ ¼ of swift-openapi-generator's (wall)", name, "%s (%s vs %s)" % (fmt_x(ot / tt), fmt_s(ot), fmt_s(tt)), ot / tt <= 0.25, w)
            oc, tc = median([x["cpu"] for x in c["ours"]]), median([x["cpu"] for x in c["sog"]])
            self.verdict("debug compile ≤ ¼ of swift-openapi-generator's (CPU, user + sys)", name, "%s (%s vs %s)" % (fmt_x(oc / tc), fmt_s(oc), fmt_s(tc)), oc / tc <= 0.25, w)
        for name, d in r["debug"].items():
            rel, dbg = median(r["generation"][name]["ours_wall"]), median(d["wall"])
            relc, dbgc = median(r["generation"][name]["ours_cpu"]), median(d.get("cpu") or [float("nan")])
            self.verdict("debug-build generator within 10× of release (CPU time)", name, "%s (wall: %s)" % (fmt_x(dbgc / relc), fmt_x(dbg / rel)),
                         dbgc / relc <= 10, w)
        if self.linearity is not None:
            self.verdict("linear growth (marginal CPU time per op, %s vs %s, ≤ 1.3×)" % (self.steps[1], self.steps[0]),
                         "synthetic", fmt_x(self.linearity), self.linearity <= 1.3, w)
        w("")
        return "\n".join(out) + "\n"

    def verdict(self, target, name, measured, ok, w):
        w("| %s | %s | %s | %s |" % (target, name, measured, "met" if ok else "**missed**"))

    def ops(self, name):
        if name.startswith("synthetic-"):
            return int(name.split("-")[1])
        return self.r["generation"][name].get("operations") or "–"


def count_operations(path):
    """Operations in a YAML/JSON document, counted with PyYAML if it is there (for the table only)."""
    try:
        import yaml  # noqa: F401
    except ImportError:
        return None
    with open(path, "rb") as handle:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document = yaml.load(handle, Loader=loader)
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return sum(1 for item in (document.get("paths") or {}).values() if isinstance(item, dict) for key in item if key in methods)


def main(argv):
    parser = argparse.ArgumentParser(description="Runs the benchmarks with built tools and writes BENCHMARKS.md.")
    parser.add_argument("--ours")
    parser.add_argument("--ours-debug")
    parser.add_argument("--sog")
    parser.add_argument("--scan")
    parser.add_argument("--stripe")
    parser.add_argument("--operations", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--compile", nargs="*", default=["stripe", "synthetic-500"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--debug-runs", type=int, default=3)
    parser.add_argument("--compile-runs", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=0, help="-j for the compile builds (default: SwiftPM's)")
    parser.add_argument("--skip-compile", action="store_true")
    parser.add_argument("--compile-timeout", type=float, default=3600,
                        help="stop a compile that runs longer (seconds; 0: never) and report it as a lower bound")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--report-only", action="store_true", help="rewrite the report from Benchmarks/.scratch/results.json")
    parser.add_argument("--resume-compile", action="store_true",
                        help="keep the generation numbers of Benchmarks/.scratch/results.json, redo the compile phase")
    parser.add_argument("--report", default=os.path.join(ROOT, "BENCHMARKS.md"))
    parser.add_argument("--command", default="bash Benchmarks/run.sh")
    parser.add_argument("--revision", default="unknown")
    parser.add_argument("--snapshot", default=ROOT, help="the copy of the repository the tools were built from")
    args = parser.parse_args(argv)
    if args.report_only:
        path = os.path.join(SCRATCH, "results.json")
        with open(path) as handle:
            results = json.load(handle)
        saved_at = datetime.fromtimestamp(os.path.getmtime(path), timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        if saved_at > results.get("finished", ""):
            results["finished"] = "%s (last result saved; the run was stopped)" % saved_at
        saved = results.get("arguments", {})
        for key in ("runs", "debug_runs", "compile_runs", "quick", "operations", "command", "revision"):
            if key in saved:
                setattr(args, key, saved[key])
        with open(args.report, "w") as handle:
            handle.write(Report(results, args).markdown())
        log("wrote %s from results.json" % args.report)
        return
    missing = [name for name in ("ours", "ours_debug", "sog", "scan", "stripe") if not getattr(args, name)]
    if missing:
        parser.error("missing --" + ", --".join(name.replace("_", "-") for name in missing))
    bench = Bench(args)
    if args.resume_compile:
        with open(os.path.join(SCRATCH, "results.json")) as handle:
            bench.results = json.load(handle)
        bench.results["compile"], bench.results["variants"], bench.results["variant_attempts"] = {}, {}, {}
        bench.results["failures"] = [f for f in bench.results["failures"] if "compile" not in f]
    bench.go()

if __name__ == "__main__":
    main(sys.argv[1:])
