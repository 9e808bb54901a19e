# Keep the GitHub annotations (`::error file=F,line=N,...::message`) that fall on
# lines a diff (`git diff --unified=0`, the first file) adds or changes; lines
# of the second file that are not annotations pass through.
FNR == NR {
  # git ends a name holding a space with a tab.
  if ($0 ~ /^\+\+\+ b\//) { file = substr($0, 7); sub(/\t$/, "", file); next }
  if ($0 ~ /^@@ /) {
    split($3, plus, ",")
    start = substr(plus[1], 2) + 0
    count = (length(plus) > 1) ? plus[2] + 0 : 1
    for (i = 0; i < count; i++) changed[file SUBSEP (start + i)] = 1
  }
  next
}
/^::(error|warning|notice) / {
  props = substr($0, index($0, " ") + 1)
  props = substr(props, 1, index(props, "::") - 1)
  n = split(props, kv, ",")
  f = ""; l = ""
  for (i = 1; i <= n; i++) {
    if (kv[i] ~ /^file=/) f = substr(kv[i], 6)
    if (kv[i] ~ /^line=/) l = substr(kv[i], 6) + 0
  }
  gsub(/%2C/, ",", f); gsub(/%3A/, ":", f); gsub(/%0D/, "\r", f); gsub(/%0A/, "\n", f); gsub(/%25/, "%", f)
  if (l == "" || ((f SUBSEP l) in changed)) print
  next
}
{ print }
