#!/usr/bin/env bash
# The `reportlint` pre-commit hook: runs the released binary of this revision's
# version, installed once per version into the cache (checksum verified) by
# scripts/install.sh, built from this source with cargo only when no released
# binary exists for the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$here/Cargo.toml" | head -n 1)"
cache="${REPORTLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reportlint}/$version"
bin="$cache/reportlint"
[ -x "$bin" ] || [ -x "$bin.exe" ] || {
  mkdir -p "$cache"
  set +e
  sh "$here/scripts/install.sh" --version "$version" --to "$cache"
  code=$?
  set -e
  if [ "$code" -eq 3 ]; then
    echo "reportlint: no released binary of $version for this machine; building it from source once" >&2
    cargo install --locked --path "$here" --root "$cache/cargo" --bin reportlint >&2
    cp "$cache/cargo/bin/reportlint"* "$cache/"
  elif [ "$code" -ne 0 ]; then
    exit "$code"
  fi
}
[ -x "$bin" ] || bin="$bin.exe"
exec "$bin" "$@"
