"""Merge the per-script subsets that @fontsource ships into one face per style (run once, by hand).

Fontsource publishes each font as separate latin / latin-ext / vietnamese files joined by
unicode-range. Chromium then embeds each subset in a PDF as a font of its own, and a word whose
letters come from two subsets ("NGHĨA": Ĩ from the vietnamese file, A from the latin one) is
extracted by pdftotext as "NGHĨ A". One file per style keeps every word in one font, so the
printed day book can be searched and copied. The outputs are committed in renderer/ui/fonts;
this script is how they were made, from the exact package versions in package-lock.json:

    apt-get install python3-fonttools python3-brotli
    /usr/bin/python3 build/merge-fonts.py
"""
from pathlib import Path
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SUBSETS = ['latin', 'latin-ext', 'vietnamese']
FONTS = {
    'tinos': ['400-normal', '400-italic', '700-normal', '700-italic'],
    'be-vietnam-pro': ['400-normal', '600-normal', '700-normal'],
}
TEXT = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Nguyễn Thị Hường ỔỐỒỖỘƠỚỜỞỠỢƯỨỪỬỮỰđ₫–…“”'

for font, styles in FONTS.items():
    files = ROOT / 'node_modules' / '@fontsource' / font / 'files'
    for style in styles:
        merged = Merger().merge([str(files / f'{font}-{s}-{style}.woff2') for s in SUBSETS])
        missing = [c for c in TEXT if ord(c) not in merged.getBestCmap()]
        assert not missing, f'{font} {style} lacks {missing}'
        merged.flavor = 'woff2'
        out = ROOT / 'renderer' / 'ui' / 'fonts' / f'{font}-{style}.woff2'
        merged.save(str(out))
        print(out.relative_to(ROOT), out.stat().st_size, 'bytes,', len(TTFont(str(out)).getBestCmap()), 'characters')
