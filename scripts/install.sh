#!/bin/sh
# Install a released reportlint binary: download the archive for this machine
# from the GitHub release, check it against its published SHA-256, unpack it.
#
#   sh install.sh [--version 0.2.0] [--to DIR]      (default: latest, ~/.local/bin)
#
# REPORTLINT_RELEASE_BASE replaces the download location (a mirror, or file://
# in tests). Exits 3 when no binary exists for this machine or version, so a
# caller can fall back to building from source.
set -eu

version="${REPORTLINT_VERSION:-latest}"
to="${REPORTLINT_INSTALL_DIR:-$HOME/.local/bin}"
base="${REPORTLINT_RELEASE_BASE:-https://github.com/reportlint/reportlint/releases}"
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --to) to="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
version="${version#v}"

target() {
  os="$(uname -s)"; arch="$(uname -m)"
  case "$arch" in
    x86_64|amd64) arch=x86_64 ;;
    aarch64|arm64) arch=aarch64 ;;
    *) return 1 ;;
  esac
  case "$os" in
    Linux) echo "$arch-unknown-linux-musl" ;;
    Darwin) echo "$arch-apple-darwin" ;;
    MINGW*|MSYS*|CYGWIN*|Windows_NT) [ "$arch" = x86_64 ] && echo "x86_64-pc-windows-msvc" ;;
    *) return 1 ;;
  esac
}

fetch() { # URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl --proto '=https,file' --tlsv1.2 -fsSL --retry 2 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    echo "install.sh: neither curl nor wget is installed" >&2; return 1
  fi
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

if ! triple="$(target)" || [ -z "$triple" ]; then
  echo "install.sh: no released binary for $(uname -s) $(uname -m)" >&2
  exit 3
fi
case "$triple" in *windows*) ext=zip ;; *) ext=tar.gz ;; esac
if [ "$version" = latest ]; then
  dir_url="$base/latest/download"
else
  dir_url="$base/download/v$version"
fi
name="reportlint-$triple.$ext"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! fetch "$dir_url/$name" "$tmp/$name" || ! fetch "$dir_url/$name.sha256" "$tmp/$name.sha256"; then
  echo "install.sh: no release archive $name for version $version at $dir_url" >&2
  exit 3
fi
want="$(cut -d' ' -f1 < "$tmp/$name.sha256")"
got="$(sha256 "$tmp/$name")"
if [ "$want" != "$got" ]; then
  echo "install.sh: checksum mismatch for $name (expected $want, got $got)" >&2
  exit 1
fi
mkdir -p "$to"
case "$ext" in
  zip) (cd "$tmp" && unzip -q "$name") ;;
  *) tar -xzf "$tmp/$name" -C "$tmp" ;;
esac
bin=reportlint; case "$triple" in *windows*) bin=reportlint.exe ;; esac
found="$(find "$tmp" -type f -name "$bin" | head -n 1)"
[ -n "$found" ] || { echo "install.sh: $name holds no $bin" >&2; exit 1; }
cp "$found" "$to/$bin.tmp.$$" && chmod 755 "$to/$bin.tmp.$$" && mv -f "$to/$bin.tmp.$$" "$to/$bin"
echo "installed $("$to/$bin" --version) ($triple) in $to" >&2
