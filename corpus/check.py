#!/usr/bin/env python3
"""Check the starter corpus: NFC text, front matter keys, area folder, body length.

Run from the repository root: python3 corpus/check.py  (exit 1 and a list of problems if any).
"""
import pathlib
import re
import sys
import tomllib
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent
AREAS = {"a": "a", "b": "b", "c": "c", "d": "d", "đ": "dd", "e": "e", "g": "g", "h": "h"}
KINDS = {"applied", "published", "template", "past-entry"}
FRONT = re.compile(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)", re.S)


def problems_of(path: pathlib.Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    if not unicodedata.is_normalized("NFC", text):
        found.append("not NFC")
    match = FRONT.match(text)
    if not match:
        return found + ["no +++ front matter at the top"]
    try:
        meta = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as err:
        return found + [f"front matter is not TOML: {err}"]
    for key in ("title", "kind", "province", "source"):
        if not meta.get(key):
            found.append(f"missing {key}")
    if meta.get("kind") not in KINDS:
        found.append(f"kind {meta.get('kind')!r} is not one of {sorted(KINDS)}")
    if meta.get("kind") == "template":
        return found
    area = meta.get("area")
    if area not in AREAS:
        found.append(f"area {area!r} is not one of a b c d đ e g h")
    elif path.parent.name != AREAS[area]:
        found.append(f"area {area} belongs in {AREAS[area]}/")
    words = len(match.group(2).split())
    if not 150 <= words <= 400:
        found.append(f"body has {words} words (150–400 expected)")
    return found


def main() -> int:
    bad = 0
    files = [p for p in sorted(ROOT.rglob("*.md")) if p.name != "README.md"]
    for path in files:
        for problem in problems_of(path):
            print(f"{path.relative_to(ROOT)}: {problem}")
            bad += 1
    print(f"{len(files)} files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
