"""Generate the CLDR part of the ``places`` gazetteer.

Writes ``tools/gazetteer_data/places-cldr.jsonl``: every country and territory
with its Unicode CLDR Arabic name, the CLDR world regions that news names, and
the cities CLDR names in Arabic as time-zone exemplar cities, each with the
country it lies in.  Official country names from the iso-codes translations
that pycountry ships are added as aliases when they are a real form (not an
inverted index form with a comma).  Babel and pycountry are development-only
dependencies::

    pip install babel pycountry
    python tools/build_places.py

The release script (``tools/release_gazetteer.py``) merges this file with the
curated entries in ``tools/gazetteer_data/`` into a new, immutable version.
"""

from __future__ import annotations

import gettext
import json
import re
import sys
from pathlib import Path

import babel
import pycountry
from babel import Locale
from babel.core import get_global

from arnorm import normalize

TOOLS = Path(__file__).resolve().parent
OUT = TOOLS / "gazetteer_data" / "places-draft.jsonl"
#: Curated places with their own sources (Moroccan regions, Arab cities, regions news names).
EXTRA = TOOLS / "gazetteer_research" / "places-extra.jsonl"
#: Curated aliases added to generated entries, each with the source that shows it in use.
ALIASES = TOOLS / "gazetteer_data" / "places-aliases.json"
#: Curated entries that duplicate a generated one: the generated entry is kept.
DUPLICATES = {"ma-laayoune": "eh-el-aaiun"}
#: Capitals that share their country's Arabic name, with their English names.
CITIES_NAMED_LIKE_THEIR_COUNTRY = {
    "dz-algiers": "Algiers",
    "tn-tunis": "Tunis",
    "kw-kuwait": "Kuwait City",
    "dj-djibouti": "Djibouti City",
}

CLDR_SOURCE = {
    "publisher": "Unicode Consortium",
    "title": f"Unicode CLDR, Arabic locale data (as shipped in Babel {babel.__version__})",
    "url": "https://cldr.unicode.org/",
}
ISO_CODES_SOURCE = {
    "publisher": "Debian iso-codes project",
    "title": "ISO 3166-1 Arabic translations (as shipped in pycountry)",
    "url": "https://salsa.debian.org/iso-codes-team/iso-codes",
}

#: CLDR region codes kept as places, with the ids the gazetteer uses.
REGIONS = {
    "002": "region-africa",
    "015": "region-north-africa",
    "011": "region-western-africa",
    "014": "region-eastern-africa",
    "017": "region-middle-africa",
    "018": "region-southern-africa",
    "019": "region-americas",
    "021": "region-northern-america",
    "005": "region-south-america",
    "013": "region-central-america",
    "029": "region-caribbean",
    "142": "region-asia",
    "145": "region-western-asia",
    "030": "region-eastern-asia",
    "034": "region-southern-asia",
    "035": "region-south-eastern-asia",
    "143": "region-central-asia",
    "150": "region-europe",
    "151": "region-eastern-europe",
    "154": "region-northern-europe",
    "155": "region-western-europe",
    "039": "region-southern-europe",
    "009": "region-oceania",
    "053": "region-australasia",
    "202": "region-sub-saharan-africa",
    "419": "region-latin-america",
    "EU": "region-european-union-territory",
}
#: Codes CLDR lists that are not places news means by them.
SKIP_TERRITORIES = {"ZZ", "QO", "XA", "XB", "EZ", "UN", "EU", "001", "003"}

_MARKS = re.compile("[\u064b-\u065f\u0670]")


def _clean(text: str) -> str:
    """Drop tashkeel: the normalizer folds it, so aliases never need it."""
    return _MARKS.sub("", text).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def build() -> list[dict[str, object]]:
    ar = Locale("ar")
    en = Locale("en")
    iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    entries: list[dict[str, object]] = []
    for code, name in sorted(ar.territories.items()):
        if code in SKIP_TERRITORIES:
            continue
        if code in REGIONS:
            entries.append(
                {
                    "id": REGIONS[code],
                    "type": "place",
                    "name": _clean(name),
                    "name_en": en.territories[code],
                    "sources": [CLDR_SOURCE],
                    "notes": f"CLDR region {code}",
                }
            )
            continue
        if not re.fullmatch(r"[A-Z]{2}", code):
            continue
        aliases: list[str] = []
        sources = [CLDR_SOURCE]
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            for attr in ("name", "official_name"):
                value = getattr(country, attr, None)
                if not value:
                    continue
                arabic = _clean(iso.gettext(value))
                if arabic != value and "،" not in arabic and arabic != _clean(name):
                    aliases.append(arabic)
            if aliases:
                sources = [CLDR_SOURCE, ISO_CODES_SOURCE]
        entries.append(
            {
                "id": f"country-{code.lower()}",
                "type": "place",
                "name": _clean(name),
                "name_en": en.territories[code],
                "aliases": list(dict.fromkeys(aliases)),
                "country": code,
                "sources": sources,
            }
        )
    zone_territories = get_global("zone_territories")
    seen: set[str] = set()
    for zone, names in sorted(ar.time_zones.items()):
        city = names.get("city")
        territory = zone_territories.get(zone)
        if not city or not territory or territory in ("AQ", "001") or "/" not in zone:
            continue
        english = en.time_zones.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " ")
        entry_id = f"{territory.lower()}-{_slug(english)}"
        if entry_id in seen:
            continue
        country_entry = next((e for e in entries if e["id"] == f"country-{territory.lower()}"), {})
        country_names = [country_entry.get("name", ""), *country_entry.get("aliases", [])]  # type: ignore[misc]
        if normalize(city) in {normalize(str(n)) for n in country_names}:
            # CLDR names many zones after their country (Bahrain, Qatar, Malta ...):
            # such a "city" is the country again, unless it is a city of that name.
            if entry_id not in CITIES_NAMED_LIKE_THEIR_COUNTRY:
                continue
            english = CITIES_NAMED_LIKE_THEIR_COUNTRY[entry_id]
        entries.append(
            {
                "id": entry_id,
                "type": "place",
                "name": _clean(city),
                "name_en": english,
                "country": territory,
                "part_of": f"country-{territory.lower()}",
                "sources": [CLDR_SOURCE],
                "notes": f"CLDR exemplar city of the time zone {zone}",
            }
        )
    by_id = {str(e["id"]): e for e in entries}
    curated = json.loads(ALIASES.read_text(encoding="utf-8"))
    for entry_id, extra in curated["aliases"].items():
        entry = by_id[entry_id]
        aliases = list(entry.get("aliases", []))  # type: ignore[call-overload]
        entry["aliases"] = list(dict.fromkeys([*aliases, *extra["aliases"]]))
        entry["sources"] = [*entry["sources"], *extra["sources"]]  # type: ignore[misc]
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry["id"] in DUPLICATES:
            continue
        if entry["id"] in by_id:
            raise SystemExit(f"{EXTRA}: {entry['id']} is generated already")
        by_id[entry["id"]] = entry
        entries.append(entry)
    for entry in entries:
        if not entry.get("aliases"):
            entry.pop("aliases", None)
    return entries


def main() -> int:
    entries = build()
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for entry in entries:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"wrote {len(entries)} entries to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
