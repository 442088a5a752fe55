#!/usr/bin/env bash
# Render briefings as a reader sees them, for a person to look at (not a test):
#   HTML in headless Chromium at desktop (1280 px) and phone (390 px) widths -> PNG;
#   Word through LibreOffice -> PDF -> PNG (pdftoppm).
# Needs the Debian packages chromium, libreoffice-writer, fonts-noto-cjk and poppler-utils
# (`apt-get install -y chromium libreoffice-writer fonts-noto-cjk poppler-utils`).
# Usage: scripts/render_check.sh [INPUT ...]   (default: the sample issues and a hostile one)
#   -> $OUT_DIR (default /tmp/briefing-render-check)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
OUT=${OUT_DIR:-/tmp/briefing-render-check}
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
for tool in chromium libreoffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y chromium libreoffice-writer fonts-noto-cjk poppler-utils" >&2; exit 2; }
done
fc-list :lang=zh | grep -q . || echo "warning: no CJK font installed (fonts-noto-cjk): expect boxes" >&2

# An issue whose text tries to be markup: it must show as text, and nothing may run.
cat > "$OUT/hostile.jsonl" <<'JSONL'
{"id": "h1", "title": "<script>alert(1)</script>标题里的脚本", "text": "正文写着<img src=x onerror=alert(1)>，还有 & 和 \"引号\"。这是一篇用来检查转义的文章，内容不应被当作标记执行。"}
{"id": "h2", "text": "没有标题的短讯：**星号** [链接](http://example.com) 也应原样显示。临江市今天举行检查演练。"}
JSONL
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(samples/linjiang-daily-2024-03-12.txt samples/old-style-1998 "$OUT/hostile.jsonl")
for input in "${inputs[@]}"; do
  [ -e "$input" ] || continue
  name=$(basename "${input%.*}")
  "$PY" -m briefing build "$input" --format html -o "$OUT/$name.html"
  "$PY" -m briefing build "$input" --format docx -o "$OUT/$name.docx"
  for size in 1280,1400 390,1600; do
    width=${size%,*}
    profile=$(mktemp -d)
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
      --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
      --user-data-dir="$profile" --window-size="$size" \
      --screenshot="$OUT/$name-html-$width.png" "file://$OUT/$name.html" >/dev/null 2>&1
    rm -rf "$profile"
  done
  lo_profile=$(mktemp -d)
  libreoffice -env:UserInstallation="file://$lo_profile" --headless --convert-to pdf --outdir "$OUT" "$OUT/$name.docx" >/dev/null 2>&1
  rm -rf "$lo_profile"
  pdftoppm -png -r 70 "$OUT/$name.pdf" "$OUT/$name-docx"
  echo "$name: $(ls "$OUT" | grep -c "^$name-") pictures in $OUT/"
done
