"""The semantic round-trip oracle's Python half, used by .ci/corpus.py.

For a schema of an OpenAPI 3.x document (a component schema, or an inline JSON request/response body schema that the
generator gives a type of its own) this module

- converts the OpenAPI dialect into JSON Schema draft 7, which hypothesis-jsonschema understands (`nullable` becomes
  `anyOf [..., {type: null}]`, 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, `example`,
  `discriminator`, `xml`, `readOnly`... are dropped, `format: int32`/`int64` and plain integers get the bounds of the
  Swift integer they map to, `format: float` numbers the range of a 32-bit float, `uuid`, `byte`, `binary`,
  `date-time` and `date` get strategies that produce what the format means);
- generates schema-valid instances with hypothesis-jsonschema, seeded (derandomized: the same instances every run),
  a bounded number per schema, with a time cap per schema. `$ref`s are inlined; a `$ref` back to a schema that is
  already being expanded (recursion) is cut: the member becomes forbidden, an array of it empty, a union drops that
  alternative. Objects without `additionalProperties` are closed for generation (only declared members), so a
  difference after the round trip is about declared members;
- validates JSON against the schema (open objects, `$ref`s resolved, recursion allowed) with `jsonschema`.

A schema hypothesis cannot serve is excluded with a reason (see `Excluded`); the reasons are counted per document.
"""
import base64
import copy
import json
import re
import signal
import time

INT64 = (-(2 ** 63), 2 ** 63 - 1)
INT32 = (-(2 ** 31), 2 ** 31 - 1)
FLOAT32_MAX = 3.4028234663852886e+38
DROPPED = {"example", "examples", "discriminator", "xml", "externalDocs", "readOnly", "writeOnly", "deprecated",
           "description", "title", "default", "$comment", "contentMediaType", "contentEncoding", "contentSchema",
           "$schema", "$id", "$anchor", "$dynamicAnchor", "$defs", "definitions", "nullable"}
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas")
SCHEMA_SINGLE = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
                 "additionalItems", "unevaluatedProperties", "unevaluatedItems")


CUTS = []  # recursive $refs cut by the last convert(..., inline=...)
# Inlining a large document's graph of `$ref`s grows exponentially (Stripe's expandable members): below this many
# nested `$ref`s, or once this many schema nodes are inlined, a `$ref` is cut like a recursive one. Every component
# schema is also tried as a root of its own, so what is cut at depth is still tried.
MAX_REF_DEPTH = 4
NODE_BUDGET = [0]
MAX_NODES = 4000


class Excluded(Exception):
    """A schema the oracle cannot serve, and why (the document's or hypothesis's limit, not the generator's)."""


class _Timeout(BaseException):  # BaseException: hypothesis lets it through instead of shrinking it
    pass


class _Enough(BaseException):
    pass


def pointer_get(document, pointer):
    node = document
    for part in pointer.lstrip("#").split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(pointer)
    return node


ROOT_FILE_KEY = "x-oracle-root-file"  # set by corpus.load_document: the root file's path, for multi-file documents
_FILES = {}  # path → loaded document (the other files of a multi-file document)


