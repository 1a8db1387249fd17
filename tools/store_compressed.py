"""Store the plain JSON Lines releases xz-compressed, keeping their released checksums.

Every released version ships in the wheel so that any can be pinned, and the plain ``.jsonl``
releases (before 2026-12-05) took most of its size. This script compresses each of them to
``NAME-VERSION.jsonl.xz`` (preset 9, as ``release_gazetteer.py`` writes new releases), records the
stored file's digest as ``stored_sha256`` in ``gazetteers/index.json`` and keeps ``sha256``, the
digest of the JSON Lines as released: arnorm checks both when it loads a version, so what it reads
is the released file byte for byte. The plain file is removed only after its compressed copy has
been read back and matched.

    python tools/store_compressed.py           # compress what is still plain
    python tools/store_compressed.py --check   # exit 1 if a release is still stored plain
"""

from __future__ import annotations

import argparse
import hashlib
import json
import lzma
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "gazetteers"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report plain releases")
    args = parser.parse_args(argv)
    index_path = ROOT / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    plain = [
        (name, release)
        for name, info in index["gazetteers"].items()
        for release in info["versions"]
        if not release["file"].endswith(".xz")
    ]
    if args.check:
        for name, release in plain:
            print(f"{name}@{release['version']}: stored plain ({release['file']})")
        return 1 if plain else 0
    done: list[Path] = []
    for name, release in plain:
        source = ROOT / release["file"]
        data = source.read_bytes()
        if hashlib.sha256(data).hexdigest() != release["sha256"]:
            sys.exit(f"{source}: does not match its SHA-256 in the index; nothing changed")
        packed = lzma.compress(data, format=lzma.FORMAT_XZ, preset=9)
        if lzma.decompress(packed) != data:  # read back before anything is removed
            sys.exit(f"{source}: the compressed copy does not read back; nothing changed")
        target = source.with_name(source.name + ".xz")
        target.write_bytes(packed)
        release["file"] = release["file"] + ".xz"
        release["stored_sha256"] = hashlib.sha256(packed).hexdigest()
        done.append(source)
        print(f"{name}@{release['version']}: {len(data):,} -> {len(packed):,} bytes")
    temporary = index_path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(index_path)
    for source in done:
        source.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
