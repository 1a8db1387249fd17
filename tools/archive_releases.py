"""Store every release but the latest of each gazetteer in that gazetteer's archive.

    python tools/archive_releases.py           # archive what is still stored on its own
    python tools/archive_releases.py --check   # exit 1 if an earlier version is stored on its own

Every released version ships in the wheel, so that any can be pinned. Stored one file a version,
the 44 earlier versions of the officials took 21 MB of it, though each differs from the next in a
few entries. The archive ``gazetteers/NAME/NAME-archive.json.xz`` holds each distinct line once
(``lines``) and each version as the indexes of its lines (``versions``), xz-compressed: about
1 MB for the officials. The latest version stays a file of its own, so loading it reads nothing
else.

Nothing released changes: each version's JSON Lines are read (and checked against their digests)
before it is archived, the new archive is read back and must give every version byte for byte,
and only then are the index updated and the single files removed. ``sha256`` stays the digest of
the file as released; when that file was compressed, ``lines_sha256`` records the digest of its
JSON Lines, which arnorm checks when it reads the version from the archive.
``tools/release_gazetteer.py`` runs this after each release, so the version it replaces as the
latest moves into the archive.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import lzma
import sys
from pathlib import Path
from typing import Any

from arnorm import gazetteer

ROOT = Path(__file__).resolve().parent.parent / "gazetteers"


def _latest(releases: list[dict[str, Any]]) -> dict[str, Any]:
    return max(releases, key=lambda r: gazetteer._version_key(r["version"]))


def _standalone(index: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The releases of *name*, other than the latest, still stored as a file of their own."""
    releases = index["gazetteers"][name]["versions"]
    latest = _latest(releases)
    return [r for r in releases if r is not latest and not r.get("archived")]


def _pack(name: str, versions: dict[str, bytes]) -> bytes:
    lines: list[str] = []
    number: dict[str, int] = {}
    listed: dict[str, list[int]] = {}
    for version, data in versions.items():
        if not data.endswith(b"\n") or b"\n\n" in data or b"\r" in data:
            sys.exit(f"{name}@{version}: not one entry a line; nothing changed")
        indexes = []
        for line in data.decode("utf-8").split("\n")[:-1]:
            if line not in number:
                number[line] = len(lines)
                lines.append(line)
            indexes.append(number[line])
        listed[version] = indexes
    doc = {"format": 1, "gazetteer": name, "versions": listed, "lines": lines}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
    return lzma.compress(text.encode("utf-8"), format=lzma.FORMAT_XZ, preset=9)


def archive(root: Path, index: dict[str, Any], name: str) -> list[str]:
    """Move *name*'s earlier releases into its archive; return the versions moved.

    *index* is updated in place and written to ``root / "index.json"``; the files of the
    versions moved are removed once the new archive reads back.
    """
    moving = _standalone(index, name)
    if not moving:
        return []
    info = index["gazetteers"][name]
    # every version to archive, as released (arnorm checks each one's digests as it reads it)
    archived = [r for r in info["versions"] if r.get("archived") or r in moving]
    archived.sort(key=lambda r: gazetteer._version_key(r["version"]))
    versions = {r["version"]: gazetteer._release_lines(name, r) for r in archived}
    packed = _pack(name, versions)
    target = root / name / f"{name}-archive.json.xz"
    temporary = target.with_suffix(".xz.tmp")
    temporary.write_bytes(packed)
    doc = json.loads(lzma.decompress(temporary.read_bytes()))
    for version, data in versions.items():  # read back before anything is replaced
        rebuilt = "".join(doc["lines"][i] + "\n" for i in doc["versions"][version])
        if rebuilt.encode("utf-8") != data:
            temporary.unlink()
            sys.exit(f"{name}@{version}: the archive does not read back; nothing changed")
    temporary.replace(target)
    removed = []
    for release in moving:
        if release["file"].endswith(".xz") and "stored_sha256" not in release:
            release["lines_sha256"] = hashlib.sha256(versions[release["version"]]).hexdigest()
        removed.append(root / release.pop("file"))
        release.pop("stored_sha256", None)
        release["archived"] = True
    info["archive"] = {
        "file": f"{name}/{target.name}",
        "sha256": hashlib.sha256(packed).hexdigest(),
    }
    write_index(root, index)
    for path in removed:
        path.unlink()
    return [r["version"] for r in moving]


def write_index(root: Path, index: dict[str, Any]) -> None:
    """Write *index* to ``root / "index.json"`` through a temporary file, never half-written."""
    temporary = root / "index.json.tmp"
    temporary.write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    temporary.replace(root / "index.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report what is not archived")
    args = parser.parse_args(argv)
    index = json.loads((ROOT / "index.json").read_text(encoding="utf-8"))
    if args.check:
        pending = [
            f"{name}@{r['version']}: stored on its own ({r['file']})"
            for name in index["gazetteers"]
            for r in _standalone(index, name)
        ]
        print("\n".join(pending) if pending else "every earlier version is archived")
        return 1 if pending else 0
    for name in list(index["gazetteers"]):
        moved = archive(ROOT, index, name)
        if moved:
            size = (ROOT / index["gazetteers"][name]["archive"]["file"]).stat().st_size
            print(f"{name}: archived {len(moved)} versions; the archive is {size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
