"""Rewrite ``gazetteers/ambiguities.json`` from the latest shipped gazetteers.

    python tools/update_ambiguities.py

A test fails while the file and the data disagree, so that every new collision
(two entries whose surfaces normalize to the same text) is seen and reviewed in
the diff of this file before it ships.
"""

from __future__ import annotations

import json
from pathlib import Path

from arnorm import gazetteer

OUT = Path(__file__).resolve().parent.parent / "gazetteers" / "ambiguities.json"


def main() -> int:
    shipped = [gazetteer.load_gazetteer(name) for name in sorted(gazetteer.available_gazetteers())]
    collisions = gazetteer.alias_collisions(shipped)
    data = {
        "comment": (
            "Surfaces (normalized with the search profile) that name more than one shipped entry."
            " Reviewed by hand: a matcher reports all of them as candidates."
        ),
        "gazetteers": {g.name: g.version for g in shipped},
        "ambiguities": {k: list(v) for k, v in collisions.items()},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(collisions)} shared surfaces written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
