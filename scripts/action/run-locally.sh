#!/usr/bin/env bash
# Run action.yml's steps here, as a runner would, without GitHub:
#   scripts/action/run-locally.sh [KEY=VALUE ...]     (KEY: paths, args, annotate,
#                                                      upload-sarif, version, base)
# from inside the repository to lint. Each step's script gets the environment
# action.yml gives it; outputs pass through a GITHUB_OUTPUT file as on a runner;
# the SARIF upload step is replaced by a check that the file is valid JSON.
# REPORTLINT_RELEASE_BASE points the install step at a local release.
set -euo pipefail
action="$(cd "$(dirname "$0")/../.." && pwd)"
declare -A in=([paths]=. [args]="" [annotate]=changed [upload-sarif]=false [version]="" [base]="")
for kv in "$@"; do in["${kv%%=*}"]="${kv#*=}"; done

runner="$(mktemp -d)"
trap 'rm -rf "$runner"' EXIT
export RUNNER_TEMP="$runner" GITHUB_OUTPUT="$runner/output" GITHUB_PATH="$runner/path"
: > "$GITHUB_OUTPUT"; : > "$GITHUB_PATH"

step() { echo "::group::$1" >&2; }
# Read one output from the GITHUB_OUTPUT file (last value wins; heredoc values too).
output() {
  awk -v k="$1" '
    $0 ~ "^" k "<<" { d = substr($0, length(k) + 3); v = ""; while ((getline l) > 0 && l != d) v = v (v == "" ? "" : "\n") l; val = v; next }
    index($0, k "=") == 1 { val = substr($0, length(k) + 2) }
    END { printf "%s", val }' "$GITHUB_OUTPUT"
}

step "Install reportlint"
ACTION_PATH="$action" INPUT_VERSION="${in[version]}" bash "$action/scripts/action/install.sh"
while read -r p; do [ -n "$p" ] && PATH="$p:$PATH"; done < "$GITHUB_PATH"
export PATH

step "Lint"
ACTION_PATH="$action" INPUT_PATHS="${in[paths]}" INPUT_ARGS="${in[args]}" \
  INPUT_ANNOTATE="${in[annotate]}" INPUT_UPLOAD_SARIF="${in[upload-sarif]}" BASE_REF="${in[base]}" \
  bash "$action/scripts/action/lint.sh"

sarif="$(output sarif)"
if [ "${in[upload-sarif]}" = true ] && [ -n "$sarif" ]; then
  step "Upload SARIF (checked locally)"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("sarif:", len(d["runs"][0]["results"]), "results")' "$sarif"
  cp "$sarif" "${SARIF_COPY:-/dev/null}"
fi

step "Verdict"
CODE="$(output code)" MESSAGE="$(output message)" ACTION_PATH="$action" bash "$action/scripts/action/result.sh"
