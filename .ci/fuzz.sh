#!/usr/bin/env bash
# Runs the libFuzzer target over the YAML reader and the OpenAPI document model.
#     bash .ci/fuzz.sh [seconds]        (default 600; crashes are written to Tests/Fuzz/Crashes/)
# Seeds: Tests/Fuzz/Corpus plus the small documents of ../shared/specs. Every crash input kept in
# Tests/Fuzz/Crashes is replayed by Tests/YAMLSourceTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
IDENTITY="$(basename "$(pwd)")"
cd Tests/Fuzz
# The manifest names the main package by its folder name (its SwiftPM identity), so it is written here.
cat > Package.swift <<MANIFEST
// swift-tools-version: 6.0
// Written by .ci/fuzz.sh: a libFuzzer target over the YAML reader and the OpenAPI document model.
import PackageDescription
let package = Package(
    name: "BindgenFuzz",
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "FuzzDocumentModel",
            dependencies: [
                .product(name: "YAMLSource", package: "$IDENTITY"),
                .product(name: "OpenAPIModel", package: "$IDENTITY"),
            ])
    ])
MANIFEST
swift build -c debug --scratch-path ../../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzDocumentModel
BIN="$(swift build -c debug --scratch-path ../../.build-fuzz --show-bin-path)/FuzzDocumentModel"
WORK="$(mktemp -d)"
cp Corpus/* "$WORK/" 2>/dev/null || true
for f in ../../../shared/specs/*.yaml ../../../shared/specs/bugs/*.yaml; do
    [[ $(stat -c %s "$f") -lt 20000 ]] && cp "$f" "$WORK/"
done
mkdir -p Crashes
"$BIN" "$WORK" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -artifact_prefix=Crashes/ -print_final_stats=1
