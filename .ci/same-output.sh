#!/usr/bin/env bash
# Whether two openapi-bindgen binaries write the same files and the same diagnostics for every document we hold:
# ../shared/specs (single files, bugs/, multifile/), the Certyneo document with its configuration, the test fixtures
# and the custom-template example. For refactors that must not change generated code.
#
#   bash .ci/same-output.sh OLD_BINARY NEW_BINARY [WORK_DIR]
#
# Prints one line per document that differs (files or diagnostics) and exits 1 if any does.
set -uo pipefail
OLD="$(realpath "$1")"; NEW="$(realpath "$2")"; WORK="${3:-$(mktemp -d)}"
[ -x "$OLD" ] && [ -x "$NEW" ] || { echo "same-output.sh: $1 or $2 is not an executable" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPECS="$ROOT/../shared/specs"
mkdir -p "$WORK"
documents=()
for file in "$SPECS"/*.yaml "$SPECS"/*.json "$SPECS"/bugs/*.yaml "$ROOT"/Tests/Fixtures/*/openapi.yaml; do
    [ -f "$file" ] && documents+=("$file")
done
[ -f "$SPECS/multifile/digitalocean/DigitalOcean-public.v2.yaml" ] && documents+=("$SPECS/multifile/digitalocean/DigitalOcean-public.v2.yaml")
[ -f "$SPECS/multifile/dropbox-sign/openapi.yaml" ] && documents+=("$SPECS/multifile/dropbox-sign/openapi.yaml")

differing=0
run() {  # run ID DIR CONFIG DOCUMENT: both binaries, compare
    local id="$1" dir="$2" config="$3" document="$4" side binary
    for side in old new; do
        binary="$OLD"; [ "$side" = new ] && binary="$NEW"
        rm -rf "$WORK/$id-$side"
        if [ -n "$config" ]; then
            (cd "$dir" && "$binary" generate "$document" --config "$config" --output-directory "$WORK/$id-$side") >"$WORK/$id-$side.log" 2>&1
        else
            (cd "$dir" && "$binary" generate "$document" --output-directory "$WORK/$id-$side") >"$WORK/$id-$side.log" 2>&1
        fi
        echo "exit $?" >>"$WORK/$id-$side.log"
        sed -i "s|$WORK/$id-$side|OUTPUT|g" "$WORK/$id-$side.log"   # the folder's name is the one expected difference
        mkdir -p "$WORK/$id-$side"   # a document that fails writes nothing: an empty folder on both sides
    done
    if ! diff -rq "$WORK/$id-old" "$WORK/$id-new" >/dev/null 2>&1 || ! cmp -s "$WORK/$id-old.log" "$WORK/$id-new.log"; then
        echo "differs: $document (diff -r $WORK/$id-old $WORK/$id-new; logs $WORK/$id-*.log)"
        differing=$((differing + 1))
    fi
}
index=0
for document in "${documents[@]}"; do
    index=$((index + 1))
    run "doc$index" "$(dirname "$document")" "" "$(basename "$document")"
done
run certyneo "$ROOT/Sources/Certyneo" openapi-bindgen.yaml openapi.yaml
run example "$ROOT/Examples/PetstoreTemplates/Sources/PetstoreAPI" openapi-bindgen.yaml openapi.yaml
echo "$((index + 2)) documents, $differing differing"
[ "$differing" -eq 0 ]
