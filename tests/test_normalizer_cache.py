"""One cache of normalizers (code review, duplication item 2): every way in gets the same one."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import arnorm
from arnorm import NormalizerConfig, files, normalizer


def test_every_way_in_gets_the_one_normalizer_of_a_configuration() -> None:
    search = arnorm.PROFILES["search"]
    one = normalizer._normalizer_for(search)
    assert normalizer._resolve(None) is one
    assert normalizer._resolve("search") is one
    assert normalizer._resolve(NormalizerConfig()) is one  # equal, not the same object
    assert pickle.loads(pickle.dumps(one)) is one  # noqa: S301 - our own bytes
    assert normalizer._normalizer is normalizer._normalizer_for  # the former name


def test_a_variant_configuration_gets_its_own_normalizer() -> None:
    variant = dataclasses.replace(NormalizerConfig(), keep_shadda=True)
    assert normalizer._normalizer_for(variant) is not normalizer._resolve(None)
    assert normalizer._normalizer_for(variant).config == variant
    assert normalizer._resolve(variant) is normalizer._normalizer_for(variant)


def test_files_use_the_one_cache(tmp_path: Path) -> None:
    variant = dataclasses.replace(NormalizerConfig(), teh_marbuta=False)
    source = tmp_path / "in.txt"
    source.write_text("المديريّة\n", encoding="utf-8")
    normalizer._normalizer_for.cache_clear()
    files.normalize_file(source, tmp_path / "out.txt", variant)
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "المديرية\n"
    assert normalizer._normalizer_for.cache_info().currsize >= 1
    before = normalizer._normalizer_for.cache_info().misses
    normalizer._resolve(variant)
    assert normalizer._normalizer_for.cache_info().misses == before  # built by the file, reused
