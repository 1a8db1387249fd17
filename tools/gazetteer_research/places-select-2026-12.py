"""Select the supported part of the places research draft of 2026-12 for a release.

    python tools/gazetteer_research/places-select-2026-12.py [--iso3166-2 PATH/iso3166-2.json]

Reads ``places-arab-2026-12.jsonl`` (853 drafted entries), the look-ups made to check city
names (``places-arab-2026-12-lookups.tsv``: id, address, publisher, title, and a corrected
name when the page spells the place differently from the draft) and the released places
2.0.0, and writes ``places-arab-2026-12-verified.jsonl`` (entries to merge over 2.0.0 with
``tools/merge_drafts.py --replace``) and ``places-arab-2026-12-verified.md`` (what was kept,
what was left out and why). The rules, from issues 9 and 11:

- country entries keep the 2.0.0 entry and gain ``demonyms``: the forms the draft's research
  read on the cited pages, the forms read during this selection (``EXTRA_DEMONYMS``), and the
  feminine of a sourced masculine nisba by the regular ة rule (listed in the notes);
- first-level divisions are ISO 3166-2 subdivisions with their Arabic names from the
  iso3166-2 package (a dataset source); with ``--iso3166-2`` each is checked against it;
- a city is kept when its Arabic name is the ISO 3166-2 Arabic name of the subdivision of
  the same name, or a page read during the selection names it (the look-ups file); the
  Arabic forms GeoNames lists without a language tag are never a source on their own, and
  the aliases they alone support are dropped;
- a curated place (crossings, camps, districts ...) is kept when a press or encyclopaedia
  page supports it, not a forum, a blog or a content farm alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

from arnorm import normalize

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DRAFT = HERE / "places-arab-2026-12.jsonl"
LOOKUPS = HERE / "places-arab-2026-12-lookups.tsv"
OUT = HERE / "places-arab-2026-12-verified.jsonl"
LOG = HERE / "places-arab-2026-12-verified.md"
RELEASED = ROOT / "gazetteers" / "places" / "places-2.0.0.jsonl"
CHECKED = "2026-12-04"

#: Publishers that are forums, blogs or content farms: never the only source of a place.
WEAK = re.compile(r"forum|blog|3andlib|Mrahba", re.IGNORECASE)
#: Aliases the draft added to a country that no cited page supports.
UNSUPPORTED_ALIASES = {"country-km": {"جمهورية القمر المتحدة"}}

#: Demonym forms read during the selection, with the page that uses them.
EXTRA_DEMONYMS: dict[str, tuple[list[str], list[dict[str, str]]]] = {
    "country-bh": (
        ["البحريني", "البحرينية", "بحرينية"],
        [
            {
                "publisher": "Al Watan News (Bahrain)",
                "title": "اليوم الوطني القطري عيد بحريني تتلاقى فيه قلوب الأشقاء",
                "url": "https://alwatannews.net/bahrain/article/4007119/اليوم-الوطني-القطري-عيد-بحريني-تتلاقى-فيه-قلوب-الأشقاء",
            },
            {
                "publisher": "Thakirat al-Sharq",
                "title": "عسى الله ألا يفرقنا (الشعب البحريني؛ أصول بحرينية؛ الشعب القطري)",
                "url": "https://www.thakiratalsharq.com/opinion/28/09/2014/عسى-الله-ألا-يفرقنا",
                "date": "2014-09-28",
            },
        ],
    ),
    "country-qa": (
        ["القطري", "القطرية", "قطرية"],
        [
            {
                "publisher": "Thakirat al-Sharq",
                "title": "عسى الله ألا يفرقنا (الشعب القطري؛ الجنسية القطرية؛ أصول قطرية)",
                "url": "https://www.thakiratalsharq.com/opinion/28/09/2014/عسى-الله-ألا-يفرقنا",
                "date": "2014-09-28",
            }
        ],
    ),
    "country-mr": (
        ["الموريتانية"],
        [
            {
                "publisher": "Sewt",
                "title": "لا توجد أي قوات أجنبية على الأراضي الموريتانية",
                "url": "https://sewt.info/taxonomy/term/5?page=216",
            },
            {
                "publisher": "Toungad",
                "title": "السفارة الأمريكية: الاستثمار في الجيش الموريتاني بالغ الأهمية",
                "url": "https://toungad.info/?q=taxonomy%2Fterm%2F4926",
            },
        ],
    ),
    "country-ml": (
        ["الماليون"],
        [
            {
                "publisher": "El Hiwar (Algeria)",
                "title": "مالي: الراهن والتطور والمستقبل (الإمام محمود ديكو الذي يلقبه الماليون)",
                "url": "https://elhiwardz.com/opinions/177432",
            }
        ],
    ),
    "country-ne": (
        ["النيجرية"],
        [
            {
                "publisher": "Afran",
                "title": "الجيش (القوات المسلحة النيجرية)",
                "url": "http://afran.ir/ar/modules/publisher/item.php?itemid=87",
            }
        ],
    ),
    "country-td": (
        ["التشادي", "التشادية", "تشادي"],
        [
            {
                "publisher": "Al Jazeera Centre for Studies",
                "title": "الهجوم على القصر الرئاسي بتشاد (القوات الحكومية التشادية)",
                "url": "https://studies.aljazeera.net/ar/article/6135",
                "date": "2025-01",
            },
            {
                "publisher": "Afrigate News",
                "title": "الجيش التشادي في مواجهة بوكو حرام (الرئيس التشادي)",
                "url": "https://www.afrigatenews.net/article/لجيش-التشادي-في-مواجهة-بوكوحرام",
            },
            {
                "publisher": "Asharq Al-Awsat",
                "title": "تشاد (موقعاً عسكرياً تشادياً؛ وزارة الدفاع التشادية)",
                "url": "https://aawsat.com/tagslocations/%D8%AA%D8%B4%D8%A7%D8%AF?page=6",
            },
        ],
    ),
    "country-bf": (
        ["البوركيني"],
        [
            {
                "publisher": "Al-Akhbar (Mauritania)",
                "title": "بوركينافاسو: الإطاحة بقائد أركان الجيوش (الرئيس البوركيني)",
                "url": "https://alakhbar.mymagic.page/tag/international/page/271",
            }
        ],
    ),
}
#: Why some forms were left out although a page uses them.
DEMONYM_NOTES = {
    "country-ml": (
        "المالي، المالية and الماليين are left out although the press writes them (الجيش"
        " المالي): they are also the adjective 'financial' (وزارة المالية، المستشارين الماليين),"
        " so they are no evidence of Mali."
    ),
}
#: Aliases of a kept city that the page read also writes.
CONFIRMED_ALIASES = {
    "sy-al-qamishli": (
        ["قامشلو"],
        {
            "publisher": "Kurd Online",
            "title": "منطقة قامشلو… الجغرافيا والتاريخ",
            "url": "https://kurd-online.com/%d9%85%d9%86%d8%b7%d9%82%d8%a9-%d9%82%d8%a7%d9%85%d8%b4%d9%84%d9%88-%d8%a7%d9%84%d8%ac%d8%ba%d8%b1%d8%a7%d9%81%d9%8a%d8%a7-%d9%88%d8%a7%d9%84%d8%aa%d8%a7%d8%b1%d9%8a%d8%ae",
        },
    ),
    "iq-tuz-khurmatu": (
        ["طوزخورماتو"],
        {
            "publisher": "Al-Iraq Times",
            "title": "طوزخورماتو القضاء الشهيد الحي",
            "url": "http://aliraqtimes.com/ar/print/21466.html",
        },
    ),
}
#: Drafted names found wrong during the selection: id -> (name, aliases, why).
CORRECTIONS = {
    "ye-municipality-amanat-al-asimah-city": (
        "أمانة العاصمة",
        ["صنعاء"],
        "The draft named it محافظة صنعاء, which is Sanaa Governorate (YE-SN), a different"
        " division; YE-SA is Amanat al-Asimah (ISO 3166-2 romanization Amānat al ‘Āşimah, that"
        " is أمانة العاصمة; ISO's Arabic name صنعاء).",
    ),
}
#: Supported entries left out because matching them does more harm than good, and why.
EXCLUDE = {
    "ma-benslimane": (
        "بنسليمان is read into the nasab بن سلمان (Mohammed bin Salman) by the matcher's"
        " particle and long-vowel rules"
    ),
    "ma-midelt": "ميدلت is read into the common word مداولات (deliberations) by the variant rules",
}
#: Sahel states that 2.0.0 holds without a drafted correction.
SAHEL = ("country-ml", "country-ne", "country-bf", "country-td")


def _plain_alef(entry: dict[str, Any]) -> dict[str, Any]:
    """ٱ (alef wasla, from ISO's vowelled names) written ا, as the press writes it."""
    out = dict(entry)
    out["name"] = entry["name"].replace("\u0671", "\u0627")
    if entry.get("aliases"):
        out["aliases"] = list(
            dict.fromkeys(a.replace("\u0671", "\u0627") for a in entry["aliases"])
        )
    return out


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _feminines(forms: list[str]) -> list[str]:
    """The ة feminine of each masculine nisba (ending in ي) not already in *forms*."""
    out = []
    for form in forms:
        if form.endswith("ي") and len(form) > 2 and form + "ة" not in forms:
            out.append(form + "ة")
    return out


def _iso_arabic(iso: dict[str, Any], code: str) -> list[str]:
    record = iso.get(code[:2], {}).get(code) or {}
    names = []
    for part in (record.get("localOtherName") or "").split(", "):
        match = re.fullmatch(r"(.*) \(ara\)", part.strip())
        if match and re.search("[\u0600-\u06ff]", match.group(1)):
            names.append(match.group(1))
    return names


def _kind(entry: dict[str, Any]) -> str:
    notes = entry.get("notes", "")
    if entry["id"].startswith("country-"):
        return "country"
    if notes.startswith("First-level division") or "ISO 3166-2 lists it" in notes:
        return "division"
    if notes.startswith("City or town; GeoNames") and "alternate names" in notes:
        return "geonames-city"
    if "the Arabic name is that of the ISO 3166-2 subdivision" in notes:
        return "iso-city"
    return "curated"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iso3166-2", type=Path, help="the iso3166-2 package's iso3166-2.json")
    args = parser.parse_args(argv)
    iso = json.loads(args.iso3166_2.read_text("utf-8")) if args.iso3166_2 else None
    released = {e["id"]: e for e in _load(RELEASED)}
    draft = _load(DRAFT)
    with LOOKUPS.open(encoding="utf-8", newline="") as handle:
        lookups = {row[0]: row for row in csv.reader(handle, delimiter="|") if row}
    kept: list[dict[str, Any]] = []
    log: dict[str, list[str]] = {"kept": [], "left out": [], "checks": []}
    for entry in draft:
        entry = dict(entry)
        if entry["id"] in EXCLUDE:
            log["left out"].append(f"{entry['id']} ({entry['name']}): {EXCLUDE[entry['id']]}")
            continue
        kind = _kind(entry)
        if kind == "country":
            kept.append(_country(entry, released[entry["id"]], log))
        elif kind == "division":
            if iso is not None:
                _check_division(entry, iso, log)
            if entry["id"] in CORRECTIONS:
                name, aliases, why = CORRECTIONS[entry["id"]]
                log["checks"].append(f"{entry['id']}: {entry['name']} corrected to {name}")
                entry.update(name=name, aliases=aliases, notes=f"{entry['notes']} {why}")
            kept.append(_plain_alef(entry))
        elif kind in ("geonames-city", "iso-city"):
            city = _city(entry, lookups.get(entry["id"]), iso, log)
            if city is not None:
                kept.append(city)
        else:
            publishers = [s.get("publisher", "") for s in entry["sources"]]
            strong = [s for s in entry["sources"] if not WEAK.search(s.get("publisher", ""))]
            if not strong:
                log["left out"].append(
                    f"{entry['id']} ({entry['name']}): only a forum, blog or content site"
                    f" supports it ({'; '.join(publishers)})"
                )
                continue
            entry["sources"] = strong
            kept.append(entry)
    for code in SAHEL:
        kept.append(_country({"id": code, "demonyms": [], "sources": []}, released[code], log))
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in kept)
    OUT.write_text(text, encoding="utf-8")
    _write_log(kept, log)
    print(f"{len(kept)} entries written to {OUT}", file=sys.stderr)
    return 0


