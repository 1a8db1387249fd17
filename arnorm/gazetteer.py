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

import calendar
import csv
import dataclasses
import datetime as dt
import errno
import functools
import hashlib
import io
import json
import lzma
import os
import re
import stat
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

import unicodedata2

from .normalizer import normalize
from .steps import INVISIBLE_CHARS

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
    "common_given_names",
    "common_word_aliases",
    "common_word_surnames",
    "known_ambiguities",
    "load_gazetteer",
    "safe_word_aliases",
    "schema_of",
    "validate_file",
]

EntryType = Literal["person", "agency", "organization", "place"]
#: A date for ``Entry.roles_at``: a ``datetime.date`` or an ISO string.
DateLike = dt.date | str
#: The entry types, in the order the docs list them.
ENTRY_TYPES: Final[tuple[EntryType, ...]] = ("person", "agency", "organization", "place")

#: A user's gazetteer file larger than this is refused before it is read.
MAX_FILE_BYTES: Final = 256 * 1024 * 1024
#: A JSON Lines line longer than this is refused.
MAX_LINE_BYTES: Final = 1024 * 1024
#: A file with more entries than this is refused (memory grows with the entries).
MAX_ENTRIES: Final = 500_000
#: Validation stops after this many problems, so that a file of bad lines costs
#: bounded memory; the last message says the rest was not checked.
MAX_ERRORS: Final = 1000
#: Lines are split from at most about this many bytes at a time.
_LINE_WINDOW: Final = 1 << 20
#: The shipped data files other than the gazetteers, checksummed in ``index.json``
#: under ``data_files`` and verified each time one is read, and whenever a
#: shipped gazetteer is loaded.
DATA_FILES: Final = (
    "ambiguities.json",
    "common-words.json",
    "frequent-words-ar.txt",
    "given-names-ar.txt",
    "lexicon-ar.txt.xz",
)

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

    Each problem is a string ``FILE:LINE: FIELD: message`` (the field is
    ``(line)``, ``(json)``, ``(csv)``, ``(row)`` or ``(file)`` for a problem
    that is not in one field), or ``FILE: (file): message`` for a problem of
    the whole file found before its lines are read.
    """

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}")


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    """Where the facts of an entry come from.

    ``date`` is the ISO date of the page (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``), when known (schema 2).
    """

    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Role:
    """A position a person held: a title at an organisation, from a date to a date.

    ``start`` and ``end`` are ISO dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)
    or ``None`` when unknown; in the files they are the keys ``from`` and ``to``.
    An ``end`` of ``None`` is the data's claim that the role is still held, as
    of the entry's ``checked`` date (schema 2); in a 1.x release, which has no
    ``checked``, it means only that no source records the end of the role.
    ``note`` explains what the dates alone do not (schema 2): an acting head, a
    disputed appointment, two people claiming the same post.
    """

    title: str
    title_en: str | None = None
    organization: str | None = None
    start: str | None = None
    end: str | None = None
    note: str | None = None

    def held_on(self, date: DateLike) -> bool:
        """Whether the data places this role on *date* (see ``Entry.roles_at``)."""
        return self._held(*_query_period(date))

    def _held(self, first: dt.date, last: dt.date) -> bool:
        if self.start is None:
            return False
        end = dt.date.max if self.end is None else _period(self.end)[1]
        return _period(self.start)[0] <= last and first <= end


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
    #: The ISO date on which every open role (or an open ``valid_to``) was last
    #: confirmed true (schema 2; required on a person there); ``None`` in 1.x releases.
    checked: str | None = None
    #: On a country entry only (a place with a ``country`` and no ``part_of``): the
    #: words for its people and what is theirs, as the press writes them (المغربي،
    #: المغربية، المغاربة).  They are not names of the entry: a matcher never
    #: reports them as the country; they are evidence of which country a text is
    #: about.
    demonyms: tuple[str, ...] = ()
    #: On an agency with a ``country`` only: the head words of its local units' names, as
    #: the press writes them right before a place of that country (ولاية أمن for Morocco's
    #: national police: ولاية أمن طنجة is its Tangier prefecture).  They are not names of the
    #: entry: a matcher reports a head and a place of the country together as the agency.
    units: tuple[str, ...] = ()

    def valid_on(self, date: DateLike) -> bool:
        """Whether the data places the entry (a body, most often) in existence on *date*.

        From ``valid_from`` to ``valid_to``, both inclusive, a partial date covering
        its whole period, and *date* given as for :meth:`roles_at`; a missing
        ``valid_from`` or ``valid_to`` leaves that side open, so an entry with
        neither is valid on every date.

        >>> gid = Entry(id="sy-gid", type="agency", name="إدارة المخابرات العامة",
        ...     name_en="General Intelligence Directorate", sources=(Source("example"),),
        ...     valid_to="2025-01")
        >>> gid.valid_on("2024-12-08"), gid.valid_on("2025-01-31"), gid.valid_on("2025-02")
        (True, True, False)
        """
        first, last = _query_period(date)
        start = dt.date.min if self.valid_from is None else _period(self.valid_from)[0]
        end = dt.date.max if self.valid_to is None else _period(self.valid_to)[1]
        return start <= last and first <= end

    def roles_at(self, date: DateLike) -> tuple[Role, ...]:
        """The roles the data places on *date*, in the entry's order.

        *date* is a ``datetime.date`` (a ``datetime.datetime`` counts
        as its day) or an ISO string ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a
        string that is not one, or a day not in the calendar, raises
        :class:`ValueError`.  The rules, which the gazetteers docs explain:

        * ``from`` and ``to`` are both inclusive: on the day one role ends and
          the next begins, the person holds both;
        * a partial date covers its whole period: a role from ``2013`` is
          held on 2013-01-01, and one to ``2015-06`` on 2015-06-30, because
          the data says only that the change happened at some time in that
          year or month, and a role that may have been held is shown with its
          dates rather than hidden;
        * an open ``to`` is the data's claim that the role is still held, so
          the role is held on every later date;
        * a role with no ``from`` is never placed on a date: the data does not
          say when it began.  It is still in ``roles``;
        * a partial *date* asks about a period: the roles held at some time
          in it.

        >>> from arnorm import load_gazetteer
        >>> officials = load_gazetteer("officials", "1.0.0")
        >>> khiame = officials.get("person-abdelhak-khiame")
        >>> [(r.title_en, r.start, r.end) for r in khiame.roles]
        [('Head of the National Brigade of Judicial Police', '2004', '2015'), \
('Director of the BCIJ', '2015', '2020-11-29')]
        >>> [r.title_en for r in khiame.roles_at("2014-02-01")]
        ['Head of the National Brigade of Judicial Police']
        >>> [r.title_en for r in khiame.roles_at("2015-06")]  # both: "2015" is the whole year
        ['Head of the National Brigade of Judicial Police', 'Director of the BCIJ']
        >>> import datetime
        >>> khiame.roles_at(datetime.date(2021, 1, 1))
        ()
        >>> khiame.roles_at("2021-02-30")
        Traceback (most recent call last):
          ...
        ValueError: a date is YYYY, YYYY-MM or YYYY-MM-DD in the calendar, not '2021-02-30'
        """
        first, last = _query_period(date)
        return tuple(role for role in self.roles if role._held(first, last))

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The name, aliases and abbreviations, without repeats, in that order."""
        return tuple(dict.fromkeys((self.name, *self.aliases, *self.abbreviations)))

    def to_json(self) -> dict[str, Any]:
        """The entry as the JSON object of the file format (``None`` and empty fields left out)."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        out["name_en"] = self.name_en
        for key in ("aliases", "abbreviations", "demonyms", "units"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        for key in ("country", "part_of", "valid_from", "valid_to"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.roles:
            out["roles"] = [_role_json(r) for r in self.roles]
        if self.checked is not None:
            out["checked"] = self.checked
        out["sources"] = [
            {k: v for k, v in dataclasses.asdict(s).items() if v is not None} for s in self.sources
        ]
        if self.notes is not None:
            out["notes"] = self.notes
        return out


def _period(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date; else ValueError."""
    if not _DATE_RE.fullmatch(value):
        raise ValueError(f"not YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    year = parts[0]
    if len(parts) == 2:
        month = parts[1]
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _query_period(date: DateLike) -> tuple[dt.date, dt.date]:
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        return date, date
    if not isinstance(date, str):
        raise TypeError(f"a date is a datetime.date or an ISO string, not {type(date).__name__}")
    try:
        return _period(date)
    except ValueError:
        message = f"a date is YYYY, YYYY-MM or YYYY-MM-DD in the calendar, not {_shown(date)}"
        raise ValueError(message) from None


def _role_json(role: Role) -> dict[str, Any]:
    out: dict[str, Any] = {"title": role.title}
    if role.title_en is not None:
        out["title_en"] = role.title_en
    if role.organization is not None:
        out["organization"] = role.organization
    out["from"] = role.start
    out["to"] = role.end
    if role.note is not None:
        out["note"] = role.note
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
        cls,
        path: str | Path,
        *,
        name: str | None = None,
        version: str = "0.0.0",
        schema: int | None = None,
    ) -> Gazetteer:
        """Load a gazetteer of your own: JSON Lines in the shipped schema, or CSV.

        A ``.csv`` file has a header row with at least ``name`` and ``type``;
        ``aliases`` holds several aliases separated by ``|``; ``id``,
        ``name_en``, ``country`` and ``source`` are optional (ids are made from
        the line number when missing).  Files are parsed as data only.

        A JSON Lines file is checked by the rules of *schema*, by default those
        of *version* (``schema_of``: 2 from version 2.0.0 on, which requires
        ``checked`` on people and dated roles).

        Whatever the file holds, loading raises only :class:`ValidationError`
        (a malformed, oversized or formula-like file, or a FIFO, device or
        socket, which is refused without being read), whose ``errors`` name
        the file, line and field, or :class:`GazetteerError` when the file
        cannot be opened or read (missing, a directory, permission denied, an
        I/O error).
        """
        path = Path(path)
        data = _read_limited(path)
        if path.suffix.lower() == ".csv":
            entries = _parse_csv(data, str(path))
        else:
            chosen = schema_of(version) if schema is None else schema
            entries = parse_jsonl(data, str(path), schema=chosen)
        return cls(name or path.stem, version, entries, sha256=hashlib.sha256(data).hexdigest())


