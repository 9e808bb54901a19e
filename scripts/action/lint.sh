#!/usr/bin/env bash
# Step 2 of action.yml: lint, annotate, write SARIF. Inputs arrive as
# environment variables (never spliced into the script), one path or argument a
# line, and are passed to reportlint as separate arguments: no word splitting,
# no glob expansion by the shell (reportlint expands globs itself).
# Outputs: code (reportlint's exit code), sarif (the file, when asked for),
# message (what reportlint said on standard error when the code is 2).
set -euo pipefail
out="${GITHUB_OUTPUT:?}"
tmp="${RUNNER_TEMP:?}"
bin="${REPORTLINT_BIN:-reportlint}"

mapfile -t paths < <(printf '%s\n' "${INPUT_PATHS:-.}" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' || true)
mapfile -t args < <(printf '%s\n' "${INPUT_ARGS:-}" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' || true)
[ "${#paths[@]}" -gt 0 ] || paths=(.)
for a in "${args[@]+"${args[@]}"}"; do
  case "$a" in
    --format|--format=*|--output|--output=*|-o|--fix|--diff|--statistics|--quiet|-q)
      echo "::error title=reportlint::\`$a\` cannot be given in \`args\`: the action chooses the output formats itself"
      echo "code=2" >> "$out"
      exit 0 ;;
  esac
done

run() { # FORMAT OUTPUT_FILE -> exit code; stderr kept in $tmp/reportlint.err
  set +e
  "$bin" "${args[@]+"${args[@]}"}" --format "$1" --output "$2" -- "${paths[@]}" 2> "$tmp/reportlint.err"
  local code=$?
  set -e
  return "$code"
}

# The human report, for the log: its exit code is the step's verdict.
code=0; run human "$tmp/reportlint.txt" || code=$?
if [ -f "$tmp/reportlint.txt" ]; then cat "$tmp/reportlint.txt"; fi
cat "$tmp/reportlint.err" >&2
echo "code=$code" >> "$out"
if [ "$code" -eq 2 ]; then
  {
    echo "message<<REPORTLINT_EOF"
    grep -v '^$' "$tmp/reportlint.err" | tail -n 20
    echo "REPORTLINT_EOF"
  } >> "$out"
fi

# Annotations: all, only on changed lines, or none.
case "${INPUT_ANNOTATE:-changed}" in
  none) ;;
  all|changed)
    : > "$tmp/reportlint.annotations"
    run github "$tmp/reportlint.annotations" || true
    if [ "${INPUT_ANNOTATE:-changed}" = changed ] && [ -n "${BASE_REF:-}" ] \
       && git rev-parse --verify -q "$BASE_REF^{commit}" >/dev/null; then
      git -c core.quotePath=false diff --unified=0 --no-color --no-ext-diff "$BASE_REF" HEAD \
        > "$tmp/reportlint.diff"
      awk -f "$(dirname "$0")/changed-lines.awk" "$tmp/reportlint.diff" "$tmp/reportlint.annotations"
    else
      if [ "${INPUT_ANNOTATE:-changed}" = changed ]; then
        echo "::notice title=reportlint::no base commit to compare with; annotating every finding"
      fi
      cat "$tmp/reportlint.annotations"
    fi
    ;;
  *)
    echo "::error title=reportlint::annotate must be all, changed or none, not \`${INPUT_ANNOTATE}\`"
    echo "code=2" >> "$out"
    exit 0 ;;
esac

if [ "${INPUT_UPLOAD_SARIF:-false}" = true ]; then
  # Written even when some input was not checked (exit 2): its notification says which.
  run sarif "$tmp/reportlint.sarif" || true
  echo "sarif=$tmp/reportlint.sarif" >> "$out"
fi
