#!/usr/bin/env bash
# DOCX → PDF (LibreOffice, headless) → PNG pages (pdftoppm), to look at a generated document the way a
# reader will before shipping a layout change.
#
#   scripts/render-docx.sh [-o <輸出目錄>] [-r <dpi>] <檔案.docx>...
#   → <輸出目錄>/<名稱>.pdf and <輸出目錄>/<名稱>-<頁>.png (default var/render, 80 dpi)
#
# This machine has neither 標楷體 (DFKai-SB) nor Times New Roman: a private fontconfig file maps them to
# a Kai font when one is installed (else Noto Serif CJK TC) and to Liberation Serif (metric-compatible
# with Times New Roman). Glyph shapes differ from Word's; widths, wrapping and pagination are close.
# LibreOffice runs with its own throw-away profile, so it never touches (or waits on) a desktop session.
set -euo pipefail

out="var/render"
dpi=80
while getopts "o:r:h" opt; do
  case "$opt" in
    o) out="$OPTARG" ;;
    r) dpi="$OPTARG" ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ "$#" -eq 0 ]; then sed -n '2,11p' "$0"; exit 2; fi
for tool in soffice pdftoppm fc-match; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool（apt-get install libreoffice-writer poppler-utils fontconfig）" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

kai="$(fc-list :lang=zh-tw family | grep -i -m1 -E 'kai' | cut -d, -f1 || true)"
cjk="${kai:-Noto Serif CJK TC}"
cat >"$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>標楷體</family><prefer><family>$cjk</family></prefer></alias>
  <alias binding="same"><family>DFKai-SB</family><prefer><family>$cjk</family></prefer></alias>
  <alias binding="same"><family>Times New Roman</family><prefer><family>Liberation Serif</family></prefer></alias>
</fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf"
echo "字型替代：標楷體 → $(fc-match -f '%{family[0]}' '標楷體')；Times New Roman → $(fc-match -f '%{family[0]}' 'Times New Roman')" >&2

for docx in "$@"; do
  [ -f "$docx" ] || { echo "找不到 $docx" >&2; exit 2; }
  name="$(basename "${docx%.*}")"
  cp "$docx" "$work/in.docx"
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf --outdir "$work" "$work/in.docx" >/dev/null 2>"$work/soffice.log" ||
    { cat "$work/soffice.log" >&2; exit 1; }
  mv "$work/in.pdf" "$out/$name.pdf"
  rm -f "$out/$name"-*.png
  pdftoppm -png -r "$dpi" "$out/$name.pdf" "$out/$name"
  pages=$(ls "$out/$name"-*.png | wc -l)
  echo "$out/$name.pdf（$pages 頁）→ $out/$name-*.png"
done