def _restore(name: str, version: str, entries: tuple[Entry, ...], sha256: str | None) -> Gazetteer:
    return Gazetteer(name, version, entries, sha256=sha256)


_FILE_KINDS: Final = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(path: Path, mode: int) -> GazetteerError:
    """A directory is the I/O error it would be on reading; other special files are invalid."""
    if stat.S_ISDIR(mode):
        return GazetteerError(f"{path}: {os.strerror(errno.EISDIR)}")
    kind = next((what for test, what in _FILE_KINDS if test(mode)), "not a regular file")
    return ValidationError([f"{path}: (file): is {kind}; a gazetteer must be a regular file"])


def _read_limited(path: Path) -> bytes:
    """Read a user's gazetteer file: a regular file of at most :data:`MAX_FILE_BYTES`.

    The file is opened without blocking (a FIFO would otherwise wait for a
    writer), checked with ``fstat`` on the open descriptor, and read up to one
    byte past the limit, so a file that grows, or whose size ``stat`` does not
    tell, cannot be read without bound.
    """
    try:
        if not stat.S_ISREG(mode := path.stat().st_mode):
            raise _not_regular(path, mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise GazetteerError(f"{path}: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(mode := os.fstat(fd).st_mode):
            raise _not_regular(path, mode)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise GazetteerError(f"{path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES
        raise ValidationError(
            [f"{path}: (file): is more than {limit} bytes; the limit is {limit} bytes"]
        )
    return b"".join(chunks)


# --------------------------------------------------------------------------
# Parsing and validation
# --------------------------------------------------------------------------

_ENTRY_KEYS: Final = frozenset(
    {"id", "type", "name", "name_en", "aliases", "abbreviations", "demonyms", "units",
     "country", "part_of", "valid_from", "valid_to", "roles", "checked", "sources", "notes"}
)  # fmt: skip
_ROLE_KEYS: Final = frozenset({"title", "title_en", "organization", "from", "to", "note"})
_SOURCE_KEYS: Final = frozenset({"title", "publisher", "url", "date"})


#: Format characters a name may hold: the ones the normalizer removes (``invisible``)
#: and that real spellings carry (ZWNJ in Persian-style names, bidi marks pasted
#: from web pages).  Every other control (Cc), format (Cf), surrogate (Cs) or
#: line and paragraph separator (Zl, Zp) is refused in every text field: NUL,
#: newlines and tabs included.
_ALLOWED_FORMAT: Final = frozenset(INVISIBLE_CHARS)
_REFUSED: Final = frozenset({"Cc", "Cs", "Zl", "Zp"})
#: A cell starting with one of these is run as a formula by spreadsheets.
_FORMULA_START: Final = ("=", "+", "-", "@")
#: Fields that hold a name: no formula-like first character in them.
_NAME_FIELDS: Final = frozenset(
    {"name", "name_en", "aliases", "abbreviations", "demonyms", "units"}
)
#: A JSON number with more characters than this is refused (the schema has no numbers).
_MAX_DIGITS: Final = 64


class _JSONRefusedError(ValueError):
    """Raised from inside ``json.loads`` by the hooks below."""


def _json_int(text: str) -> int:
    if len(text) > _MAX_DIGITS:
        raise _JSONRefusedError(f"has a number of {len(text)} digits")
    return int(text)


def _json_constant(text: str) -> Any:
    raise _JSONRefusedError(f"{text} is not JSON")


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _JSONRefusedError(f"an object repeats the key {_shown(key)}")
            seen.add(key)
    return obj


def _json_loads(text: str) -> Any:
    """Parse one JSON value strictly: no NaN or Infinity, no repeated keys, no huge numbers."""
    return json.loads(
        text, parse_int=_json_int, parse_constant=_json_constant, object_pairs_hook=_json_object
    )


def _shown(value: Any, limit: int = 60) -> str:
    """A short, printable description of a value from a file, for an error message."""
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= limit else f"{text[: limit - 5]}...' ({len(value)} characters)"
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)[:limit]
    return "a list" if isinstance(value, list) else "an object"


def _bad_character(value: str) -> str | None:
    """Why *value* cannot be a text field of an entry, or ``None`` when it can."""
    if value.isprintable():  # the common case, at C speed: no Cc, Cf, Cs, Zl or Zp at all
        return None
    for char in value:
        category = unicodedata2.category(char)
        if category in _REFUSED or (category == "Cf" and char not in _ALLOWED_FORMAT):
            return (
                f"holds U+{ord(char):04X} ({_char_name(char)}); control, format and"
                " line-separator characters are not allowed"
            )
    return None


def _char_name(char: str) -> str:
    names = {
        "\n": "LINE FEED",
        "\r": "CARRIAGE RETURN",
        "\t": "TAB",
        "\x00": "NUL",
        "\x1b": "ESCAPE",
        "\x7f": "DELETE",
    }
    return names.get(char) or unicodedata2.name(char, "unnamed")


class _Checker:
    def __init__(self, where: str, schema: int = 1) -> None:
        self.where = where
        self.schema = schema
        self.errors: list[str] = []

    def fail(self, line: int, field: str, message: str) -> None:
        self.errors.append(f"{self.where}:{line}: {field}: {message}")
        if len(self.errors) >= MAX_ERRORS:
            self.errors.append(
                f"{self.where}:{line}: (file): {MAX_ERRORS} problems found;"
                " the rest of the file is not checked"
            )
            raise ValidationError(self.errors)

    def count(self, line: int, parsed: list[Any]) -> None:
        """Refuse the file once it has more than :data:`MAX_ENTRIES` entries."""
        if len(parsed) > MAX_ENTRIES:
            self.fail(line, "(file)", f"has more than {MAX_ENTRIES} entries")
            raise ValidationError(self.errors)

    def text(
        self,
        line: int,
        obj: Mapping[str, Any],
        key: str,
        *,
        required: bool,
        field: str | None = None,
    ) -> str | None:
        field = field or key
        value = obj.get(key)
        if value is None:
            if required:
                self.fail(line, field, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(line, field, "must be a non-empty string")
            return None
        if value != value.strip():
            self.fail(line, field, "has leading or trailing white space")
        return value if self.clean(line, field, value) else None

    def clean(self, line: int, field: str, value: str) -> bool:
        """Refuse control characters anywhere, and a formula-like start in a name."""
        problem = _bad_character(value)
        if problem is not None:
            self.fail(line, field, problem)
            return False
        if field.partition("[")[0] in _NAME_FIELDS and value.startswith(_FORMULA_START):
            self.fail(
                line,
                field,
                f"starts with {value[0]!r}, which a spreadsheet would run as a formula"
                f" ({_shown(value)}); a name cannot start with = + - or @",
            )
            return False
        return True

    def date(self, line: int, obj: Mapping[str, Any], key: str, field: str) -> str | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
            self.fail(line, field, f"must be YYYY, YYYY-MM or YYYY-MM-DD, not {_shown(value)}")
            return None
        try:
            _period(value)
        except ValueError:
            self.fail(line, field, f"{value} is not a date of the calendar")
            return None
        return value

    def strings(self, line: int, obj: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(line, key, "must be a list of non-empty strings")
            return ()
        if len(set(value)) != len(value):
            self.fail(line, key, "repeats a value")
        ok = [self.clean(line, f"{key}[{i}]", v) for i, v in enumerate(value)]
        return tuple(value) if all(ok) else ()


def _entry(check: _Checker, line: int, obj: Any) -> Entry | None:
    if not isinstance(obj, dict):
        check.fail(line, "(entry)", "must be a JSON object")
        return None
    for key in sorted(obj.keys() - _ENTRY_KEYS):
        check.fail(line, key, "is not a field of the schema")
    entry_id = check.text(line, obj, "id", required=True)
    if entry_id is not None and not _ID_RE.fullmatch(entry_id):
        check.fail(line, "id", f"must be a lowercase ASCII slug, not {_shown(entry_id)}")
    kind = obj.get("type")
    if kind not in ENTRY_TYPES:
        check.fail(line, "type", f"must be one of {', '.join(ENTRY_TYPES)}, not {_shown(kind)}")
    name = check.text(line, obj, "name", required=True)
    name_en = check.text(line, obj, "name_en", required=True)
    country = check.text(line, obj, "country", required=False)
    if country is not None and not _COUNTRY_RE.fullmatch(country):
        check.fail(line, "country", f"must be an ISO 3166-1 alpha-2 code, not {_shown(country)}")
    part_of = check.text(line, obj, "part_of", required=False)
    notes = check.text(line, obj, "notes", required=False)
    valid_from = check.date(line, obj, "valid_from", "valid_from")
    valid_to = check.date(line, obj, "valid_to", "valid_to")
    checked = check.date(line, obj, "checked", "checked")
    roles = _roles(check, line, obj.get("roles", []))
    if kind != "person" and "roles" in obj:
        check.fail(line, "roles", "only a person has roles")
    if kind == "person" and ("valid_from" in obj or "valid_to" in obj):
        check.fail(line, "valid_from", "a person has roles, not valid_from/valid_to")
    if check.schema >= 2 and kind == "person" and obj.get("checked") is None:
        check.fail(
            line,
            "checked",
            "is required on a person in schema 2: the date on which its open roles were last"
            " confirmed",
        )
    sources = _sources(check, line, obj.get("sources"))
    aliases = check.strings(line, obj, "aliases")
    abbreviations = check.strings(line, obj, "abbreviations")
    demonyms = check.strings(line, obj, "demonyms")
    if "demonyms" in obj and (kind != "place" or country is None or part_of is not None):
        check.fail(
            line,
            "demonyms",
            "only a country entry has demonyms: a place with a country and no part_of",
        )
    names = {normalize(s) for s in (name, *aliases) if s is not None} if demonyms else set()
    for i, demonym in enumerate(demonyms):
        if normalize(demonym) in names:
            check.fail(
                line,
                f"demonyms[{i}]",
                f"{_shown(demonym)} is also a name of the entry; a demonym is never a name",
            )
    units = check.strings(line, obj, "units")
    if "units" in obj and (kind != "agency" or country is None):
        check.fail(line, "units", "only an agency with a country has local units' heads")
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
        checked=checked,
        demonyms=demonyms,
        units=units,
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
        if check.clean(line, f"{field}.title", title):
            yield field, obj, title


def _roles(check: _Checker, line: int, value: Any) -> tuple[Role, ...]:
    if not isinstance(value, list):
        check.fail(line, "roles", "must be a list")
        return ()
    roles: list[Role] = []
    for field, obj, title in _titled_objects(check, line, "roles", value, _ROLE_KEYS):
        start = check.date(line, obj, "from", f"{field}.from")
        end = check.date(line, obj, "to", f"{field}.to")
        if start and end and _period(end)[1] < _period(start)[0]:
            check.fail(line, f"{field}.to", f"{end} is before {start}")
        if check.schema >= 2 and obj.get("from") is None:
            check.fail(line, f"{field}.from", "is required in schema 2: every role is dated")
        title_en = check.text(line, obj, "title_en", required=False, field=f"{field}.title_en")
        org = check.text(line, obj, "organization", required=False, field=f"{field}.organization")
        note = check.text(line, obj, "note", required=False, field=f"{field}.note")
        roles.append(Role(title, title_en, org, start, end, note))
    return tuple(roles)


def _sources(check: _Checker, line: int, value: Any) -> tuple[Source, ...]:
    if not isinstance(value, list) or not value:
        check.fail(line, "sources", "must be a list of at least one source")
        return ()
    out: list[Source] = []
    for field, obj, title in _titled_objects(check, line, "sources", value, _SOURCE_KEYS):
        url = obj.get("url")
        if url is not None and (not isinstance(url, str) or not _URL_RE.fullmatch(url)):
            check.fail(line, f"{field}.url", f"must be an http(s) URL, not {_shown(url)}")
            url = None
        publisher = check.text(line, obj, "publisher", required=False, field=f"{field}.publisher")
        date = check.date(line, obj, "date", f"{field}.date")
        if check.schema >= 2:
            corpus = _dev_corpus_source(title, url)
            if corpus is not None:
                check.fail(
                    line,
                    f"{field}.{corpus[0]}",
                    f"cites the development corpus ({corpus[1]});"
                    " it is for testing, never a source",
                )
        out.append(Source(title, publisher, url, date))
    return tuple(out)


#: The development corpus (``shared/corpus/``, its README's table): the addresses
#: of the pages its articles were taken from, as :func:`_address_key` writes them
#: (no scheme, no ``www.``, percent-escapes decoded, lower case, NFC).  Those
#: articles test the matcher; a schema-2 gazetteer that cites one of them, or
#: names the corpus, is refused, so that its score on them stays a test.  Only the
#: addresses are kept here, never the texts.
DEV_CORPUS_ADDRESSES: Final = (
    "tangiertimes.com/arabic/prefecture-police-tanger",  # news-003
    "alanbaa.ma/38969",  # news-004
    "elaph.com/politics/2005/2/42379.htm",  # news-005
    "maghress.com/alyaoum24/1106365",  # news-006
    "akhbaar24.com/amparticle/440538/mailto:revenue@srmg.com",  # news-007
    "turess.com/assabah/1154253",  # news-008
    "djazairess.com/elbilad/1000586",  # news-009
    "drup.alakhbar.info/?q=node/62951",  # news-010
    "alarabipost.com/?p=29312",  # news-011
    "zahraainfo.com/node/24012",  # news-012
    "yemenmonitor.com/details/artmid/908/articleid/124695",  # news-013
    "shorouknews.com/news/print.aspx?cdate=09072017&id=bc9df31c-97b2-4b95-b5d7-20a60f48f191",
    "mnbr.news/134773.html",  # news-015
    "arabi21.co.uk/story/838160/ولي-العهد-السعودي-يلتقي-مدير-المخابرات-الأمريكية",  # news-016
    "alweeam.com.sa/555765/الأمير-تركي-الفيصل-الاستخبارات-الأمر",  # news-017
    "turess.com/alchourouk/158178",  # news-018
    "akhbaar24.com/amparticle/346680/archive",  # news-019
    "sauress.com/alhayat/485243",  # news-020
    "sauress.com/almadina/384453",  # news-021
    "kirkuknow.com/ar/news/61918",  # news-022
    "akhbaralaan.net/news/arab-world/2020/05/10/"
    "رئيس-الوزراء-العراقي-يعيدُ-مسؤولاً-عسكرياً-بارزاً-إلى-رأس-جهاز-مكافحة-الإرهاب",  # news-023
    "skynewsarabia.com/middle-east/39108-اللواء-مملوك-الأمن-والإرهاب",  # news-024
    "crisp.network/watch/13635/"
    "قبل-مغادرته-واشنطن-الإعلان-عن-إصابة-مدير-الأمن-العام-اللبناني-بكورونا",  # news-025
    "arabkhabar.com/a/2132627",  # news-026
    "marebpress.net/news_details.php?lang=arabic&sid=216588",  # news-027
)
#: Words that name the development corpus in a source's title or address.
_DEV_CORPUS_NAMES: Final = ("shared/corpus", "development corpus")


def _address_key(url: str) -> str:
    """*url* without scheme, ``www.``, fragment or final ``/``, decoded, lower case, NFC."""
    key = unicodedata2.normalize("NFC", urllib.parse.unquote(url.strip())).lower()
    key = re.sub(r"^[a-z][a-z0-9+.-]*://", "", key).removeprefix("www.")
    return key.partition("#")[0].rstrip("/")


_DEV_CORPUS_KEYS: Final = frozenset(_address_key(a) for a in DEV_CORPUS_ADDRESSES)


def _dev_corpus_source(title: str, url: str | None) -> tuple[str, str] | None:
    """``(field, what)`` when a source is the development corpus, else ``None``."""
    for field, text in (("url", url), ("title", title)):
        if text is None:
            continue
        lowered = unicodedata2.normalize("NFC", urllib.parse.unquote(text)).lower()
        for name in _DEV_CORPUS_NAMES:
            if name in lowered:
                return field, f"it names {name!r}"
        if field == "url" and _address_key(text) in _DEV_CORPUS_KEYS:
            return field, f"{_address_key(text)} is one of its articles"
        if field == "title":
            for key in _DEV_CORPUS_KEYS:
                if key in lowered:
                    return field, f"{key} is one of its articles"
    return None


#: Words of a title that make it a post several people hold at once (a deputy,
#: a member ...), so that two holders of it at the same time are not a conflict.
_SHARED_TITLE_EN: Final = re.compile(
    r"\b(?:deputy|assistant|vice|member|advis[eo]rs?|spokes\w*|under-?secretary|delegate"
    r"|ambassador|envoy|representative|officer)\b"
)
_SHARED_TITLE_AR: Final = frozenset(
    normalize(word)
    for word in ("نائب", "مساعد", "عضو", "مستشار", "متحدث", "ناطق", "وكيل", "سفير", "مبعوث",
                 "معاون", "مندوب")
)  # fmt: skip
#: Words that qualify a holder rather than the post: an acting minister holds
#: the minister's post, so a note must explain two holders.
_ACTING_EN: Final = re.compile(r"\b(?:acting|interim|caretaker|ad interim)\b")
_ACTING_AR: Final = frozenset(
    normalize(word)
    for word in ("المكلف", "مكلف", "بالإنابة", "بالوكالة", "بالنيابة", "المؤقت", "مؤقت")
)


def _post_keys(role: Role) -> tuple[str, str | None] | None:
    """The Arabic and English keys of the post *role* is, if one person holds it at a time.

    A post is its ``organization`` and its title, with the words that qualify a
    holder (acting, interim; المكلف، بالإنابة) left out; two roles are the same
    post when their Arabic titles, or their English titles, agree so.  A role
    with no organization, or whose title names a deputy, an assistant, a
    member, an adviser, a spokesman and the like, is not a single-holder post.
    """
    if role.organization is None:
        return None
    words = normalize(role.title).split()
    if any(w.removeprefix("ال") in _SHARED_TITLE_AR or w in _SHARED_TITLE_AR for w in words):
        return None
    english = (role.title_en or "").lower()
    if _SHARED_TITLE_EN.search(english):
        return None
    arabic = " ".join(w for w in words if w not in _ACTING_AR)
    english = " ".join(_ACTING_EN.sub(" ", english).split())
    return arabic, english or None


def _certain_period(role: Role) -> tuple[dt.date, dt.date] | None:
    """The days on which *role* was certainly held: from the end of its ``from``
    period to the start of its ``to`` period (open: to ``date.max``)."""
    if role.start is None:
        return None
    first = _period(role.start)[1]
    last = dt.date.max if role.end is None else _period(role.end)[0]
    return first, last


def _check_single_holders(check: _Checker, entries: list[tuple[int, Entry]]) -> None:
    """Refuse two people holding one single-holder post over overlapping periods.

    Periods overlap when they certainly share more than a day: a handover on
    one day, or within the period of a partial date (one to ``2015``, the next
    from ``2015``), is not an overlap.  A ``note`` on either role (an acting
    head, a disputed appointment) lets both stand.
    """
    # Each post is grouped twice, by its Arabic and by its English key; a group is
    # swept in order of start, keeping only the roles still held, so that the work
    # grows with the overlaps found (each one a problem), not with the square of
    # the roles.  A role with a note, or held on no certain day, is never compared.
    groups: dict[tuple[str, str, str], list[_Holding]] = {}
    for line, entry in entries:
        for i, role in enumerate(entry.roles):
            keys = _post_keys(role)
            period = _certain_period(role)
            if keys is None or role.organization is None or role.note is not None:
                continue
            if period is None or period[0] >= period[1]:
                continue
            holding = _Holding(period[0], period[1], line, i, entry.id, role)
            for kind, key in (("ar", keys[0]), ("en", keys[1])):
                if key:
                    groups.setdefault((role.organization, kind, key), []).append(holding)
    found: dict[tuple[int, int, int, int], str] = {}
    for holdings in groups.values():
        held: list[_Holding] = []
        for holding in sorted(holdings, key=lambda h: (h.first, h.line, h.index)):
            held = [h for h in held if h.last > holding.first]
            for other in held:
                if other.entry_id == holding.entry_id:
                    continue
                late, early = sorted((holding, other), key=lambda h: (h.line, h.index))[::-1]
                pair = (late.line, late.index, early.line, early.index)
                found.setdefault(pair, _overlap_message(late, early))
            if len(found) >= MAX_ERRORS:  # check.fail stops the file there anyway
                break
            held.append(holding)
    for (line, index, _, _), message in sorted(found.items()):
        check.fail(line, f"roles[{index}]", message)


@dataclasses.dataclass(frozen=True, slots=True)
class _Holding:
    """A role for the one-holder check: its certain days, where it is, whose it is."""

    first: dt.date
    last: dt.date
    line: int
    index: int
    entry_id: str
    role: Role


def _overlap_message(late: _Holding, early: _Holding) -> str:
    role, other = late.role, early.role
    return (
        f"{role.title_en or role.title} at {role.organization}"
        f" ({role.start} to {role.end or 'open'}) overlaps {early.entry_id}"
        f" (line {early.line}: {other.start} to {other.end or 'open'});"
        " one holder at a time, unless a role's note explains it"
    )


def _check_references(check: _Checker, entries: list[tuple[int, Entry]]) -> None:
    ids = {e.id for _, e in entries}
    seen: dict[str, int] = {}
    for line, entry in entries:
        if entry.id in seen:
            check.fail(
                line, "id", f"duplicate id {_shown(entry.id)} (first on line {seen[entry.id]})"
            )
        seen.setdefault(entry.id, line)
        if entry.part_of is not None and entry.part_of not in ids:
            check.fail(line, "part_of", f"refers to unknown id {_shown(entry.part_of)}")
        if entry.part_of == entry.id:
            check.fail(line, "part_of", "an entry cannot be part of itself")
        for i, role in enumerate(entry.roles):
            if role.organization is not None and role.organization not in ids:
                check.fail(
                    line,
                    f"roles[{i}].organization",
                    f"refers to unknown id {_shown(role.organization)}",
                )
    _check_part_of_cycles(check, entries)
    _check_unit_heads(check, entries)


def _check_unit_heads(check: _Checker, entries: list[tuple[int, Entry]]) -> None:
    """Refuse a local units' head that two agencies of one country claim: the matcher could
    not tell which body a unit of that name belongs to."""
    owners: dict[tuple[str | None, str], tuple[str, int]] = {}
    for line, entry in entries:
        for i, head in enumerate(entry.units):
            key = (entry.country, normalize(head))
            first = owners.setdefault(key, (entry.id, line))
            if first[0] != entry.id:
                check.fail(
                    line,
                    f"units[{i}]",
                    f"{_shown(head)} is also a head of {_shown(first[0])}'s local units"
                    f" (line {first[1]}), a body of the same country",
                )


def _check_part_of_cycles(check: _Checker, entries: list[tuple[int, Entry]]) -> None:
    """Report each ``part_of`` cycle longer than one entry once, on its first line."""
    parent = {e.id: e.part_of for _, e in entries if e.part_of not in (None, e.id)}
    line_of: dict[str, int] = {}
    for line, entry in entries:
        line_of.setdefault(entry.id, line)
    done: set[str] = set()
    for start in parent:
        path: list[str] = []
        position: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in position:
            position[node] = len(path)
            path.append(node)
            node = parent.get(node)
        if node is not None and node in position:
            cycle = path[position[node] :]
            first = min(cycle, key=lambda i: line_of[i])
            turn = cycle.index(first)
            shown = " -> ".join([*cycle[turn:], *cycle[:turn], first])
            check.fail(line_of[first], "part_of", f"forms a cycle: {shown}")
        done.update(path)


def _split_lines(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """``(number, offset, line)`` for each line of *data* split at ``\\n``, from 1.

    The same lines as ``data.split(b"\\n")``, but split a window at a time, so
    that a file of millions of short lines is never a list of millions of
    objects; runs of blank lines are skipped without a loop over them.
    """
    number, start = 1, 0
    while start <= len(data):
        end = data.find(b"\n", start + _LINE_WINDOW)
        end = len(data) if end < 0 else end
        window = data[start:end]
        if window.strip():
            offset = start
            for raw in window.split(b"\n"):
                yield number, offset, raw
                offset += len(raw) + 1
                number += 1
        else:
            number += window.count(b"\n") + 1
        start = end + 1


def _lines(data: bytes, where: str, check: _Checker) -> Iterator[tuple[int, str]]:
    for number, offset, raw in _split_lines(data):
        if len(raw) > MAX_LINE_BYTES:
            check.fail(number, "(line)", f"is {len(raw)} bytes; the limit is {MAX_LINE_BYTES}")
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            check.fail(number, "(line)", f"is not UTF-8 (byte offset {offset + exc.start})")
            continue
        if text.strip():
            yield number, text


def parse_jsonl(
    data: bytes, where: str, *, external_ids: Iterable[str] | None = (), schema: int = 1
) -> list[Entry]:
    """Parse and validate JSON Lines; raise :class:`ValidationError` listing every problem.

    *external_ids* are ids defined in other gazetteers that references
    (``part_of``, a role's ``organization``) may use; ``None`` skips the check
    of references.  *schema* 2 adds the rules of releases 2.0.0 and later
    (``schema_of``): ``checked`` on every person, a ``from`` on every role,
    one holder at a time of a single-holder post unless a role's ``note``
    explains it, and no source from the development corpus.
    """
    check = _Checker(where, schema)
    parsed: list[tuple[int, Entry]] = []
    for number, text in _lines(data.removeprefix(b"\xef\xbb\xbf"), where, check):
        try:
            obj = _json_loads(text)
        except json.JSONDecodeError as exc:
            check.fail(number, "(json)", f"{exc.msg} at column {exc.colno}")
            continue
        except _JSONRefusedError as exc:
            check.fail(number, "(json)", str(exc))
            continue
        except RecursionError:
            check.fail(number, "(json)", "is nested too deeply")
            continue
        except ValueError as exc:  # anything else json.loads refuses: said, not raised
            check.fail(number, "(json)", f"cannot be read: {exc}")
            continue
        entry = _entry(check, number, obj)
        if entry is not None:
            parsed.append((number, entry))
            check.count(number, parsed)
    if not parsed and not check.errors:
        check.fail(1, "(file)", "has no entries")
    if external_ids is not None:
        extra = [(0, _stub(i)) for i in external_ids]
        _check_references(check, parsed + extra)
    if schema >= 2:
        _check_single_holders(check, parsed)
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
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        line = reader.reader.line_num
        raise ValidationError([f"{where}:{line}: (csv): {_csv_problem(exc)}"]) from None
    for required in ("name", "type"):
        if required not in header:
            check.fail(1, required, "the header has no such column")
    for column in sorted({c for c in header if header.count(c) > 1}):
        check.fail(1, column, "the header has this column more than once")
    if check.errors:
        raise ValidationError(check.errors)
    parsed: list[tuple[int, Entry]] = []
    shown = "".join("\ufffd" if _bad_character(c) else c for c in where)  # a name with a newline
    stem = Path(where).stem.lower()
    for row in _csv_rows(reader, check):
        number = reader.line_num
        if None in row:
            check.fail(number, "(row)", "has more cells than the header")
            continue
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        obj: dict[str, Any] = {
            "id": (row.get("id") or "").strip() or f"{stem}-{number}",
            "type": (row.get("type") or "").strip(),
            "name": (row.get("name") or "").strip(),
            "name_en": (row.get("name_en") or "").strip() or (row.get("name") or "").strip(),
            "aliases": aliases,
            "sources": [{"title": (row.get("source") or "").strip() or f"{shown}, line {number}"}],
        }
        if (row.get("country") or "").strip():
            obj["country"] = row["country"].strip()
        obj["id"] = re.sub(r"[^a-z0-9]+", "-", obj["id"].lower()).strip("-") or f"line-{number}"
        before = len(check.errors)
        entry = _entry(check, number, obj)
        if not (row.get("name_en") or "").strip():  # copied from name: say its problems once
            own = f"{where}:{number}: name_en: "
            check.errors[before:] = [e for e in check.errors[before:] if not e.startswith(own)]
        if entry is not None:
            parsed.append((number, entry))
            check.count(number, parsed)
    _check_references(check, parsed)
    if check.errors:
        raise ValidationError(check.errors)
    return [e for _, e in parsed]


def _csv_problem(exc: csv.Error) -> str:
    message = str(exc)
    if "field larger than field limit" in message:
        return f"a cell is longer than {csv.field_size_limit()} characters"
    return message


def _csv_rows(reader: csv.DictReader[str], check: _Checker) -> Iterator[dict[str, Any]]:
    """The rows of *reader*; a row the csv module cannot read ends the file with an error."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader cannot resynchronise after this: stop here
            line = reader.reader.line_num  # the line being read (DictReader counts rows read)
            check.fail(line, "(csv)", f"{_csv_problem(exc)}; the rest is not read")
            return
        yield row


def validate_file(path: str | Path, *, schema: int = 1) -> list[str]:
    """Validate a gazetteer file; return the list of problems (empty when valid).

    *schema* 2 applies the rules of releases 2.0.0 and later (see ``parse_jsonl``).
    """
    try:
        Gazetteer.from_path(path, schema=schema)
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


#: The newest schema: the rules releases 2.0.0 and later are checked by.
SCHEMA: Final = 2


def schema_of(version: str) -> int:
    """The schema whose rules a release of *version* follows: 1 before 2.0.0, then 2.

    Schema 2 adds ``checked`` (required on people), a source's ``date`` and a
    role's ``note``, and requires dated roles, one holder at a time of a
    single-holder post and no source from the development corpus.  Released
    1.x files keep the rules they were released under.

    >>> schema_of("1.1.0"), schema_of("2.0.0"), schema_of("0.0.0")
    (1, 2, 1)
    """
    if not _VERSION_RE.fullmatch(version):
        raise ValueError(f"a version is MAJOR.MINOR.PATCH, not {_shown(version)}")
    return min(SCHEMA, 2 if int(version.split(".")[0]) >= 2 else 1)


def _release(name: str, version: str | None) -> dict[str, Any]:
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
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
    if not isinstance(version, str) or not _VERSION_RE.fullmatch(version):
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


def _release_lines(name: str, release: Mapping[str, Any]) -> bytes:
    """The JSON Lines of a shipped release, once they match their SHA-256 in the index.

    ``sha256`` is the digest of the file as it was released: the JSON Lines themselves for the
    releases before 2026-12-05, the xz-compressed file for those from then on. The latest
    version of each gazetteer is stored as its own file, ``NAME-VERSION.jsonl.xz``; a release
    first published as plain JSON Lines and stored compressed adds ``stored_sha256``, the
    stored file's digest. Every earlier version is stored in the gazetteer's archive (see
    :func:`_archived_lines`); ``lines_sha256`` is then the digest of its JSON Lines when
    ``sha256`` is that of a compressed file. Every digest listed is checked, so the JSON Lines
    read are the released ones, byte for byte.
    """
    if release.get("archived"):
        return _archived_lines(name, release)
    base = _data_dir()
    path: Path = (base / release["file"]).resolve()
    if base.resolve() not in path.parents:
        raise GazetteerError(f"{name}: index entry points outside the data directory")
    data: bytes = path.read_bytes()
    where = f"{name}@{release['version']}: {path.name}"
    stored = release.get("stored_sha256", release["sha256"])
    if hashlib.sha256(data).hexdigest() != stored:
        raise GazetteerError(
            f"{where} does not match its SHA-256 in the index"
            " (a released version must never change)"
        )
    if path.name.endswith(".xz"):
        try:
            data = lzma.decompress(data, format=lzma.FORMAT_XZ)
        except lzma.LZMAError as exc:
            raise GazetteerError(f"{where}: {exc}") from exc
    if "stored_sha256" in release and hashlib.sha256(data).hexdigest() != release["sha256"]:
        raise GazetteerError(
            f"{where}: the JSON Lines it holds do not match the released file's SHA-256"
            " (a released version must never change)"
        )
    return data


#: Archives read, by the digest of the file: (their distinct lines, each version's line numbers).
_ARCHIVES: dict[str, tuple[list[bytes], dict[str, list[int]]]] = {}


def _read_archive(name: str, where: str) -> tuple[list[bytes], dict[str, list[int]]]:
    """The archive of *name*'s earlier versions, once it matches its SHA-256 in the index.

    An archive (``NAME/NAME-archive.json.xz``, written by ``tools/archive_releases.py``) is an
    xz-compressed JSON object: ``lines``, every distinct line of the archived versions, and
    ``versions``, each version's lines as indexes into ``lines``, in order. Versions differ in a
    few entries, so the officials' archive is about a twenty-fifth of their size as single files.
    """
    listed = _index()["gazetteers"][name].get("archive")
    if not isinstance(listed, dict):
        raise GazetteerError(f"{where}: the index lists no archive for {name}")
    base = _data_dir()
    path: Path = (base / listed["file"]).resolve()
    if base.resolve() not in path.parents:
        raise GazetteerError(f"{name}: index entry points outside the data directory")
    packed = path.read_bytes()
    digest = hashlib.sha256(packed).hexdigest()
    if digest != listed["sha256"]:
        raise GazetteerError(
            f"{where}: {path.name} does not match its SHA-256 in the index"
            " (a released version must never change)"
        )
    if digest not in _ARCHIVES:
        try:
            doc = json.loads(lzma.decompress(packed, format=lzma.FORMAT_XZ))
            lines = [line.encode("utf-8") for line in doc["lines"]]
            versions = {str(k): [int(i) for i in v] for k, v in doc["versions"].items()}
        except (lzma.LZMAError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GazetteerError(f"{where}: {path.name} is not a readable archive: {exc}") from exc
        _ARCHIVES[digest] = (lines, versions)
    return _ARCHIVES[digest]


def _archived_lines(name: str, release: Mapping[str, Any]) -> bytes:
    """The JSON Lines of a release stored in its gazetteer's archive, checked by their digest."""
    where = f"{name}@{release['version']}"
    lines, versions = _read_archive(name, where)
    numbers = versions.get(release["version"])
    if numbers is None:
        raise GazetteerError(f"{where}: the archive holds no such version")
    try:
        data = b"".join(lines[i] + b"\n" for i in numbers)
    except IndexError as exc:
        raise GazetteerError(f"{where}: the archive refers to a line it does not hold") from exc
    if hashlib.sha256(data).hexdigest() != release.get("lines_sha256", release["sha256"]):
        raise GazetteerError(
            f"{where}: the JSON Lines the archive holds do not match the released file's SHA-256"
            " (a released version must never change)"
        )
    return data


def _load_release(name: str, release: Mapping[str, Any], *, check_refs: bool) -> list[Entry]:
    data = _release_lines(name, release)
    external = _shipped_ids(name) if check_refs else None
    schema = schema_of(release["version"])
    if release.get("archived"):
        where = f"{name}@{release['version']} (in {name}-archive.json.xz)"
    else:
        where = f"{name}/{Path(release['file']).name}"
    return parse_jsonl(data, where, external_ids=external, schema=schema)


_CACHE: dict[tuple[str, str], Gazetteer] = {}


def load_gazetteer(name: str, version: str | None = None) -> Gazetteer:
    """Load a shipped gazetteer: the latest version, or exactly *version* when given.

    >>> load_gazetteer("places", "1.0.0").version
    '1.0.0'

    Raises :class:`GazetteerError` for an unknown name or version, or a name
    that is not a plain gazetteer name (such as a path), and when the release
    file, or any of the shipped data files (``DATA_FILES``) that matching
    reads beside it, does not match its SHA-256 in the index.
    """
    release = _release(name, version)
    key = (name, release["version"])
    if key not in _CACHE:
        for data_file in DATA_FILES:  # the data matching reads beside the gazetteer
            _read_data_file(data_file)
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
    ('country-dz', 'dz-algiers', 'dz-province-alger')
    """
    owners: dict[str, set[str]] = {}
    for gaz in gazetteers:
        for entry in gaz:
            for surface in entry.surfaces:
                owners.setdefault(normalize(surface), set()).add(entry.id)
    return {k: tuple(sorted(v)) for k, v in sorted(owners.items()) if len(v) > 1}


def _read_data_file(name: str) -> bytes:
    """The bytes of a shipped data file, after checking them against ``index.json``.

    Raises :class:`GazetteerError` if the file is not listed there, lies
    outside the data directory, cannot be read, or does not match its
    SHA-256: the same refusal as a tampered gazetteer release.
    """
    base = _data_dir()
    listed = _index().get("data_files", {}).get(name)
    if not isinstance(listed, dict) or not isinstance(listed.get("sha256"), str):
        raise GazetteerError(f"{name}: the index lists no SHA-256 for this data file")
    path = (base / name).resolve()
    if base.resolve() not in path.parents:
        raise GazetteerError(f"{name}: the data file is outside the data directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteerError(f"{name}: {exc.strerror or exc}") from None
    if hashlib.sha256(data).hexdigest() != listed["sha256"]:
        raise GazetteerError(
            f"{name} does not match its SHA-256 in the index"
            " (shipped data must not be edited in place; see tools/release_gazetteer.py)"
        )
    return data


def _data_file(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_read_data_file(name).decode("utf-8"))
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


def common_word_surnames() -> dict[str, str]:
    """Surnames of shipped people that are also common Arabic words, with what the word means.

    A person's last name word is matched alone as their surname (see
    :doc:`/matching`); when it is also an everyday word (الجراد "the locusts" is
    Abdelaziz Djerad's surname, عيشة "life" a Mauritanian name's last word), it
    counts alone only once the full name was seen in the text, as a surname that
    is one of the frequent words does.  Keys are normalized (``search`` profile),
    in the forms the matcher reads (with the article where it adds one).

    >>> common_word_surnames()["الجراد"]
    'the locusts; Abdelaziz Djerad'
    """
    surnames: dict[str, str] = _data_file("common-words.json").get("surnames", {})
    return surnames


def common_given_names() -> frozenset[str]:
    """Common Arabic given names beyond those of the shipped people (``given-names-ar.txt``).

    Keys are normalized (``search`` profile).  Generated by ``tools/gen_given_names.py``
    from a public list of Arabic given names, less those that are everyday words, verbs,
    demonyms or places (أمام، باشر، يمني، تيماء): a matcher built with the shipped word lists
    reads them as given names, so a surname alone right after one is the end of someone
    else's name (مصعب اشتية is not Mohammad Shtayyeh).

    >>> "مصعب" in common_given_names(), "جمعه" in common_given_names()
    (True, False)
    """
    return _given_names_set()


@functools.lru_cache(maxsize=1)
def _given_names_set() -> frozenset[str]:
    lines = _read_data_file("given-names-ar.txt").decode("utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


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