def _load_file(path):
    if path not in _FILES:
        import yaml
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        _FILES[path] = json.loads(text) if path.endswith(".json") else yaml.load(
            text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return _FILES[path]


def resolve(document, base, ref):
    """(target node, the file it is in (None: the root), key for recursion checks) of `ref` written in `base`."""
    import os
    if ref.startswith("#"):
        if base is None:
            return pointer_get(document, ref), None, ref
        return pointer_get(_load_file(base), ref), base, base + ref
    root = document.get(ROOT_FILE_KEY) if isinstance(document, dict) else None
    if not root:
        raise Excluded("external-file $ref")
    part, _, fragment = ref.partition("#")
    path = os.path.normpath(os.path.join(os.path.dirname(base or root), part))
    if path == os.path.normpath(root):
        return pointer_get(document, "#" + fragment), None, "#" + fragment
    try:
        target = pointer_get(_load_file(path), "#" + fragment)
    except OSError:
        raise Excluded("unresolvable $ref")
    return target, path, path + "#" + fragment


def node_at(document, pointer):
    """(node, file) of an oracle pointer: `#/…` in the root file, or `relative/path.yml#/…` in another file of a
    multi-file document (relative to the root file's folder)."""
    if pointer.startswith("#"):
        return pointer_get(document, pointer), None
    node, base, _ = resolve(document, None, pointer)
    return node, base


def convert(node, is31, inline=None, stack=(), base=None):
    """JSON Schema draft 7 for an OpenAPI schema node. With `inline` (the document), `$ref`s are replaced by their
    (converted) targets, in this file (`base`, None for the root) or another, and a recursive one by `False`;
    without it local `$ref`s stay (for validation against a root that holds the converted document) and references
    into other files raise Excluded."""
    if isinstance(node, bool):
        return node
    if not isinstance(node, dict):
        return {}
    if isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if not ref.startswith("#") and inline is None:
            raise Excluded("external-file $ref")
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if inline is not None:
            try:
                found, found_base, key = resolve(inline, base, ref)
            except (KeyError, ValueError, IndexError):
                raise Excluded("unresolvable $ref")
            if key in stack or len(stack) > MAX_REF_DEPTH or NODE_BUDGET[0] > MAX_NODES:
                CUTS.append(ref)
                target = False  # recursion (or depth) cut
            else:
                target = convert(found, is31, inline, stack + (key,), found_base)
        else:
            target = {"$ref": ref}
        nullable = siblings.get("nullable") is True or siblings.get("x-nullable") is True
        rest = convert({k: v for k, v in siblings.items() if k not in ("nullable",)}, is31, inline, stack, base) if is31 else {}
        result = target if not rest else {"allOf": [target, rest]}
        return {"anyOf": [result, {"type": "null"}]} if nullable else result
    if inline is not None:
        NODE_BUDGET[0] += 1
    discriminated = discriminated_union(node)
    if discriminated is not None:
        node = discriminated
    out = {}
    for key, value in node.items():
        if key in DROPPED or key.startswith("x-"):
            continue
        if key in SCHEMA_LISTS and isinstance(value, list):
            out[key] = [convert(item, is31, inline, stack, base) for item in value]
        elif key in SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: convert(item, is31, inline, stack, base) for name, item in value.items()}
        elif key in SCHEMA_SINGLE and isinstance(value, (dict, bool)):
            out[key] = convert(value, is31, inline, stack, base)
        elif key == "items" and isinstance(value, list):
            out[key] = [convert(item, is31, inline, stack, base) for item in value]
        elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
            bound = "minimum" if key == "exclusiveMinimum" else "maximum"
            if value and bound in node:
                out[key] = node[bound]
        elif key in ("minimum", "maximum") and node.get("exclusive" + key[0].upper() + key[1:]) is True:
            continue
        elif key == "type" and value == "file":
            out[key] = "string"
        else:
            out[key] = value
    if "prefixItems" in out:  # draft 7 spelling of 2020-12 tuples
        out["items"], rest = out.pop("prefixItems"), out.pop("items", None)
        if rest is not None:
            out["additionalItems"] = rest
    if "type" not in out and not any(key in out for key in ("allOf", "anyOf", "oneOf", "enum", "const", "not")):
        # OpenAPI documents leave `type: object` (or `array`) implied; JSON Schema would then admit any value, which no
        # generator models. Spell out what the members imply.
        if any(key in out for key in ("properties", "additionalProperties", "required", "minProperties", "maxProperties")):
            out["type"] = "object"
        elif "items" in out:
            out["type"] = "array"
    types = out.get("type")
    types = [types] if isinstance(types, str) else (types or [])
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise Excluded("the document's `type` is not a string or list of strings (e.g. YAML null for \"null\")")
    if "integer" in types:
        low, high = INT32 if node.get("format") == "int32" else INT64
        if not isinstance(out.get("minimum"), (int, float)) or out["minimum"] < low:
            out["minimum"] = low
        if not isinstance(out.get("maximum"), (int, float)) or out["maximum"] > high:
            out["maximum"] = high
    if "number" in types and node.get("format") == "float":  # a 32-bit float cannot hold more
        if not isinstance(out.get("minimum"), (int, float)) or out["minimum"] < -FLOAT32_MAX:
            out["minimum"] = -FLOAT32_MAX
        if not isinstance(out.get("maximum"), (int, float)) or out["maximum"] > FLOAT32_MAX:
            out["maximum"] = FLOAT32_MAX
    if out.get("format") in ("date-time", "date", "uuid", "byte", "binary"):
        out["format"] = "x-oracle-" + out["format"]
    if not is31 and node.get("nullable") is True:
        if "enum" in out and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
        return {"anyOf": [out, {"type": "null"}]}
    return out


