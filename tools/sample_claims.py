"""Print N random role claims with their sources, for a second reader to check by hand.

Before a gazetteer release, someone who did not write the data re-checks a random sample of
its claims against the sources: "X held title T at organisation O from F to T (open: still
holds it as of the entry's ``checked`` date)". This script draws that sample, reproducibly
(``--seed``), from a shipped gazetteer or a research draft, and prints it as a Markdown
checklist with each claim's sources.

    python tools/sample_claims.py officials -n 20 --seed 7
    python tools/sample_claims.py tools/gazetteer_research/arab-leaders-2010.jsonl -n 30
    python tools/sample_claims.py officials --format jsonl > sample.jsonl

A claim is one role of one person, or the validity dates of an agency or organisation.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from arnorm.gazetteer import load_gazetteer


@dataclass(frozen=True)
class Claim:
    """One checkable statement of the data, with what supports it."""

    entry: str
    name: str
    name_en: str
    statement: str
    checked: str | None
    sources: tuple[dict[str, str], ...]


def _period(start: object, end: object, checked: object) -> str:
    since = f"from {start}" if start else "from an unstated date"
    if end:
        return f"{since} to {end}"
    return f"{since}, still in post (as of {checked or 'an unstated date'})"


def claims(entries: Iterable[dict[str, Any]]) -> Iterator[Claim]:
    """Every claim of *entries* (plain JSON objects as the gazetteer files hold them)."""
    for e in entries:
        sources = tuple(
            {k: str(v) for k, v in s.items() if v is not None} for s in e.get("sources", ())
        )
        checked = e.get("checked")
        common = (e["id"], e["name"], e.get("name_en", ""))
        for role in e.get("roles") or ():
            where = f" ({role['organization']})" if role.get("organization") else ""
            title = f"{role.get('title', '')} / {role.get('title_en', '')}"
            period = _period(role.get("from"), role.get("to"), checked)
            yield Claim(*common, f"{title}{where}, {period}", checked, sources)
        if e.get("type") != "person" and (e.get("valid_from") or e.get("valid_to")):
            period = _period(e.get("valid_from"), e.get("valid_to"), checked)
            yield Claim(*common, f"exists under this name {period}", checked, sources)


def _entries(source: str) -> list[dict[str, Any]]:
    path = Path(source)
    if path.suffix == ".jsonl" and path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    name, _, version = source.partition("@")
    return [e.to_json() for e in load_gazetteer(name, version or None)]


def sample(source: str, n: int, seed: int) -> list[Claim]:
    """*n* random claims of *source*: a gazetteer ``name[@version]`` or a ``.jsonl`` draft."""
    every = list(claims(_entries(source)))
    # A reproducible draw for a reviewer, not a secret: a seeded PRNG is what is wanted.
    return random.Random(seed).sample(every, min(n, len(every)))  # noqa: S311


def markdown(drawn: list[Claim], source: str, seed: int) -> str:
    lines = [f"# {len(drawn)} claims of {source} (seed {seed}) to check by hand", ""]
    for i, c in enumerate(drawn, 1):
        lines.append(f"{i}. [ ] **{c.name}** ({c.name_en}, `{c.entry}`): {c.statement}")
        for s in c.sources:
            dated = f", {s['date']}" if "date" in s else ""
            lines.append(
                f"   - {s.get('publisher', '?')}: {s.get('title', '?')}{dated} <{s.get('url', '')}>"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source", help="a shipped gazetteer (name or name@version) or a .jsonl draft"
    )
    parser.add_argument("-n", type=int, default=20, help="how many claims (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="the draw's seed (default 0)")
    parser.add_argument("--format", choices=("markdown", "jsonl"), default="markdown")
    args = parser.parse_args(argv)
    drawn = sample(args.source, args.n, args.seed)
    if args.format == "jsonl":
        for c in drawn:
            sys.stdout.write(json.dumps(asdict(c), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(markdown(drawn, args.source, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
