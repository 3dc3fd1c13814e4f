#!/usr/bin/env bash
# Checks the build plugin the way a user meets it, on a scratch copy of the package:
#   - `swift build` generates and compiles the SDK;
#   - a second `swift build` without changes does not run the generator;
#   - adding an optional property to openapi.yaml regenerates on the next build and the property exists;
#   - editing a built-in template (as an update of the package may) regenerates on the next build;
#   - a broken openapi.yaml (bad indentation; a $ref to a missing schema) fails the build with
#     `openapi.yaml:LINE:COLUMN: error: …` at the right place;
#   - the README's regenerate command writes exactly the committed Generated/Certyneo.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
COPY="$(mktemp -d)/certyneo-swift"
SCRATCH="${PLUGIN_CHECK_SCRATCH:-$ROOT/.build-plugincheck}"
mkdir -p "$COPY"
# The bug-fixture targets reach ../shared/specs through relative symlinks: give the copy the same neighbour.
if [[ -d "$ROOT/../shared" ]]; then ln -s "$(cd "$ROOT/../shared" && pwd)" "$(dirname "$COPY")/shared"; fi
git ls-files -z | (cd "$ROOT" && xargs -0 tar cf -) | (cd "$COPY" && tar xf -)
cd "$COPY"
build() { swift build --scratch-path "$SCRATCH" --target Certyneo -v 2>&1; }
fail() { echo "plugin-check: FAIL: $*" >&2; exit 1; }

out="$(build)" || { echo "$out" | tail -30; fail "first build failed"; }
grep -q "openapi-bindgen-tool generate" <<<"$out" || echo "plugin-check: note: generator outputs were already up to date"
# On a fresh scratch path, SwiftPM 6.3 re-wraps the tool's module debug info and relinks the generator once more on the
# second build (the plugin's own sources are not rebuilt), and a relinked tool makes its command run again. From the
# third build on nothing runs; so the "no change" check below is made after one settling build.
out="$(build)" || fail "second build failed"
out="$(build)" || fail "third build failed"
if grep -q "openapi-bindgen-tool generate" <<<"$out"; then grep -o "openapi-bindgen-tool generate [^ ]*" <<<"$out" | head -3 >&2; fail "the generator ran again without any change"; fi
echo "plugin-check: no change → generator not run"
# The README's regenerate command must reproduce the committed Generated/ copy byte for byte (it reads
# Sources/Certyneo/openapi.yaml, a link to the root document, and the openapi-bindgen.yaml beside the link).
regen="$(mktemp -d)"
swift run --scratch-path "$SCRATCH" openapi-bindgen generate Sources/Certyneo/openapi.yaml --output-directory "$regen" --quiet >/dev/null 2>&1 \
    || fail "the README's regenerate command failed"
diff -r Generated/Certyneo "$regen" >/dev/null || { diff -r Generated/Certyneo "$regen" | head -20 || true; fail "the README's regenerate command does not reproduce Generated/Certyneo"; }
echo "plugin-check: README regenerate command → same files as Generated/Certyneo"

python3 - <<'PY'
import re
s = open("openapi.yaml").read()
s = s.replace("        name:\n          type: string\n          maxLength: 255\n          description: A display name; defaults to the file name.\n",
              "        name:\n          type: string\n          maxLength: 255\n          description: A display name; defaults to the file name.\n        folder:\n          type: string\n          description: Added by plugin-check.\n", 1)
open("openapi.yaml", "w").write(s)
PY
out="$(build)" || { echo "$out" | tail -30; fail "build after edit failed"; }
grep -q "openapi-bindgen-tool generate" <<<"$out" || fail "editing openapi.yaml did not regenerate"
grep -q "public var folder: Swift.String?" "$SCRATCH"/plugins/outputs/*/Certyneo/destination/OpenAPIBindgenPlugin/GeneratedSources/Types*.swift || fail "new property missing from the generated models"
echo "plugin-check: edit → regenerated with the new property"

# A built-in template that changes (as an update of this package may do) regenerates too, though the generator's
# code is the same: the plugin lists the templates of the generator's resource bundle as inputs.
echo "// plugin-check: built-in template edit" >> Sources/BindgenRender/Templates/Client.swift.mustache
out="$(build)" || { echo "$out" | tail -30; fail "build after a template edit failed"; }
grep -q "openapi-bindgen-tool generate" <<<"$out" || fail "editing a built-in template did not regenerate"
grep -q "plugin-check: built-in template edit" "$SCRATCH"/plugins/outputs/*/Certyneo/destination/OpenAPIBindgenPlugin/GeneratedSources/Client.swift \
    || fail "the generated Client.swift does not have the edited template's line"
echo "plugin-check: built-in template edit → regenerated"

cp openapi.yaml openapi.good
line=$(grep -n "^  /documents/{id}:" openapi.yaml | cut -d: -f1)
sed -i "$((line + 1))s/^    parameters:/   parameters:/" openapi.yaml
out="$(build)" && fail "a badly indented openapi.yaml built"
grep -Eq "openapi.yaml:$((line + 3)):5: error: " <<<"$out" || { echo "$out" | grep error | head -5; fail "no openapi.yaml:$((line + 3)):5 diagnostic for bad indentation"; }
echo "plugin-check: bad indentation → $(grep -Eo "openapi.yaml:[0-9]+:[0-9]+: error: .*" <<<"$out" | head -1)"

cp openapi.good openapi.yaml
ref_line=$(grep -n "\$ref: '#/components/schemas/EnvelopeEvent'" openapi.yaml | head -1 | cut -d: -f1)
sed -i "${ref_line}s/EnvelopeEvent'/EnvelopeEvnt'/" openapi.yaml
out="$(build)" && fail "a dangling \$ref built"
grep -Eq "openapi.yaml:${ref_line}:[0-9]+: error: \\\$ref '#/components/schemas/EnvelopeEvnt' does not resolve" <<<"$out" || { echo "$out" | grep error | head -5; fail "no diagnostic at line $ref_line for the missing schema"; }
echo "plugin-check: missing schema → $(grep -Eo "openapi.yaml:[0-9]+:[0-9]+: error: .*" <<<"$out" | head -1)"
cp openapi.good openapi.yaml

echo "plugin-check: 6 passed, 0 failed"