def discriminated_union(node):
    """OpenAPI semantics of `oneOf`/`anyOf` of `$ref`s with a `discriminator`, spelled in JSON Schema: the
    discriminator picks the alternative, so alternative R is `allOf [R, {P: enum of the mapping keys naming R (or R's
    schema name when the mapping has none)}]` and the union is an `anyOf` (JSON Schema's `oneOf` would reject an
    instance that fits two structurally equal alternatives). None when the node is not such a union."""
    discriminator = node.get("discriminator")
    union = "oneOf" if isinstance(node.get("oneOf"), list) else "anyOf" if isinstance(node.get("anyOf"), list) else None
    if not isinstance(discriminator, dict) or not union or not isinstance(discriminator.get("propertyName"), str):
        return None
    alternatives = node[union]
    if not all(isinstance(item, dict) and isinstance(item.get("$ref"), str) for item in alternatives):
        return None
    name = discriminator["propertyName"]
    mapping = discriminator.get("mapping") or {}
    result = {key: value for key, value in node.items() if key not in (union, "discriminator")}
    parts = []
    for item in alternatives:
        ref = item["$ref"]
        short = ref.rsplit("/", 1)[1]
        values = [key for key, target in mapping.items() if target in (ref, short)] or [short]
        parts.append({"allOf": [item, {"type": "object", "required": [name], "properties": {name: {"enum": values}}}]})
    result["anyOf"] = parts
    return result


def closed(node, allof_part=False):
    """The generation schema with objects that do not say `additionalProperties` closed to their declared members
    (own `properties` and those of their `allOf` parts)."""
    if not isinstance(node, dict):
        return node
    node = dict(node)
    for key in ("anyOf", "oneOf"):
        if isinstance(node.get(key), list):
            node[key] = [closed(item) for item in node[key]]
    if isinstance(node.get("allOf"), list):
        node["allOf"] = [closed(item, True) for item in node["allOf"]]
    for key in ("properties", "patternProperties"):
        if isinstance(node.get(key), dict):
            node[key] = {name: closed(item) for name, item in node[key].items()}
    for key in ("items", "additionalProperties", "additionalItems"):
        if isinstance(node.get(key), dict):
            node[key] = closed(node[key])
        elif isinstance(node.get(key), list):
            node[key] = [closed(item) for item in node[key]]
    if allof_part or "additionalProperties" in node or "patternProperties" in node or node.get("anyOf") or node.get("oneOf"):
        return node
    names, open_part = set(), [False]

    def collect(part):
        if not isinstance(part, dict):
            return
        names.update((part.get("properties") or {}).keys())
        names.update(name for name in part.get("required") or [] if isinstance(name, str))
        if "additionalProperties" in part and part["additionalProperties"] is not False or part.get("anyOf") or part.get("oneOf") \
                or "patternProperties" in part:
            open_part[0] = True
        for sub in part.get("allOf") or []:
            collect(sub)

    collect(node)
    if not names or open_part[0]:
        return node
    if node.get("allOf") or not names.issubset((node.get("properties") or {}).keys()):
        node["propertyNames"] = {"enum": sorted(names)}
    else:
        node["additionalProperties"] = False
    return node