def _country(
    entry: dict[str, Any], old: dict[str, Any], log: dict[str, list[str]]
) -> dict[str, Any]:
    out = dict(old)
    extra_forms, extra_sources = EXTRA_DEMONYMS.get(entry["id"], ([], []))
    forms = list(dict.fromkeys([*entry.get("demonyms", []), *extra_forms]))
    dropped = UNSUPPORTED_ALIASES.get(entry["id"], set())
    aliases = [a for a in entry.get("aliases", old.get("aliases", [])) if a not in dropped]
    names = {normalize(n) for n in (old["name"], *aliases)}
    derived = [f for f in _feminines(forms) if normalize(f) not in names]
    homonyms = [f for f in _feminines(forms) if normalize(f) in names]
    out["demonyms"] = forms + derived
    if aliases:
        out["aliases"] = aliases
    sources = list(old["sources"])
    for source in [*entry.get("sources", []), *extra_sources]:
        if source not in sources:
            sources.append(source)
    out["sources"] = sources
    words = [
        "Demonyms: the forms the cited pages write"
        + (
            f"; {', '.join(derived)} derived from the sourced masculine by the feminine ة rule"
            if derived
            else ""
        )
        + "."
    ]
    if homonyms:
        words.append(
            f"{', '.join(homonyms)}, the feminine nisba, is left out: it is also a name of the"
            " country, which the matcher reports as such."
        )
    if entry["id"] in DEMONYM_NOTES:
        words.append(DEMONYM_NOTES[entry["id"]])
    added = [a for a in aliases if a not in old.get("aliases", [])]
    if added:
        words.append(f"Everyday name(s) {', '.join(added)} added (cited pages).")
    old_notes = old.get("notes")
    out["notes"] = " ".join([*([old_notes] if old_notes else []), *words])
    out["checked"] = CHECKED
    for alias in dropped:
        log["left out"].append(f"{entry['id']}: alias {alias} (no cited page writes it)")
    log["kept"].append(f"{entry['id']}: demonyms {', '.join(out['demonyms'])}")
    return out


