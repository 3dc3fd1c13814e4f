#!/usr/bin/env bash
# Conformance of the sandbox with openapi.yaml, checked by schemathesis.
#
# Usage:
#   SANDBOX_URL=http://127.0.0.1:PORT/api/v1 SANDBOX_KEY=sk_test_… .ci/schemathesis.sh
# Without SANDBOX_URL the script starts `certyneo sandbox --port N --no-rate-limit` itself
# (built with `swift run --scratch-path "$SCRATCH_PATH"`, default .build-schemathesis) and
# stops it at the end.
#
# Environment:
#   SANDBOX_URL, SANDBOX_KEY  an already running sandbox (its rate limit should be off)
#   SANDBOX_PORT              the port for the sandbox the script starts (default 18080)
#   SCHEMATHESIS_MAX_EXAMPLES examples per operation and phase (default 40)
#   SCHEMATHESIS_SEED         a fixed seed, to reproduce a run
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-40}"

if ! command -v schemathesis >/dev/null 2>&1 && ! python3 -c 'import schemathesis' >/dev/null 2>&1; then
    echo "schemathesis.sh: installing schemathesis" >&2
    python3 -m pip install --quiet schemathesis
fi
if command -v schemathesis >/dev/null 2>&1; then
    SCHEMATHESIS=(schemathesis)
else
    SCHEMATHESIS=(python3 -m schemathesis.cli)
fi

SANDBOX_PID=""
LOG_DIR="$(mktemp -d)"
cleanup() {
    if [[ -n "$SANDBOX_PID" ]]; then
        kill "$SANDBOX_PID" 2>/dev/null || true
        wait "$SANDBOX_PID" 2>/dev/null || true
    fi
    rm -rf "$LOG_DIR"
}
trap cleanup EXIT

if [[ -z "${SANDBOX_URL:-}" ]]; then
    PORT="${SANDBOX_PORT:-18080}"
    SCRATCH="${SCRATCH_PATH:-$ROOT/.build-schemathesis}"
    echo "schemathesis.sh: building and starting the sandbox on port $PORT" >&2
    swift build --scratch-path "$SCRATCH" --product certyneo >&2
    "$SCRATCH/debug/certyneo" sandbox --port "$PORT" --no-rate-limit >"$LOG_DIR/sandbox.out" 2>"$LOG_DIR/sandbox.err" &
    SANDBOX_PID=$!
    SANDBOX_URL="http://127.0.0.1:$PORT/api/v1"
    for _ in $(seq 1 100); do
        if curl -s -o /dev/null "$SANDBOX_URL/keys"; then break; fi
        if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
            echo "schemathesis.sh: the sandbox exited:" >&2
            cat "$LOG_DIR/sandbox.err" >&2
            exit 1
        fi
        sleep 0.2
    done
    if [[ -z "${SANDBOX_KEY:-}" ]]; then
        # The CLI prints the ready key; take the first sk_test_… it printed.
        SANDBOX_KEY="$(grep -ohE 'sk_test_[a-z0-9]{24}' "$LOG_DIR/sandbox.out" "$LOG_DIR/sandbox.err" | head -n 1 || true)"
    fi
fi
if [[ -z "${SANDBOX_KEY:-}" ]]; then
    echo "schemathesis.sh: set SANDBOX_KEY to a key of the sandbox at $SANDBOX_URL" >&2
    exit 2
fi

# The checks are all of schemathesis's except:
# - object_level_authorization, which needs a second account's credentials.
# Two documented answers are accepted for schema-valid data (positive_data_acceptance):
# - 415 on uploadDocument: schemathesis cannot make bytes that start with %PDF-;
# - 422 on createEnvelope/updateEnvelope (document ids that do not exist), on sendEnvelope
#   (an envelope without signers) and on any POST whose generated Idempotency-Key collides
#   with an earlier request's.
CONFIG="$LOG_DIR/schemathesis.toml"
cat >"$CONFIG" <<'TOML'
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "404", "409", "415", "422", "429"]
TOML

SEED_ARGS=()
if [[ -n "${SCHEMATHESIS_SEED:-}" ]]; then SEED_ARGS=(--seed "$SCHEMATHESIS_SEED"); fi

echo "schemathesis.sh: testing $SANDBOX_URL" >&2
"${SCHEMATHESIS[@]}" --config-file "$CONFIG" run "$ROOT/openapi.yaml" \
    --url "$SANDBOX_URL" \
    -H "Authorization: Bearer $SANDBOX_KEY" \
    --checks all --exclude-checks object_level_authorization \
    --max-examples "$MAX_EXAMPLES" \
    --request-timeout 10 \
    --workers 2 \
    "${SEED_ARGS[@]}"
