# Sourced by the benchmark scripts: copy_corpus SRC DEST SIZE_MB copies SRC into
# DEST/c0, DEST/c1, … until DEST holds at least SIZE_MB megabytes.
copy_corpus() {
  local src=$1 dest=$2 size_mb=$3 copy=0
  mkdir -p "$dest"
  while [ "$(du -sm "$dest" | cut -f1)" -lt "$size_mb" ]; do
    mkdir -p "$dest/c$copy"
    cp -r "$src"/. "$dest/c$copy/"
    copy=$((copy + 1))
  done
}
