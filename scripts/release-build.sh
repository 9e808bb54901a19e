#!/usr/bin/env bash
# Build one release archive: `scripts/release-build.sh TARGET [OUT_DIR]`.
# The release workflow runs it for every target of its matrix; run it locally
# the same way (e.g. x86_64-unknown-linux-musl, or x86_64-unknown-linux-gnu
# where the musl target cannot be installed). Writes OUT_DIR/reportlint-TARGET
# .tar.gz (.zip for Windows) and its .sha256 beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: release-build.sh TARGET [OUT_DIR]}"
out="${2:-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if command -v rustup >/dev/null 2>&1; then
  rustup target add "$target" >/dev/null 2>&1 || true
fi
# Static musl binaries need a musl C compiler for the few C parts of the build.
case "$target" in
  *-linux-musl)
    export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static"
    # Cross-built from x86_64: the crate has no C code, so Rust's own linker
    # with musl's bundled start files links it.
    if [ "$target" = aarch64-unknown-linux-musl ] && [ "$(uname -m)" != aarch64 ]; then
      export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER="${CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER:-rust-lld}"
    fi
    ;;
esac
cargo build --locked --profile dist --target "$target" --bin reportlint

exe=reportlint
case "$target" in *windows*) exe=reportlint.exe ;; esac
built="target/$target/dist/$exe"
stage="$(mktemp -d)/reportlint-$target"
mkdir -p "$stage"
cp "$built" README.md README.en.md CHANGELOG.md "$stage/"
for f in LICENSE* NOTICE*; do [ -e "$f" ] && cp "$f" "$stage/"; done
case "$target" in
  *windows*)
    name="reportlint-$target.zip"
    (cd "$(dirname "$stage")" && 7z a -tzip -bd "$out/$name" "reportlint-$target" >/dev/null 2>&1 \
      || powershell -NoProfile -Command "Compress-Archive -Path 'reportlint-$target' -DestinationPath '$(cygpath -w "$out/$name" 2>/dev/null || echo "$out/$name")' -Force")
    ;;
  *)
    name="reportlint-$target.tar.gz"
    tar -C "$(dirname "$stage")" -czf "$out/$name" "reportlint-$target"
    ;;
esac
(cd "$out" && { sha256sum "$name" 2>/dev/null || shasum -a 256 "$name"; } > "$name.sha256")
size=$(wc -c < "$built" | tr -d ' ')
echo "$out/$name: $(cut -d' ' -f1 < "$out/$name.sha256") (binary $size bytes)"
