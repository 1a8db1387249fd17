"""Versioned gazetteers: loading, validation and diffs.

Shipped gazetteers live in the package's ``gazetteers`` data directory (the
top-level ``gazetteers/`` of the source tree), one immutable JSON Lines file per
released version, listed in ``index.json`` with its entry count and SHA-256.

>>> import arnorm
>>> places = arnorm.load_gazetteer("places")
>>> places.name
'places'
>>> places.get("country-ma").name_en
'Morocco'
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

from .normalizer import normalize

__all__ = [
    "ENTRY_TYPES",
    "Entry",
    "EntryChange",
    "Gazetteer",
    "GazetteerDiff",
    "GazetteerError",
    "Role",
    "Source",
    "ValidationError",
    "alias_collisions",
    "available_gazetteers",
    "common_word_aliases",
    "known_ambiguities",
    "load_gazetteer",
    "safe_word_aliases",
    "validate_file",
]

EntryType = Literal["person", "agency", "organization", "place"]
#: The entry types, in the order the docs list them.
ENTRY_TYPES: Final[tuple[EntryType, ...]] = ("person", "agency", "organization", "place")

#: A user's gazetteer file larger than this is refused before it is read.
MAX_FILE_BYTES: Final = 256 * 1024 * 1024
#: A JSON Lines line longer than this is refused.
MAX_LINE_BYTES: Final = 1024 * 1024

_NAME_RE: Final = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_VERSION_RE: Final = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_ID_RE: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_RE: Final = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_COUNTRY_RE: Final = re.compile(r"^[A-Z]{2}$")
_URL_RE: Final = re.compile(r"^https?://\S+$")


class GazetteerError(Exception):
    """A gazetteer could not be found or loaded."""


class ValidationError(GazetteerError):
    """A gazetteer file breaks the schema; ``errors`` lists every problem found.

    Each problem is a string ``FILE:LINE: FIELD: message``.
    """

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}")


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    """Where the facts of an entry come from."""

    title: str
    publisher: str | None = None
    url: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Role:
    """A position a person held: a title at an organisation, from a date to a date.

    ``start`` and ``end`` are ISO dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)
    or ``None`` when unknown; in the files they are the keys ``from`` and ``to``.
    An ``end`` of ``None`` means no source records the end of the role.
    """

    title: str
    title_en: str | None = None
    organization: str | None = None
    start: str | None = None
    end: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One official, agency, organisation or place."""

    id: str
    type: EntryType
    name: str
    name_en: str
    sources: tuple[Source, ...]
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    country: str | None = None
    part_of: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    roles: tuple[Role, ...] = ()
    notes: str | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The name, aliases and abbreviations, without repeats, in that order."""
        return tuple(dict.fromkeys((self.name, *self.aliases, *self.abbreviations)))

    def to_json(self) -> dict[str, Any]:
        """The entry as the JSON object of the file format (``None`` and empty fields left out)."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        out["name_en"] = self.name_en
        for key in ("aliases", "abbreviations"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        for key in ("country", "part_of", "valid_from", "valid_to"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.roles:
            out["roles"] = [_role_json(r) for r in self.roles]
        out["sources"] = [
            {k: v for k, v in dataclasses.asdict(s).items() if v is not None} for s in self.sources
        ]
        if self.notes is not None:
            out["notes"] = self.notes
        return out


def _role_json(role: Role) -> dict[str, Any]:
    out: dict[str, Any] = {"title": role.title}
    if role.title_en is not None:
        out["title_en"] = role.title_en
    if role.organization is not None:
        out["organization"] = role.organization
    out["from"] = role.start
    out["to"] = role.end
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class EntryChange:
    """An entry present in both versions of a gazetteer whose fields differ."""

    id: str
    fields: tuple[str, ...]
    aliases_added: tuple[str, ...]
    aliases_removed: tuple[str, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class GazetteerDiff:
    """What changed between two gazetteers: entries added, removed and changed."""

    old: str
    new: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[EntryChange, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


class Gazetteer:
    """An immutable, iterable collection of entries with a name and a version.

    Load a shipped one with :func:`load_gazetteer`, a file of your own with
    :meth:`from_path`.
    """

    __slots__ = ("_by_id", "_entries", "name", "sha256", "version")

    def __init__(
        self, name: str, version: str, entries: Iterable[Entry], *, sha256: str | None = None
    ) -> None:
        #: The gazetteer's name (``places``, ``agencies`` ..., or a user's own).
        self.name: str = name
        #: Its semantic version.
        self.version: str = version
        #: The SHA-256 of the file it was loaded from, if any.
        self.sha256: str | None = sha256
        self._entries: tuple[Entry, ...] = tuple(entries)
        self._by_id: dict[str, Entry] = {}
        for entry in self._entries:
            if entry.id in self._by_id:
                raise ValidationError([f"{name}: id: duplicate id {entry.id!r}"])
            self._by_id[entry.id] = entry

    def __repr__(self) -> str:
        return f"<Gazetteer {self.name}@{self.version}: {len(self)} entries>"

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self.name, self.version, self._entries, self.sha256))

    def get(self, entry_id: str) -> Entry | None:
        """Return the entry with this id, or ``None``."""
        return self._by_id.get(entry_id)

    def diff(self, other: Gazetteer) -> GazetteerDiff:
        """What changed from this gazetteer to *other* (typically a newer version)."""
        old, new = self._by_id, other._by_id
        changed: list[EntryChange] = []
        for entry_id in old.keys() & new.keys():
            a, b = old[entry_id], new[entry_id]
            if a == b:
                continue
            fields = tuple(
                f.name
                for f in dataclasses.fields(Entry)
                if getattr(a, f.name) != getattr(b, f.name)
            )
            changed.append(
                EntryChange(
                    entry_id,
                    fields,
                    tuple(x for x in b.surfaces if x not in a.surfaces),
                    tuple(x for x in a.surfaces if x not in b.surfaces),
                )
            )
        return GazetteerDiff(
            old=f"{self.name}@{self.version}",
            new=f"{other.name}@{other.version}",
            added=tuple(sorted(new.keys() - old.keys())),
            removed=tuple(sorted(old.keys() - new.keys())),
            changed=tuple(sorted(changed, key=lambda c: c.id)),
        )

    @classmethod
    def from_path(
        cls, path: str | Path, *, name: str | None = None, version: str = "0.0.0"
    ) -> Gazetteer:
        """Load a gazetteer of your own: JSON Lines in the shipped schema, or CSV.

        A ``.csv`` file has a header row with at least ``name`` and ``type``;
        ``aliases`` holds several aliases separated by ``|``; ``id``,
        ``name_en``, ``country`` and ``source`` are optional (ids are made from
        the line number when missing).  Files are parsed as data only.  A
        malformed or oversized file raises :class:`ValidationError` naming the
        file, line and field.
        """
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise GazetteerError(f"{path}: {exc.strerror or exc}") from None
        if size > MAX_FILE_BYTES:
            raise ValidationError(
                [f"{path}: file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes"]
            )
        data = path.read_bytes()
        if path.suffix.lower() == ".csv":
            entries = _parse_csv(data, str(path))
        else:
            entries = parse_jsonl(data, str(path))
        return cls(name or path.stem, version, entries, sha256=hashlib.sha256(data).hexdigest())


def _restore(name: str, version: str, entries: tuple[Entry, ...], sha256: str | None) -> Gazetteer:
    return Gazetteer(name, version, entries, sha256=sha256)


# --------------------------------------------------------------------------
# Parsing and validation
# --------------------------------------------------------------------------

_ENTRY_KEYS: Final = frozenset(
    {"id", "type", "name", "name_en", "aliases", "abbreviations", "country", "part_of",
     "valid_from", "valid_to", "roles", "sources", "notes"}
)  # fmt: skip
_ROLE_KEYS: Final = frozenset({"title", "title_en", "organization", "from", "to"})
_SOURCE_KEYS: Final = frozenset({"title", "publisher", "url"})


class _Checker:
    def __init__(self, where: str) -> None:
        self.where = where
        self.errors: list[str] = []

    def fail(self, line: int, field: str, message: str) -> None:
        self.errors.append(f"{self.where}:{line}: {field}: {message}")

    def text(self, line: int, obj: Mapping[str, Any], key: str, *, required: bool) -> str | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.fail(line, key, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(line, key, "must be a non-empty string")
            return None
        if value != value.strip():
            self.fail(line, key, "has leading or trailing white space")
        return value

    def date(self, line: int, obj: Mapping[str, Any], key: str, field: str) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE_RE.match(value):
            self.fail(line, field, f"must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
            return None
        return value

    def strings(self, line: int, obj: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(line, key, "must be a list of non-empty strings")
            return ()
        if len(set(value)) != len(value):
            self.fail(line, key, "repeats a value")
        return tuple(value)


def _entry(check: _Checker, line: int, obj: Any) -> Entry | None:
    if not isinstance(obj, dict):
        check.fail(line, "(entry)", "must be a JSON object")
        return None
    for key in sorted(obj.keys() - _ENTRY_KEYS):
        check.fail(line, key, "is not a field of the schema")
    entry_id = check.text(line, obj, "id", required=True)
    if entry_id is not None and not _ID_RE.match(entry_id):
        check.fail(line, "id", f"must be a lowercase ASCII slug, not {entry_id!r}")
    kind = obj.get("type")
    if kind not in ENTRY_TYPES:
        check.fail(line, "type", f"must be one of {', '.join(ENTRY_TYPES)}, not {kind!r}")
    name = check.text(line, obj, "name", required=True)
    name_en = check.text(line, obj, "name_en", required=True)
    country = check.text(line, obj, "country", required=False)
    if country is not None and not _COUNTRY_RE.match(country):
        check.fail(line, "country", f"must be an ISO 3166-1 alpha-2 code, not {country!r}")
    part_of = check.text(line, obj, "part_of", required=False)
    notes = check.text(line, obj, "notes", required=False)
    valid_from = check.date(line, obj, "valid_from", "valid_from")
    valid_to = check.date(line, obj, "valid_to", "valid_to")
    roles = _roles(check, line, obj.get("roles", []))
    if kind != "person" and "roles" in obj:
        check.fail(line, "roles", "only a person has roles")
    if kind == "person" and ("valid_from" in obj or "valid_to" in obj):
        check.fail(line, "valid_from", "a person has roles, not valid_from/valid_to")
    sources = _sources(check, line, obj.get("sources"))
    aliases = check.strings(line, obj, "aliases")
    abbreviations = check.strings(line, obj, "abbreviations")
    if entry_id is None or name is None or name_en is None:
        return None
    if kind not in ENTRY_TYPES or not sources:
        return None
    return Entry(
        id=entry_id,
        type=kind,
        name=name,
        name_en=name_en,
        sources=sources,
        aliases=aliases,
        abbreviations=abbreviations,
        country=country,
        part_of=part_of,
        valid_from=valid_from,
        valid_to=valid_to,
        roles=roles,
        notes=notes,
    )


def _titled_objects(
    check: _Checker, line: int, name: str, value: list[Any], keys: frozenset[str]
) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Yield ``(field, object, title)`` for each well-formed object of a list field."""
    for i, obj in enumerate(value):
        field = f"{name}[{i}]"
        if not isinstance(obj, dict):
            check.fail(line, field, "must be an object")
            continue
        for key in sorted(obj.keys() - keys):
            check.fail(line, f"{field}.{key}", "is not a field of the schema")
        title = obj.get("title")
        if not isinstance(title, str) or not title.strip():
            check.fail(line, f"{field}.title", "must be a non-empty string")
            continue
        yield field, obj, title


def _roles(check: _Checker, line: int, value: Any) -> tuple[Role, ...]:
    if not isinstance(value, list):
        check.fail(line, "roles", "must be a list")
        return ()
    roles: list[Role] = []
    for field, obj, title in _titled_objects(check, line, "roles", value, _ROLE_KEYS):
        start = check.date(line, obj, "from", f"{field}.from")
        end = check.date(line, obj, "to", f"{field}.to")
        if start and end and end < start:
            check.fail(line, f"{field}.to", f"{end} is before {start}")
        title_en = obj.get("title_en")
        org = obj.get("organization")
        roles.append(
            Role(
                title=title,
                title_en=title_en if isinstance(title_en, str) else None,
                organization=org if isinstance(org, str) else None,
                start=start,
                end=end,
            )
        )
    return tuple(roles)


def _sources(check: _Checker, line: int, value: Any) -> tuple[Source, ...]:
    if not isinstance(value, list) or not value:
        check.fail(line, "sources", "must be a list of at least one source")
        return ()
    out: list[Source] = []
    for field, obj, title in _titled_objects(check, line, "sources", value, _SOURCE_KEYS):
        url = obj.get("url")
        if url is not None and (not isinstance(url, str) or not _URL_RE.match(url)):
            check.fail(line, f"{field}.url", f"must be an http(s) URL, not {url!r}")
            url = None
        publisher = obj.get("publisher")
        out.append(Source(title, publisher if isinstance(publisher, str) else None, url))
    return tuple(out)


def _check_references(check: _Checker, entries: list[tuple[int, Entry]]) -> None:
    ids = {e.id for _, e in entries}
    seen: dict[str, int] = {}
    for line, entry in entries:
        if entry.id in seen:
            check.fail(line, "id", f"duplicate id {entry.id!r} (first on line {seen[entry.id]})")
        seen.setdefault(entry.id, line)
        if entry.part_of is not None and entry.part_of not in ids:
            check.fail(line, "part_of", f"refers to unknown id {entry.part_of!r}")
        if entry.part_of == entry.id:
            check.fail(line, "part_of", "an entry cannot be part of itself")
        for i, role in enumerate(entry.roles):
            if role.organization is not None and role.organization not in ids:
                check.fail(
                    line, f"roles[{i}].organization", f"refers to unknown id {role.organization!r}"
                )


def _lines(data: bytes, where: str, check: _Checker) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if len(raw) > MAX_LINE_BYTES:
            check.fail(number, "(line)", f"is {len(raw)} bytes; the limit is {MAX_LINE_BYTES}")
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            offset = data.index(raw) + exc.start if raw else 0
            check.fail(number, "(line)", f"is not UTF-8 (byte offset {offset})")
            continue
        if text.strip():
            yield number, text


def parse_jsonl(data: bytes, where: str, *, external_ids: Iterable[str] | None = ()) -> list[Entry]:
    """Parse and validate JSON Lines; raise :class:`ValidationError` listing every problem.

    *external_ids* are ids defined in other gazetteers that references
    (``part_of``, a role's ``organization``) may use; ``None`` skips the check
    of references.
    """
    check = _Checker(where)
    parsed: list[tuple[int, Entry]] = []
    for number, text in _lines(data.removeprefix(b"\xef\xbb\xbf"), where, check):
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            check.fail(number, "(json)", f"{exc.msg} at column {exc.colno}")
            continue
        entry = _entry(check, number, obj)
        if entry is not None:
            parsed.append((number, entry))
    if not parsed and not check.errors:
        check.fail(1, "(file)", "has no entries")
    if external_ids is not None:
        extra = [(0, _stub(i)) for i in external_ids]
        _check_references(check, parsed + extra)
    if check.errors:
        raise ValidationError(check.errors)
    return [e for _, e in parsed]


def _stub(entry_id: str) -> Entry:
    return Entry(entry_id, "place", "-", "-", (Source("-"),))


def _parse_csv(data: bytes, where: str) -> list[Entry]:
    check = _Checker(where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = f"{where}:1: (file): is not UTF-8 (byte offset {exc.start})"
        raise ValidationError([message]) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    for required in ("name", "type"):
        if required not in header:
            check.fail(1, required, "the header has no such column")
    if check.errors:
        raise ValidationError(check.errors)
    parsed: list[tuple[int, Entry]] = []
    for row in reader:
        number = reader.line_num
        if None in row:
            check.fail(number, "(row)", "has more cells than the header")
            continue
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        obj: dict[str, Any] = {
            "id": (row.get("id") or "").strip() or f"{Path(where).stem.lower()}-{number}",
            "type": (row.get("type") or "").strip(),
            "name": (row.get("name") or "").strip(),
            "name_en": (row.get("name_en") or "").strip() or (row.get("name") or "").strip(),
            "aliases": aliases,
            "sources": [{"title": (row.get("source") or "").strip() or f"{where}, line {number}"}],
        }
        if (row.get("country") or "").strip():
            obj["country"] = row["country"].strip()
        obj["id"] = re.sub(r"[^a-z0-9]+", "-", obj["id"].lower()).strip("-") or f"line-{number}"
        entry = _entry(check, number, obj)
        if entry is not None:
            parsed.append((number, entry))
    _check_references(check, parsed)
    if check.errors:
        raise ValidationError(check.errors)
    return [e for _, e in parsed]


def validate_file(path: str | Path) -> list[str]:
    """Validate a gazetteer file; return the list of problems (empty when valid)."""
    try:
        Gazetteer.from_path(path)
    except ValidationError as exc:
        return exc.errors
    return []


# --------------------------------------------------------------------------
# Shipped gazetteers
# --------------------------------------------------------------------------


def _data_dir() -> Path:
    """The shipped data: inside the installed wheel, or the source tree's ``gazetteers/``."""
    packaged = resources.files("arnorm").joinpath("gazetteers")
    if packaged.is_dir():
        return Path(str(packaged))
    source_tree = Path(__file__).resolve().parent.parent / "gazetteers"
    if (source_tree / "index.json").is_file():
        return source_tree
    raise GazetteerError("the shipped gazetteers are missing from this installation")


def _index() -> dict[str, Any]:
    index: dict[str, Any] = json.loads((_data_dir() / "index.json").read_text(encoding="utf-8"))
    return index


def available_gazetteers() -> dict[str, list[str]]:
    """The shipped gazetteers and their released versions, oldest first.

    >>> sorted(available_gazetteers())
    ['agencies', 'officials', 'organizations', 'places']
    """
    return {
        name: [v["version"] for v in info["versions"]]
        for name, info in _index()["gazetteers"].items()
    }


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def _release(name: str, version: str | None) -> dict[str, Any]:
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise GazetteerError(
            f"invalid gazetteer name {name!r}: a name is lowercase letters, digits, - and _"
        )
    gazetteers = _index()["gazetteers"]
    if name not in gazetteers:
        raise GazetteerError(
            f"no gazetteer named {name!r}; shipped gazetteers are {', '.join(sorted(gazetteers))}"
        )
    releases = gazetteers[name]["versions"]
    if version is None:
        release: dict[str, Any] = max(releases, key=lambda r: _version_key(r["version"]))
        return release
    if not isinstance(version, str) or not _VERSION_RE.match(version):
        raise GazetteerError(f"invalid version {version!r}: a version is MAJOR.MINOR.PATCH")
    for release in releases:
        if release["version"] == version:
            return release
    known = ", ".join(r["version"] for r in releases)
    raise GazetteerError(f"{name} has no version {version}; released versions are {known}")


def _shipped_ids(exclude: str) -> set[str]:
    ids: set[str] = set()
    for other, info in _index()["gazetteers"].items():
        if other == exclude:
            continue
        latest = max(info["versions"], key=lambda r: _version_key(r["version"]))
        ids.update(e.id for e in _load_release(other, latest, check_refs=False))
    return ids


def _load_release(name: str, release: Mapping[str, Any], *, check_refs: bool) -> list[Entry]:
    base = _data_dir()
    path = (base / release["file"]).resolve()
    if base.resolve() not in path.parents:
        raise GazetteerError(f"{name}: index entry points outside the data directory")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != release["sha256"]:
        raise GazetteerError(
            f"{name}@{release['version']}: {path.name} does not match its SHA-256 in the index"
            " (a released version must never change)"
        )
    external = _shipped_ids(name) if check_refs else None
    return parse_jsonl(data, f"{name}/{path.name}", external_ids=external)


_CACHE: dict[tuple[str, str], Gazetteer] = {}


def load_gazetteer(name: str, version: str | None = None) -> Gazetteer:
    """Load a shipped gazetteer: the latest version, or exactly *version* when given.

    >>> load_gazetteer("places", "1.0.0").version
    '1.0.0'

    Raises :class:`GazetteerError` for an unknown name or version, or a name
    that is not a plain gazetteer name (such as a path).
    """
    release = _release(name, version)
    key = (name, release["version"])
    if key not in _CACHE:
        entries = _load_release(name, release, check_refs=True)
        _CACHE[key] = Gazetteer(name, release["version"], entries, sha256=release["sha256"])
    return _CACHE[key]


# --------------------------------------------------------------------------
# Ambiguity
# --------------------------------------------------------------------------


def alias_collisions(gazetteers: Iterable[Gazetteer]) -> dict[str, tuple[str, ...]]:
    """Surfaces that normalize to the same text for more than one entry.

    Returns a map from the normalized surface (``search`` profile) to the
    sorted ids that share it.

    >>> places = load_gazetteer("places")
    >>> alias_collisions([places])["الجزائر"]
    ('country-dz', 'dz-algiers')
    """
    owners: dict[str, set[str]] = {}
    for gaz in gazetteers:
        for entry in gaz:
            for surface in entry.surfaces:
                owners.setdefault(normalize(surface), set()).add(entry.id)
    return {k: tuple(sorted(v)) for k, v in sorted(owners.items()) if len(v) > 1}


def _data_file(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_data_dir() / name).read_text(encoding="utf-8"))
    return data


def known_ambiguities() -> dict[str, tuple[str, ...]]:
    """The reviewed list of surfaces shared by several shipped entries (``ambiguities.json``)."""
    return {k: tuple(v) for k, v in _data_file("ambiguities.json")["ambiguities"].items()}


def common_word_aliases() -> dict[str, str]:
    """Shipped aliases that are also common Arabic words, with what the word means.

    Keys are normalized (``search`` profile).  A matcher should not report
    such an alias on its own without more evidence.

    >>> "الساحل" in common_word_aliases()
    True
    """
    words: dict[str, str] = _data_file("common-words.json")["words"]
    return words


def safe_word_aliases() -> frozenset[str]:
    """Shipped one-word aliases that are frequent Arabic words but name their entry first.

    Keys are normalized (``search`` profile).  Each was reviewed: مصر and
    حماس are names before they are words, so a matcher reports them alone;
    a frequent one-word alias in neither this list nor
    :func:`common_word_aliases` needs evidence, as a common word does.

    >>> "مصر" in safe_word_aliases(), "اب" in safe_word_aliases()
    (True, False)
    """
    return frozenset(_data_file("common-words.json")["safe"])
