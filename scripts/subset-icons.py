#!/usr/bin/python3
"""Makes the icon subset the app serves (docs/performance.md, "The technician's phone: page weight").

Bootstrap Icons ships ~2,000 icons: a 87 KB stylesheet and a 134 KB font, more than the whole page budget of a
technician's phone (150 KB per page). This keeps only the icons the app names (every `bi-…` class in the web
project's views, C# and scripts) and writes

  wwwroot/lib/bootstrap-icons/bootstrap-icons.subset.css
  wwwroot/lib/bootstrap-icons/fonts/bootstrap-icons.subset.woff2

The stylesheet links the font with ?v=<hash of the font>, so it is cached for a year like every fingerprinted file.
Run it after using a new icon (the unit test IconSubset fails until then). Needs fontTools with Brotli
(Debian: python3-fonttools python3-brotli).
"""
import hashlib
import pathlib
import re

from fontTools import subset
from fontTools.ttLib import TTFont

root = pathlib.Path(__file__).resolve().parent.parent
web = root / "src" / "NetworkMaintenance.Web"
icons_dir = web / "wwwroot" / "lib" / "bootstrap-icons"
full_css = (icons_dir / "bootstrap-icons.min.css").read_text(encoding="utf-8")

used = set()
for path in web.rglob("*"):
    if path.suffix not in (".cs", ".cshtml", ".js") or "/obj/" in str(path) or "/bin/" in str(path) or "/lib/" in str(path):
        continue
    used.update(re.findall(r"\bbi-[a-z0-9]+(?:-[a-z0-9]+)*", path.read_text(encoding="utf-8")))

rules = dict(re.findall(r"\.(bi-[a-z0-9-]+)::before\{content:\"\\([0-9a-f]+)\"\}", full_css))
names = sorted(n for n in used if n in rules)
codepoints = [int(rules[n], 16) for n in names]

font = TTFont(icons_dir / "fonts" / "bootstrap-icons.woff2")
options = subset.Options()
options.flavor = "woff2"
options.layout_features = []
options.name_IDs = ["*"]
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=codepoints)
subsetter.subset(font)
out_font = icons_dir / "fonts" / "bootstrap-icons.subset.woff2"
font.flavor = "woff2"
font.save(out_font)
version = hashlib.sha256(out_font.read_bytes()).hexdigest()[:16]

header = full_css[: full_css.index("*/") + 2]
base = re.search(r"\.bi::before,\[class\*=\" bi-\"\]::before,\[class\^=bi-\]::before\{[^}]*\}", full_css).group(0)
css = (
    header
    + "\n/* Subset of the icons the app uses: scripts/subset-icons.py (do not edit). */\n"
    + '@font-face{font-display:block;font-family:bootstrap-icons;src:url("fonts/bootstrap-icons.subset.woff2?v='
    + version
    + '") format("woff2")}'
    + base
    + "".join('.%s::before{content:"\\%s"}' % (n, rules[n]) for n in names)
    + "\n"
)
(icons_dir / "bootstrap-icons.subset.css").write_text(css, encoding="utf-8")
print(f"{len(names)} icons; font {out_font.stat().st_size} bytes; stylesheet {len(css)} bytes")
