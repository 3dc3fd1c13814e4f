#!/usr/bin/env bash
# Builds the DocC documentation of the SDK, the runtime and the generator with swift-docc-plugin; any DocC warning
# (a link that does not resolve, an undocumented parameter, a malformed article) fails the run.
# The archives land in .build/plugins/Swift-DocC/outputs/<Target>.doccarchive; preview one with
#   swift package --disable-sandbox preview-documentation --target Certyneo
set -euo pipefail
cd "$(dirname "$0")/.."
for target in Certyneo BindgenRuntime BindgenCore; do
    echo "-- $target"
    swift package generate-documentation --target "$target" --warnings-as-errors
done