def _formats():
    from hypothesis import strategies as st

    def date_time(parts):
        moment, fraction, offset = parts
        text = moment.strftime("%Y-%m-%dT%H:%M:%S")
        return text + fraction + offset

    offset = st.one_of(st.just("Z"), st.builds(lambda sign, h, m: "%s%02d:%02d" % (sign, h, m),
                                                 st.sampled_from("+-"), st.integers(0, 14), st.sampled_from([0, 30, 45])))
    fraction = st.one_of(st.just(""), st.from_regex(r"\A\.[0-9]{1,6}\Z"))
    import datetime
    moments = st.datetimes(min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2200, 12, 31))
    return {
        "x-oracle-date-time": st.tuples(moments, fraction, offset).map(date_time),
        "x-oracle-date": st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31)).map(str),
        "x-oracle-uuid": st.uuids().map(str),
        "x-oracle-byte": st.binary(max_size=24).map(lambda b: base64.b64encode(b).decode()),
        "x-oracle-binary": st.binary(max_size=24).map(lambda b: base64.b64encode(b).decode()),
    }


def validator_for(document, schema_node):
    """A jsonschema validator of `schema_node` in the document's converted dialect, references resolved against
    the document (converted), or None when that is impossible."""
    import jsonschema
    is31 = str(document.get("openapi", "")).startswith("3.1")
    try:
        root = convert(schema_node, is31)
    except Excluded:
        return None
    if _CONVERTED[0] is not document:
        converted = {}
        for name, schema in ((document.get("components") or {}).get("schemas") or {}).items():
            try:
                converted[name] = convert(schema, is31)
            except Excluded:
                converted[name] = {}
        _CONVERTED[:] = [document, converted]
    return jsonschema.Draft7Validator({"allOf": [root], "components": {"schemas": _CONVERTED[1]}})


_CONVERTED = [None, None]  # the document whose component schemas were converted last, and them


def validator_at(document, pointer):
    """``validator_for`` the schema at an oracle pointer; for a schema that reaches into other files (a multi-file
    document), a validator of the schema with its `$ref`s inlined as for generation (recursion cut at the same
    places, so it admits what generation produced)."""
    import jsonschema
    node, base = node_at(document, pointer)
    validator = validator_for(document, node) if base is None else None
    if validator is not None:
        return validator
    try:
        NODE_BUDGET[0] = 0
        is31 = str(document.get("openapi", "")).startswith("3.1")
        return jsonschema.Draft7Validator(convert(node, is31, inline=document, stack=(pointer,), base=base))
    except Exception:
        return None


def violations(validator, value):
    """(JSON path, message) pairs where `value` breaks the validator's schema ([] when it conforms)."""
    found = []
    try:
        for error in validator.iter_errors(value):
            path = "$" + "".join("[%d]" % p if isinstance(p, int) else "." + str(p) for p in error.absolute_path)
            found.append((path, error.message[:200]))
    except Exception as error:  # unresolvable reference and the like: not checkable
        return []
    return found


