#!/usr/bin/env bash
# Builds the DocC documentation of the SDK, the runtime and the generator with swift-docc-plugin; any DocC warning
# (a link that does not resolve, an undocumented parameter, a malformed article) fails the run.
# The archives land in .build/plugins/Swift-DocC/outputs/<Target>.doccarchive; preview one with
#   swift package --disable-sandbox preview-documentation --target Certyneo
#
# swift-package 6.3.1 itself sometimes dies of a signal while it reads a plugin's messages (seen once in CI: SIGSEGV
# in libdispatch's event loop, DefaultPluginScriptRunner.readPluginMessage). Such a crash (exit status above 128) is
# retried once and said; a DocC error (status 1) fails at once.
set -uo pipefail
cd "$(dirname "$0")/.."
for target in Certyneo BindgenRuntime BindgenCore; do
    echo "-- $target"
    swift package generate-documentation --target "$target" --warnings-as-errors
    status=$?
    if [[ $status -gt 128 ]]; then
        echo "docs.sh: swift-package died of signal $((status - 128)) on $target; retrying once"
        swift package generate-documentation --target "$target" --warnings-as-errors
        status=$?
    fi
    [[ $status -eq 0 ]] || { echo "docs.sh: documentation of $target failed (status $status)"; exit 1; }
done
