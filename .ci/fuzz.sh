#!/usr/bin/env bash
# Runs the libFuzzer target over the YAML reader and the OpenAPI document model.
#     bash .ci/fuzz.sh [seconds]        (default 600; crash inputs are written to Tests/Fuzz/Crashes/)
# The diagnostics, the reader, the model and Tests/Fuzz/FuzzDocumentModel.swift are compiled as one module with
# -sanitize=fuzzer,address (swiftc directly: SwiftPM executables want a main of their own, libFuzzer brings one).
# Seeds: Tests/Fuzz/Corpus plus the small documents of ../shared/specs.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
OUT=".build-fuzz"
SRC="$OUT/src"
rm -rf "$SRC" && mkdir -p "$SRC"
# One module: drop the imports between the two modules (and their access levels) in a scratch copy.
for file in $(find Sources/BindgenDiagnostics Sources/YAMLSource Sources/OpenAPIModel -name '*.swift'); do
    sed -E 's/^(public |internal |package )?import (BindgenDiagnostics|YAMLSource|OpenAPIModel)$//' "$file" > "$SRC/$(echo "$file" | tr '/' '_')"
done
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name BindgenFuzz -I Sources/CLibYAML \
    "$SRC"/*.swift Tests/Fuzz/FuzzDocumentModel.swift -lyaml -o "$OUT/fuzz-document-model"
WORK="$(mktemp -d)"
cp Tests/Fuzz/Corpus/* "$WORK/" 2>/dev/null || true
for f in ../shared/specs/*.yaml ../shared/specs/bugs/*.yaml; do
    [[ -f "$f" && $(stat -c %s "$f") -lt 20000 ]] && cp "$f" "$WORK/"
done
mkdir -p Tests/Fuzz/Crashes
"$OUT/fuzz-document-model" "$WORK" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 \
    -artifact_prefix=Tests/Fuzz/Crashes/ -print_final_stats=1