def _check_division(entry: dict[str, Any], iso: dict[str, Any], log: dict[str, list[str]]) -> None:
    titles = " ".join(s["title"] for s in entry["sources"])
    match = re.search(r"ISO 3166-2:[A-Z]{2}, ([A-Z]{2}-[A-Z0-9]+)", titles)
    if not match:
        log["checks"].append(f"{entry['id']}: no ISO 3166-2 code in its sources")
        return
    names = set(_iso_arabic(iso, match.group(1)))
    surfaces = {entry["name"], *entry.get("aliases", [])}
    if not {normalize(n) for n in names} & {normalize(s) for s in surfaces}:
        log["checks"].append(
            f"{entry['id']} ({match.group(1)}): the package's Arabic names"
            f" {', '.join(sorted(names)) or '(none)'} are not among {', '.join(sorted(surfaces))};"
            " the entry's notes and other sources say why"
        )


TYPE_WORDS = ("محافظة", "ولاية", "منطقة", "إمارة", "بلدية", "جهة", "إقليم", "عمالة", "شعبية")


def _bare(name: str) -> str:
    for word in TYPE_WORDS:
        if name.startswith(word + " "):
            return name[len(word) + 1 :]
    return name


ISO_PUBLISHER = (
    "ISO 3166 Maintenance Agency (ISO 3166-2 Online Browsing Platform),"
    " as shipped in the iso3166-2 Python package 1.8.4"
)


