#!/usr/bin/env bash
# Builds and runs the custom-templates example (Examples/PetstoreTemplates) the way a user meets it, on a
# scratch copy so nothing in the work tree changes:
#   - `swift build` runs the build plugin with the example's openapi-bindgen.yaml and Templates/, and the
#     executable prints what the custom templates added (Identifiable, fixtures, one file for the tags);
#   - an unchanged `swift build` does not run the generator;
#   - editing a template re-runs the generator on the next build, and the edit shows in the output;
#   - adding a template adds its output file to the build;
#   - a template naming an unknown partial fails the build with `FILE:LINE:COLUMN: error:`.
#
# Environment: EXAMPLES_SCRATCH, the SwiftPM scratch path (default .build-examples in the repository); the
# copy goes to "$EXAMPLES_SCRATCH-copy".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SCRATCH="${EXAMPLES_SCRATCH:-$ROOT/.build-examples}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# The example depends on the generator by path (../..): copy the tracked files of both, keeping that layout, to a
# fixed place beside the scratch path (so a second run rebuilds only what changed).
COPY="$SCRATCH-copy/certyneo-swift"
rm -rf "$SCRATCH-copy"
mkdir -p "$COPY"
{ git ls-files -z; git ls-files -z --others --exclude-standard; } | (cd "$ROOT" && xargs -0 tar cf - --ignore-failed-read 2>/dev/null) | (cd "$COPY" && tar xf -)
EXAMPLE="$COPY/Examples/PetstoreTemplates"
TEMPLATES="$EXAMPLE/Sources/PetstoreAPI/Templates"
cd "$EXAMPLE"

# Files an earlier run's added template generated stay in the plugin's output folder: start without them.
rm -rf "$SCRATCH/plugins/outputs/petstoretemplates"

build() { swift build --scratch-path "$SCRATCH" -v 2>&1; }
fail() { echo "examples: FAIL: $*" >&2; exit 1; }
ran_generator() { grep -q "openapi-bindgen-tool generate .*PetstoreAPI/openapi.yaml"; }
run_demo() { "$SCRATCH/debug/petstore-demo"; }

out="$(build)" || { echo "$out" | grep -E "error|warning: " | head -30; fail "first build failed"; }
demo="$(run_demo)" || fail "petstore-demo failed"
echo "$demo"
grep -q "^identifiable: Pet ids \[1\], Order ids \[1\], Category ids \[1\]$" <<<"$demo" || fail "Identifiable models missing"
grep -q '^fixture Pet: {"category":{"id":1,"name":"name"},"id":1,"name":"name","photoUrls":\["file:///fixture"\],"status":"available","tag":"tag"}$' <<<"$demo" || fail "Pet.fixture missing or wrong"
grep -q "^tag pets: listPets, createPet, showPetById; client.pets is PetsAPI$" <<<"$demo" || fail "the per-tag file is missing"
grep -q "^tag store: placeOrder, getInventory; client.store is StoreAPI$" <<<"$demo" || fail "the per-tag file is missing the store tag"
grep -q "^renamed: Endpoint.pet → GET /pets/1 (operationId showPetById)$" <<<"$demo" || fail "the configuration's names override is missing"
grep -q "^petstore-demo: ok$" <<<"$demo" || fail "petstore-demo did not finish"
GENERATED="$(find "$SCRATCH/plugins/outputs" -path "*PetstoreAPI/destination/OpenAPIBindgenPlugin/GeneratedSources" -type d | head -1)"
[[ -n "$GENERATED" ]] || fail "no generated sources folder"
[[ "$(cd "$GENERATED" && export LC_ALL=C && ls *.swift | tr '\n' ' ')" == "Client.swift Endpoint.swift Fixtures.swift TagAPIs.swift Types.swift Types10.swift Types11.swift Types12.swift Types13.swift Types14.swift Types15.swift Types16.swift Types2.swift Types3.swift Types4.swift Types5.swift Types6.swift Types7.swift Types8.swift Types9.swift Webhooks.swift " ]] \
    || fail "unexpected generated files: $(ls "$GENERATED" | tr '\n' ' ')"
grep -q "AuditEntry" "$GENERATED"/Types*.swift && fail "the filter did not drop the admin-only schema"
echo "examples: build and run → Identifiable, fixtures, per-tag file, filter and names as configured"

# After a fresh build SwiftPM 6.3 relinks the plugin's tool once more on the next build (its link file list is
# rewritten), which re-runs the generator; from then on an unchanged build runs nothing.
build >/dev/null || fail "second build failed"
out="$(build)" || fail "third build failed"
if ran_generator <<<"$out"; then
    grep -E "^\[[0-9]+/[0-9]+\]|^Write auxiliary" <<<"$out" >&2
    fail "the generator ran again without any change"
fi
echo "examples: no change → generator not run"

sed -i 's|A sample value for previews and tests (from schema.Fixtures.swift.mustache).|A sample value, edited by examples.sh.|' "$TEMPLATES/fixtureExtension.mustache"
out="$(build)" || { echo "$out" | grep error | head; fail "build after a template edit failed"; }
ran_generator <<<"$out" || fail "editing a template did not re-run the generator"
grep -q "A sample value, edited by examples.sh." "$GENERATED/Fixtures.swift" || fail "the template edit is not in Fixtures.swift"
echo "examples: template edit → regenerated with the edit"

out="$(build)" || fail "build after the edit failed"
ran_generator <<<"$out" && fail "the generator ran again after the edit was built"
echo "examples: no change after the edit → generator not run"

# Templates state the contract the generator provides (the number lives in ContextContract.swift).
CONTRACT="$(grep -o 'public static let version = [0-9]*' "$ROOT/Sources/BindgenRender/Context/ContextContract.swift" | grep -o '[0-9]*$')"
printf '{{! bindgen-contract: %s }}\n{{>fileHeader}}\n\n/// Schema names (from document.SchemaNames.swift.mustache).\npublic let schemaNames = [{{#schemas}}"{{name}}"{{^isLast}}, {{/isLast}}{{/schemas}}]\n' "$CONTRACT" \
    >"$TEMPLATES/document.SchemaNames.swift.mustache"
out="$(build)" || { echo "$out" | grep error | head; fail "build after adding a template failed"; }
[[ -f "$GENERATED/SchemaNames.swift" ]] || fail "the added template's file was not generated"
grep -q 'public let schemaNames = \["Pet", "NewPet", "Category", "Order", "OrderStatus", "Error"\]' "$GENERATED/SchemaNames.swift" || fail "SchemaNames.swift is wrong"
echo "examples: added template → SchemaNames.swift generated and compiled"

cp "$TEMPLATES/schema.Fixtures.swift.mustache" "$WORK/fixtures.good"
printf '{{! bindgen-contract: %s }}\n{{#isStruct}}\n// {{>fixtureExtenson}}\n{{/isStruct}}\n' "$CONTRACT" >"$TEMPLATES/schema.Fixtures.swift.mustache"
out="$(build)" && fail "a template with an unknown partial built"
grep -q "Templates/schema.Fixtures.swift.mustache:3:4: error: unknown partial 'fixtureExtenson' (did you mean 'fixtureExtension'?)" <<<"$out" \
    || { echo "$out" | grep error | head -5; fail "no FILE:3:4 diagnostic for the unknown partial"; }
echo "examples: unknown partial → $(echo "$out" | grep -o "schema.Fixtures.swift.mustache:3:4: error: .*" | head -1 | cut -c1-100)…"
cp "$WORK/fixtures.good" "$TEMPLATES/schema.Fixtures.swift.mustache"
echo "examples: 6 passed, 0 failed"
