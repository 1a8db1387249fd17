"""Decisions that file defence and foreign ministers' roles under their ministry (officials 2.9.0).

Until agencies 2.3.0 no ministry of defence or of foreign affairs but three had an entry, so
those ministers' roles carried no ``organization``.  This script writes, for
``tools/merge_drafts.py --decisions``, one decision per role that:

* has no ``organization`` yet;
* has an Arabic title that begins with the minister's title of the portfolio and names no
  other post (no رئيس, نائب or الدولة in it: a prime minister who is also defence minister,
  a deputy minister, a minister of state keep their roles as they are);
* is not a post of a rival authority (an English title naming the Houthis, Sanaa, an eastern
  or interim government, or a parallel one: the ministries' entries are the recognised
  governments');
* belongs to a person whose ``country`` has that ministry in the agencies file given (ids
  ``<cc>-mod`` / ``<cc>-mfa``, or the released ``dz-mdn``, ``iq-mod``, ``ae-mod``), valid on the
  role's start when the ministry has dates.

Usage: python link-ministries-2026-12-05.py AGENCIES.jsonl OFFICIALS.jsonl > decisions.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PREFIXES = {
    "mod": ("وزير الدفاع", "وزيرة الدفاع", "وزير شؤون الدفاع"),
    "mfa": ("وزير الخارجية", "وزيرة الخارجية", "وزير الشؤون الخارجية", "وزيرة الشؤون الخارجية"),
}
OTHER_POSTS = ("رئيس", "نائب", "الدولة")
RIVALS = ("Houthi", "Sanaa", "eastern", "Eastern", "Interim Government", "parallel", "rival")
RELEASED = {("DZ", "mod"): "dz-mdn"}


def _start(date: str) -> str:
    return date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date


def _end(date: str) -> str:
    return date + "-12-31"[len(date) - 4 :] if len(date) < 10 else date


def main(agencies_path: str, officials_path: str) -> None:
    agencies = {}
    for line in Path(agencies_path).read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        agencies[entry["id"]] = entry
    decisions = []
    for line in Path(officials_path).read_text(encoding="utf-8").splitlines():
        person = json.loads(line)
        country = person.get("country")
        if not country:
            continue
        for role in person.get("roles", []):
            title = role["title"].strip()
            if role.get("organization") or any(w in title for w in OTHER_POSTS):
                continue
            if any(w in (role.get("title_en") or "") for w in RIVALS):
                continue
            kind = next((k for k, p in PREFIXES.items() if title.startswith(p)), None)
            if kind is None:
                continue
            body_id = RELEASED.get((country, kind), f"{country.lower()}-{kind}")
            body = agencies.get(body_id)
            if body is None or not role.get("from"):
                continue
            start = _start(role["from"])
            if body.get("valid_from") and start < _start(body["valid_from"]):
                continue
            if body.get("valid_to") and start > _end(body["valid_to"]):
                continue
            decisions.append(
                {
                    "id": person["id"],
                    "role": {"title": role["title"], "from": role["from"]},
                    "set": {"organization": body_id},
                    "why": (
                        f"{role['title']} ({role.get('title_en')}) is the minister of {body_id}, "
                        "whose entry agencies 2.3.0 adds; filed by "
                        "tools/gazetteer_research/link-ministries-2026-12-05.py"
                    ),
                }
            )
    json.dump(decisions, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main(*sys.argv[1:3])
