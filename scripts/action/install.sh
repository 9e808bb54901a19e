#!/usr/bin/env bash
# Step 1 of action.yml: put a reportlint binary on the PATH. A released binary
# of the requested version (default: the action's own version) is downloaded and
# checked in seconds; only when none exists for this runner is it built from
# the action's source with `cargo install --locked`.
set -euo pipefail
action="${ACTION_PATH:?}"
dir="${RUNNER_TEMP:?}/reportlint-bin"
version="${INPUT_VERSION:-}"
if [ -z "$version" ]; then
  version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$action/Cargo.toml" | head -n 1)"
fi
mkdir -p "$dir"
set +e
sh "$action/scripts/install.sh" --version "$version" --to "$dir"
code=$?
set -e
if [ "$code" -eq 3 ]; then
  echo "::notice title=reportlint::no released binary of $version for this runner; building it from source (a few minutes)"
  cargo install --locked --path "$action" --root "$dir.cargo" --bin reportlint
  cp "$dir.cargo/bin/reportlint"* "$dir/"
elif [ "$code" -ne 0 ]; then
  echo "::error title=reportlint::installing reportlint $version failed"
  exit "$code"
fi
echo "$dir" >> "${GITHUB_PATH:?}"
"$dir/reportlint" --version