def instances(document, pointer, count, seconds, max_tries=None):
    """Up to `count` distinct schema-valid instances of the schema at `pointer` (deterministic), or raises Excluded:
    an even spread over the sizes of those hypothesis found in `count * 6` tries."""
    is31 = str(document.get("openapi", "")).startswith("3.1")
    node, base = node_at(document, pointer)
    del CUTS[:]
    NODE_BUDGET[0] = 0
    schema = convert(node, is31, inline=document, stack=(pointer,), base=base)
    cut = bool(CUTS)
    if len(json.dumps(schema)) > 400_000:
        raise Excluded("schema too large once $refs are inlined")
    schema = closed(schema)
    fired = [False, False]  # the cap was hit; generation is over (the alarm no longer interrupts)

    def alarm(signum, frame):
        fired[0] = True
        if not fired[1]:
            raise _Timeout()

    previous = signal.signal(signal.SIGALRM, alarm)
    # Armed before hypothesis-jsonschema canonicalises the schema (seconds on a large one), and re-armed every 0.5 s
    # after the cap, so an exception that Python ignored (raised inside a gc callback) comes again.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        return _generate(document, pointer, schema, cut, count, seconds, max_tries, fired)
    except _Timeout:
        raise Excluded("no instance within the time cap")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _generate(document, pointer, schema, cut, count, seconds, max_tries, fired):
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from hypothesis_jsonschema import from_schema
    from hypothesis_jsonschema._canonicalise import FALSEY, canonicalish

    try:
        if canonicalish(schema) == FALSEY:
            raise Excluded("a required member is recursive or nested too deep (no instance once those `$ref`s are cut)" if cut
                           else "schema admits no instance (self-contradicting)")
    except Excluded:
        raise
    except Exception as error:
        raise Excluded("hypothesis-jsonschema rejects the schema: %s" % type(error).__name__)
    strategy = from_schema(schema, custom_formats=_formats())
    found, seen = [], set()
    validator = validator_at(document, pointer)
    invalid = [0, None]

    @settings(max_examples=max_tries or count * 6, database=None, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    @given(strategy)
    def collect(value):
        if fired[0]:  # the alarm's exception can land in a gc callback, where Python ignores it
            raise _Timeout()
        text = json.dumps(value, sort_keys=True)
        if text in seen:
            return
        broken = violations(validator, value) if validator is not None else []
        if broken:
            invalid[0] += 1
            invalid[1] = invalid[1] or broken[0][1]
            return
        seen.add(text)
        found.append(value)

    try:
        collect()
    except (_Timeout, Unsatisfiable):
        pass
    except re.error:
        raise Excluded("pattern hypothesis cannot generate")
    except Exception as error:
        # The alarm interrupting a draw makes hypothesis report inconsistent (flaky) generation: that is the time cap.
        if not fired[0]:
            message = str(error)
            if "pattern" in message or "regular expression" in message:
                raise Excluded("pattern hypothesis cannot generate")
            raise Excluded("hypothesis-jsonschema fails on the schema: %s" % type(error).__name__)
    fired[1] = True
    if fired[0] and not found:
        raise Excluded("no instance within the time cap")
    if not found:
        if invalid[0] and "is valid under each of" in (invalid[1] or ""):
            raise Excluded("`oneOf` alternatives overlap: every instance fits several (the document's oneOf is not exclusive)")
        if invalid[0]:
            raise Excluded("hypothesis produced only instances that break the schema (%s)" % re.sub(r"'[^']*'|\d+", "…", invalid[1] or "")[:80])
        raise Excluded("unsatisfiable for hypothesis (no instance found)" + (" once recursion is cut" if cut else ""))
    ordered = sorted(found, key=lambda v: (len(json.dumps(v)), json.dumps(v, sort_keys=True)))
    if len(ordered) <= count:
        return ordered
    # An even spread over the sizes, smallest and largest included: small instances carry the `null`s and absent
    # optional members, large ones every member.
    return [ordered[round(i * (len(ordered) - 1) / (count - 1))] for i in range(count)] if count > 1 else ordered[:1]


_DOCUMENT = [None]
# Part of every cached result's key: bump it when a change here changes which instances a schema gets.
CACHE_VERSION = 1


def _worker_start(document):
    import resource
    import sys
    _DOCUMENT[0] = document
    # The time cap's exception landing in hypothesis's gc callback is ignored by Python (and comes again 0.5 s later):
    # not worth a traceback on stderr.
    default_hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None if isinstance(unraisable.exc_value, _Timeout) else default_hook(unraisable)
    # A schema whose generation eats memory raises MemoryError here (an exclusion) instead of starving the machine.
    try:
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (ValueError, OSError):
        pass


def _worker(task):
    pointer, count, seconds = task
    try:
        return pointer, instances(_DOCUMENT[0], pointer, count, seconds), None
    except Excluded as reason:
        return pointer, None, str(reason)
    except MemoryError:
        return pointer, None, "generation needs more than 6 GB"
    except Exception as error:  # hypothesis's own state broken (seen: an AssertionError when the time cap hit a draw)
        return pointer, None, "hypothesis failed inside generation (%s)" % type(error).__name__


def generate_all(document, pointers, count, seconds, processes=None):
    """Yields (pointer, instances or None, exclusion reason or None) for each of `pointers`, in the order they finish,
    generated by `processes` worker processes (default: the number of cores). A schema whose worker dies, or that
    runs past four times the cap plus 30 s (time spent where the alarm cannot reach), is excluded with that reason and
    the pool is started again; the schemas that were running beside it are tried again, each alone."""
    import os
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    processes = processes or os.cpu_count() or 1
    if processes < 2 or len(pointers) < 3:
        _worker_start(document)
        for pointer in pointers:
            yield _worker((pointer, count, seconds))
        return
    hard = seconds * 4 + 30
    pending, running, alone, pool, finished = deque(pointers), {}, set(), None, 0
    while pending or running:
        if pool is None:
            pool = ProcessPoolExecutor(processes, initializer=_worker_start, initargs=(document,))
        while pending and len(running) < (1 if alone & (set(pending) | set(running.values())) else processes):
            pointer = pending.popleft()
            running[pool.submit(_worker, (pointer, count, seconds))] = pointer
            if pointer in alone:
                break
        started = {future: time.monotonic() for future in running if future not in _STARTED}
        _STARTED.update(started)
        done, _ = wait(list(running), timeout=1.0, return_when=FIRST_COMPLETED)
        broken = False
        for future in done:
            pointer = running.pop(future)
            _STARTED.pop(future, None)
            try:
                result = future.result()
            except BrokenProcessPool:
                broken = True
                if pointer in alone:
                    result = (pointer, None, "the generating process died (out of memory or a crash)")
                else:
                    alone.add(pointer)
                    pending.appendleft(pointer)
                    continue
            finished += 1
            if finished % 100 == 0:
                print("oracle: %d/%d schemas" % (finished, len(pointers)), flush=True)
            yield result
        overdue = [future for future in running if time.monotonic() - _STARTED.get(future, time.monotonic()) > hard]
        for future in overdue:
            pointer = running.pop(future)
            _STARTED.pop(future, None)
            finished += 1
            yield pointer, None, "generation ran past %d s, where the time cap cannot interrupt it" % hard
        if broken or overdue:
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
            for future, pointer in running.items():  # they ran beside the culprit: again, each alone
                _STARTED.pop(future, None)
                alone.add(pointer)
                pending.appendleft(pointer)
            running = {}
    if pool is not None:
        pool.shutdown()


_STARTED = {}  # future → when it was submitted (the pool runs at most `processes` at once, so: when it started)


def generate_cached(document, pointers, count, seconds, folder):
    """`generate_all`, with each schema's result kept in `folder` under a key made of the schema once `$ref`s are
    inlined, `count`, `seconds` and `CACHE_VERSION`: a rerun (after a generator fix) regenerates only what changed,
    and gets the same instances even where the time cap made the first run's result depend on the machine's speed."""
    import hashlib
    import os
    salt = "v%d" % CACHE_VERSION
    is31 = str(document.get("openapi", "")).startswith("3.1")
    keys = {}
    for pointer in pointers:
        try:
            NODE_BUDGET[0] = 0
            node, base = node_at(document, pointer)
            text = json.dumps(convert(node, is31, inline=document, stack=(pointer,), base=base), sort_keys=True)
        except Exception:  # generation reports it
            text = pointer
        keys[pointer] = hashlib.sha256(("%s|%s|%d|%s|%s" % (salt, pointer, count, seconds, text)).encode()).hexdigest()
    os.makedirs(folder, exist_ok=True)
    cached = {}
    for pointer, key in keys.items():
        path = os.path.join(folder, key + ".json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                cached[pointer] = tuple(json.load(handle))
    missing = [pointer for pointer in pointers if pointer not in cached]
    if missing:
        print("oracle: generating instances for %d schemas (%d cached)" % (len(missing), len(cached)), flush=True)
    for pointer, values, reason in generate_all(document, missing, count, seconds):
        cached[pointer] = (pointer, values, reason)
        with open(os.path.join(folder, keys[pointer] + ".json"), "w", encoding="utf-8") as handle:
            json.dump([pointer, values, reason], handle, ensure_ascii=False)
    return [cached[pointer] for pointer in pointers]