def _iso_same_name(entry: dict[str, Any], iso: dict[str, Any]) -> tuple[str, str] | None:
    """The ISO 3166-2 subdivision of the entry's country whose Arabic name is the entry's name."""
    wanted = normalize(entry["name"])
    for code, record in iso.get(entry.get("country", ""), {}).items():
        if wanted in {normalize(_bare(n)) for n in _iso_arabic(iso, code)}:
            return code, str(record.get("name", code))
    return None


def _city(
    entry: dict[str, Any],
    lookup: list[str] | None,
    iso: dict[str, Any] | None,
    log: dict[str, list[str]],
) -> dict[str, Any] | None:
    notes = entry["notes"]
    found = re.search(r"GeoNames population ([\d,]+)", notes) or re.search(
        r"population ([\d,]+)", notes
    )
    population = found.group(1) if found else "unknown"
    iso_sources = [s for s in entry["sources"] if s.get("publisher", "").startswith("ISO 3166")]
    geonames = [s for s in entry["sources"] if s.get("publisher", "").startswith("GeoNames")]
    out = dict(entry)
    if lookup is not None:
        _, url, publisher, title, *rest = lookup
        if rest and rest[0]:
            out["name"] = rest[0]
        out["sources"] = [*geonames, {"publisher": publisher, "title": title, "url": url}]
        support = f"the Arabic name as the page of {publisher} cited here writes it"
    elif not iso_sources and iso is not None and (code_found := _iso_same_name(entry, iso)):
        code, english = code_found
        country = code[:2]
        out["sources"] = [
            *geonames,
            {
                "publisher": ISO_PUBLISHER,
                "title": f"ISO 3166-2:{country}, {code} {english}",
                "url": f"https://www.iso.org/obp/ui/#iso:code:3166:{country}",
            },
        ]
        support = (
            "the Arabic name is the ISO 3166-2 Arabic name of the subdivision of the same name"
            f" ({code})"
        )
    elif iso_sources:
        cited = re.search(r"([A-Z]{2}-[A-Z0-9]+)", iso_sources[0]["title"])
        names = [_bare(n) for n in _iso_arabic(iso, cited.group(1))] if iso and cited else []
        if iso is not None and normalize(entry["name"]) not in {normalize(n) for n in names}:
            if not names:
                log["left out"].append(f"{entry['id']} ({entry['name']}): ISO gives no Arabic name")
                return None
            log["checks"].append(
                f"{entry['id']}: name {entry['name']} replaced by the ISO 3166-2 Arabic name"
                f" {names[0]} of {cited.group(1) if cited else '?'}"
            )
            out["name"] = names[0]
        out["sources"] = [*geonames, *iso_sources]
        support = (
            "the Arabic name is the ISO 3166-2 Arabic name of the subdivision of the same name"
        )
    else:
        log["left out"].append(
            f"{entry['id']} ({entry['name']}, population {population}): Arabic name not checked"
            " against a source (GeoNames forms carry no language tag)"
        )
        return None
    aliases, alias_source = CONFIRMED_ALIASES.get(entry["id"], ([], None))
    dropped = [a for a in entry.get("aliases", []) if a not in aliases]
    if entry["name"] != out["name"]:
        dropped.insert(0, entry["name"])
    if aliases and alias_source is not None:
        out["aliases"] = aliases
        out["sources"].append(alias_source)
    else:
        out.pop("aliases", None)
    out["notes"] = (
        f"City or town; GeoNames population {population} (GeoNames, CC BY 4.0); {support}."
    )
    if dropped:
        log["left out"].append(
            f"{entry['id']}: form(s) {', '.join(dropped)} (GeoNames forms with no language tag,"
            " not read elsewhere)"
        )
    log["kept"].append(f"{entry['id']} ({out['name']})")
    return out


def _write_log(kept: list[dict[str, Any]], log: dict[str, list[str]]) -> None:
    lines = [
        "# places-arab-2026-12: what the selection kept and left out",
        "",
        "Written by `places-select-2026-12.py`; see its docstring for the rules.",
        f"{len(kept)} entries kept.",
        "",
    ]
    for title, items in (
        ("Left out", log["left out"]),
        ("Checks against iso3166-2", log["checks"]),
    ):
        lines += [f"## {title} ({len(items)})", "", *[f"- {i}" for i in items], ""]
    LOG.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
