"""Draw the questions of a round of the dated-facts quiz (``heldout/facts/``).

Each question is a country, one of issue 9's posts and a day, drawn at random with a fixed
seed: six in ten for one of the 22 Arab League states, three in ten for one of the eleven
other states the issue names, one in ten for one of its international bodies (then the post
is the body's head); the post uniformly among the twelve posts of a state; the day uniformly
from 2010-01-01 to 2026-11-30. Numbers follow on from the last question already drawn, so
that every question of every round has its own number.

Round 1 and 2's questions (``draw.jsonl``, seed 20261206) were drawn this way before this
script existed; round N's (``draw-N.jsonl``), from 3 to 8, were drawn by it with seed
20261212 + N, numbered from 100 × (N − 1) + 1 (round 3: seed 20261215, ``--first 201``):

    python benchmarks/draw_facts.py --seed 20261215 -n 100 --first 201 \\
        > benchmarks/heldout/facts/draw-3.jsonl
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_facts, beside this script
from bench_facts import ARAB_LEAGUE, POSTS, STATE_POSTS

#: The other states issue 9 names.
OTHER_STATES = ("IR", "TR", "IL", "US", "GB", "FR", "ES", "DE", "IT", "RU", "CN")
FIRST_DAY = datetime.date(2010, 1, 1)
LAST_DAY = datetime.date(2026, 11, 30)


def draw(seed: int, count: int, first: int) -> list[dict[str, object]]:
    """*count* questions numbered from *first*, drawn with *seed*."""
    rnd = random.Random(seed)  # noqa: S311 (a reproducible draw, not a secret)
    bodies = [post for post in POSTS if post not in STATE_POSTS]
    arab = sorted(ARAB_LEAGUE)
    days = (LAST_DAY - FIRST_DAY).days
    out: list[dict[str, object]] = []
    for n in range(first, first + count):
        group = rnd.random()
        if group < 0.6:
            country, post = rnd.choice(arab), rnd.choice(STATE_POSTS)
        elif group < 0.9:
            country, post = rnd.choice(OTHER_STATES), rnd.choice(STATE_POSTS)
        else:
            country, post = "INTL", rnd.choice(bodies)
        day = FIRST_DAY + datetime.timedelta(days=rnd.randint(0, days))
        out.append({"n": n, "country": country, "post": post, "date": day.isoformat()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("-n", type=int, default=100, help="how many questions")
    parser.add_argument("--first", type=int, default=1, help="the first question's number")
    args = parser.parse_args(argv)
    for question in draw(args.seed, args.n, args.first):
        sys.stdout.write(json.dumps(question, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
