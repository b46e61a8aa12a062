"""A LinkedIn Connections.csv or archive .zip -> a normalised DataFrame, or our error.

Facts behind every rule here: /work/shared/linkedin-format.md (section 5 is the checklist).
- Decoding: UTF-8; each byte sequence that is not UTF-8 is read as Windows-1252 on its own, so
  a file Excel re-saved in Windows-1252, or one mixing both line by line (seen in the wild),
  reads correctly. UTF-16 is read when it starts with its byte order mark.
- Blank lines (and Excel's all-comma lines) are not records and are dropped without a note;
  every other row not kept is listed in `skipped` with its line and reason.
- Bounds: uploads, zip members and ratios (the MAX_* constants), and within a file 30 columns
  and 300,000 lines (ten times LinkedIn's cap), so hostile input is refused in seconds.
- Two readers, one result: a plain file (as LinkedIn writes it) is parsed by Arrow's CSV reader,
  several times faster than pandas; any other shape by pandas, or the csv module for ragged rows.
  Values are then trimmed and normalised in Arrow, whichever read them; tests compare the two.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import lzma
import os
import re
import struct
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from infoint.errors import NotAnExportError
from infoint.targets import ASCII_SPACES, INVISIBLE, NAME_LIMIT, OTHER_SPACES, visible_name
from infoint.text import not_text

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
MAX_COMPRESSION_RATIO = 100

COLUMNS = (
    "line",
    "first_name",
    "last_name",
    "profile_url",
    "email",
    "company",
    "position",
    "connected_on",
)

NAMELESS_REASON = "no name (a hidden or closed LinkedIn account)"

_EXPECTED_FILE = "LinkedIn's Connections.csv or the LinkedIn archive .zip that contains it"


@dataclass(frozen=True)
class _Upload:
    """What an upload box takes, in the words that refuse anything else: the advice fits the
    box (the box for messages takes no Connections.csv, so it is not suggested there)."""

    expected: str  # after 'expected'
    size_hint: str  # after the size refused
    archive: str  # after 'expected' for a zip that cannot be used: the archive, as downloaded
    damaged: str  # what to do about a damaged zip
    workbook: str  # what to do about an Excel workbook


_CONNECTIONS = _Upload(
    expected=_EXPECTED_FILE,
    size_hint=" (about 4 MB for 30,000 people)",
    archive="the LinkedIn archive as downloaded, or the Connections.csv inside it",
    damaged="download it again or upload the Connections.csv inside it",
    workbook="expected Connections.csv, so save it from Excel as CSV and upload that",
)
_ARCHIVE = _Upload(
    expected=(
        "the LinkedIn archive .zip as LinkedIn sent it, or the messages.csv or Invitations.csv "
        "inside it"
    ),
    size_hint="",
    archive="the LinkedIn archive as downloaded, so download it again and upload it as it is",
    damaged="download the archive again and upload it as it is",
    workbook="expected the LinkedIn archive .zip as LinkedIn sent it, so upload that",
)
_HEADER_SEARCH_LINES = 10
_LONGEST_HEADER = 10_000  # characters; also keeps the csv module under its field size limit
_MOST_COLUMNS = 30  # LinkedIn writes 6 to 8; this leaves room for a user's own columns
_MOST_LINES = 300_000  # ten times LinkedIn's cap of 30,000 connections
_DELIMITERS = (",", ";", "\t")
_CHUNK = 1024 * 1024

# Header names compared with case, spaces and underscores removed.
_HEADER_ALIASES = {
    "firstname": "first_name",
    "lastname": "last_name",
    "url": "profile_url",
    "profileurl": "profile_url",
    "emailaddress": "email",
    "email": "email",
    "company": "company",
    "position": "position",
    "connectedon": "connected_on",
}
_REQUIRED = {
    "first_name": "First Name",
    "last_name": "Last Name",
    "company": "Company",
    "position": "Position",
    "connected_on": "Connected On",
}
_OPTIONAL = ("profile_url", "email")

# English and Spanish month names; Spanish Excel rewrites some dates as `30-oct-09`.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "ene", "enero"),
            ("feb", "february", "febrero"),
            ("mar", "march", "marzo"),
            ("apr", "april", "abr", "abril"),
            ("may", "mayo"),
            ("jun", "june", "junio"),
            ("jul", "july", "julio"),
            ("aug", "august", "ago", "agosto"),
            ("sep", "sept", "september", "septiembre", "setiembre"),
            ("oct", "october", "octubre"),
            ("nov", "november", "noviembre"),
            ("dec", "december", "dic", "diciembre"),
        ),
        start=1,
    )
    for name in names
}
_WORD_DATE = r"^(?P<day>\d{1,2})[ ./-]+(?P<month>[A-Za-z]+)\.?[ ./-]+(?P<year>\d{4}|\d{2})$"
_SLASH_DATE = (
    r"^(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?$"
)
_DOT_DATE = r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})$"
_ISO_DATE = r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[T ].*)?$"
_MONTH_NAMES = pa.array(list(_MONTHS), type=pa.string())
_MONTH_NUMBERS = pa.array(list(_MONTHS.values()), type=pa.int64())
_FIRST_YEAR, _LAST_YEAR = 1970, 2100

_PROFILE_PREFIX = "https://www.linkedin.com/in/"
_CANONICAL_URL = r"^https://www\.linkedin\.com/in/[A-Za-z0-9_.~-]+$"
_ENCODED_URL = re.compile(r"^https://www\.linkedin\.com/in/[A-Za-z0-9_.~%-]+$")
_SLUG = re.compile(r"^/in/([^/]+)/?$")


def _windows_1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("infoint-cp1252", _windows_1252_fallback)


@dataclass(frozen=True)
class SkippedRow:
    line: int  # 1-based line of the file where the record starts, as an editor shows it
    reason: str  # plain words, shown to the user


@dataclass(frozen=True)
class Connections:
    rows: pa.Table  # people kept, in file order (newest first); columns are COLUMNS
    skipped: list[SkippedRow]  # every data row not kept
    file_name: str  # for a zip: "archive.zip/path/Connections.csv"
    sha256: str  # of the bytes given: the whole upload

    @cached_property
    def frame(self) -> pd.DataFrame:
        """`rows` for pandas; the importer takes the Arrow table as it is."""
        return self.rows.to_pandas()

    @property
    def nameless(self) -> int:
        """Rows of hidden or closed accounts: LinkedIn exports them with a date only."""
        return sum(row.reason == NAMELESS_REASON for row in self.skipped)


def normalise_profile_url(url: str) -> str:
    """`https://www.linkedin.com/in/<slug>` with the slug percent-decoded and lower-cased.

    Returns '' for anything that is not a LinkedIn profile address. It is read as it reads
    (`targets.visible_name`): an address copied out of the app's own words holds the word
    joiners `ui.as_written` puts in it, and one pasted from a chat may hold a zero-width space.
    """
    text = visible_name(url or "")
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:  # e.g. an unbalanced "[" reads as a broken IPv6 address
        return ""
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return ""
    match = _SLUG.match(parts.path)
    if not match:
        return ""
    slug = unquote(match[1]).strip().lower()
    return f"https://www.linkedin.com/in/{slug}" if slug else ""


# The digest, and the work on separate columns, run beside each other: hashlib and Arrow let go
# of the interpreter while they work, so a second core shortens the read.
_WORKERS = ThreadPoolExecutor(max_workers=3, thread_name_prefix="infoint-reader")


def read_connections(source: str | os.PathLike | bytes, filename: str | None = None) -> Connections:
    """Read a Connections.csv (any shape LinkedIn or Excel produced) or a LinkedIn archive.

    Raises NotAnExportError, in one sentence, for anything else, and when no person is left.
    """
    data, name = _load(source, filename, _CONNECTIONS)
    digest = _WORKERS.submit(hashlib.sha256, data)  # of the upload, before any unpacking
    if _is_zip(data, name):
        with _open_archive(data, _CONNECTIONS) as archive:
            info = _find_member(archive, "connections.csv")
            if info is None:
                raise NotAnExportError(
                    "This zip holds no Connections.csv; expected the LinkedIn archive "
                    "that includes your connections, or the Connections.csv itself."
                )
            data = _read_member(archive, info, _CONNECTIONS)
            name = f"{name}/{info.filename}"
    rows, skipped = _parse_connections(data)
    return Connections(
        rows=rows, skipped=skipped, file_name=name, sha256=digest.result().hexdigest()
    )


def read_archive_csv(
    source: str | os.PathLike | bytes, basename: str, filename: str | None = None
) -> pd.DataFrame | None:
    """One CSV of a LinkedIn archive (e.g. messages.csv), found by name at any depth.

    Returns None when the archive has no such file; the header is kept as written.
    """
    data, name = _load(source, filename, _ARCHIVE)
    if not _is_zip(data, name):
        raise NotAnExportError(
            f"This is not a zip archive; expected the LinkedIn archive .zip that holds {basename}."
        )
    with _open_archive(data, _ARCHIVE) as archive:
        info = _find_member(archive, basename.casefold())
        if info is None:
            return None
        member = _read_member(archive, info, _ARCHIVE)
    try:
        text = _decode(member)
    except NotAnExportError:
        raise NotAnExportError(
            f"The {basename} in this archive is not text; expected the file as LinkedIn wrote "
            "it, so download the archive again and upload it as it is."
        ) from None
    if not text.strip():
        return pd.DataFrame()
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as error:
        raise NotAnExportError(
            f"The {basename} in this archive is not a readable CSV; expected the file "
            "as LinkedIn wrote it."
        ) from error


def read_unzipped_csv(
    source: str | os.PathLike | bytes, filename: str | None = None
) -> pd.DataFrame | None:
    """An upload to the archive's box that is not a zip: a CSV the user unzipped from the
    archive (such as messages.csv), read with its header as written. None for a zip, which
    `read_archive_csv` reads; what the CSV is, the caller decides by its header, so text that
    does not read as one CSV table (Connections.csv, with LinkedIn's notes above its header)
    comes back with no columns.
    """
    data, name = _load(source, filename, _ARCHIVE)
    if _is_zip(data, name):
        return None
    try:
        text = _decode(data)
    except NotAnExportError:
        raise NotAnExportError(not_text(_ARCHIVE.expected)) from None
    if not text.strip():
        raise NotAnExportError(f"The file is empty; expected {_ARCHIVE.expected}.")
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError):
        return pd.DataFrame()


# Loading and unpacking


def _load(
    source: str | os.PathLike | bytes, filename: str | None, upload: _Upload
) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = filename or "uploaded file"
    else:
        path = Path(source)
        name = filename or path.name
        try:
            size = path.stat().st_size
            if size > MAX_UPLOAD_BYTES:
                _refuse_size(size, upload)
            data = path.read_bytes()
        except OSError as error:
            raise NotAnExportError(
                f"No file could be read at {path}; expected the path of {upload.expected}."
            ) from error
    if len(data) > MAX_UPLOAD_BYTES:
        _refuse_size(len(data), upload)
    if not data.strip():
        raise NotAnExportError(f"The file is empty; expected {upload.expected}.")
    return data, name


def _refuse_size(size: int, upload: _Upload) -> None:
    raise NotAnExportError(
        f"The file is {size / 1024 / 1024:,.1f} MB, more than the "
        f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB allowed; expected {upload.expected}"
        f"{upload.size_hint}."
    )


def _is_zip(data: bytes, name: str) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06") or name.casefold().endswith(".zip")


def _open_archive(data: bytes, upload: _Upload) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except _ZIP_ERRORS as error:
        raise _corrupt_zip(upload) from error
    if len(members) > MAX_ZIP_MEMBERS:
        archive.close()
        raise NotAnExportError(
            f"This zip holds {len(members):,} files, more than the {MAX_ZIP_MEMBERS:,} "
            f"a LinkedIn archive could; expected {upload.archive}."
        )
    if any(info.filename == "xl/workbook.xml" for info in members):
        archive.close()
        raise NotAnExportError(f"This is an Excel workbook; {upload.workbook}.")
    return archive


def _find_member(archive: zipfile.ZipFile, basename: str) -> zipfile.ZipInfo | None:
    """The shallowest member with that name, ignoring macOS's `__MACOSX/._*` shadow files."""
    matches = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and "__MACOSX" not in info.filename.split("/")
        and re.split(r"[/\\]", info.filename)[-1].casefold() == basename
    ]
    return min(matches, key=lambda info: info.filename.count("/"), default=None)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, upload: _Upload) -> bytes:
    """Unpack one member, refusing a bomb by its headers first and by its real size after."""
    limit = min(MAX_MEMBER_BYTES, MAX_COMPRESSION_RATIO * max(info.compress_size, 1))
    if info.file_size > limit:
        _refuse_bomb(upload)
    if info.flag_bits & 0x1:
        raise NotAnExportError(f"This zip is protected by a password; expected {upload.archive}.")
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    _refuse_bomb(upload)
                chunks.append(chunk)
    except _ZIP_ERRORS as error:
        raise _corrupt_zip(upload) from error
    return b"".join(chunks)


def _refuse_bomb(upload: _Upload) -> None:
    raise NotAnExportError(
        f"This zip would unpack to more than {MAX_MEMBER_BYTES // 1024 // 1024} MB or "
        f"{MAX_COMPRESSION_RATIO} times its size, so it was not opened; expected "
        f"{upload.archive}."
    )


def _corrupt_zip(upload: _Upload) -> NotAnExportError:
    return NotAnExportError(
        "This zip is damaged and cannot be opened; expected the LinkedIn archive as "
        f"downloaded, so {upload.damaged}."
    )


_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


# Text


def _decode(data: bytes) -> str:
    """UTF-8 (BOM or not) or UTF-16 with a BOM; bytes that are not UTF-8 read as Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _not_text() from error
    elif b"\x00" in data or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _not_text()
    else:
        text = data.decode("utf-8", errors="infoint-cp1252")
    if "\x00" in text:
        raise _not_text()
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _not_text() -> NotAnExportError:
    return NotAnExportError(not_text(f"{_EXPECTED_FILE} (save an Excel workbook as CSV first)"))


# Parsing


@dataclass(frozen=True)
class _Header:
    line: int  # 1-based line of the header
    delimiter: str
    names: list[str]  # as written, trailing empty names dropped
    columns: dict[str, int]  # our column name -> position


@dataclass(frozen=True)
class _Table:
    fields: list[pa.Array]  # one per header column: trimmed text, '' when empty
    extra: np.ndarray  # the record has values beyond the header's last column
    lines: np.ndarray  # the 1-based line of the file where the record starts


def _parse_connections(data: bytes, *, plain: bool = True) -> tuple[pa.Table, list[SkippedRow]]:
    """The people kept and the rows skipped.

    A plain file (as LinkedIn writes it) is parsed by Arrow's CSV reader, several times faster
    than pandas; every other shape by pandas or the csv module. Both give the same result (the
    tests compare them on every fixture); `plain=False` forces the general reading.
    """
    read = _read_plain(data) if plain else None
    header, table = read if read is not None else _read_any(_decode(data))
    return _finish(header, table)


def _finish(header: _Header, table: _Table) -> tuple[pa.Table, list[SkippedRow]]:
    blank = ~table.extra
    for values in table.fields:
        blank &= pc.equal(values, "").to_numpy(zero_copy_only=False)
    if blank.all():
        raise NotAnExportError(
            "This Connections.csv has its header but no people; expected at least one "
            "connection below the header."
        )
    fields, lines, extra = table.fields, table.lines, table.extra
    if blank.any():  # blank lines (and Excel's all-comma lines) are no records
        kept = pa.array(~blank)
        fields = [pc.filter(values, kept) for values in fields]
        lines, extra = lines[~blank], extra[~blank]
    picked = {
        key: fields[header.columns[key]]
        if key in header.columns
        else pa.array([""] * len(lines), type=pa.string())
        for key in (*_REQUIRED, *_OPTIONAL)
    }
    urls = _WORKERS.submit(_addresses, picked["profile_url"])
    dates = _WORKERS.submit(_parse_dates, picked["connected_on"])
    addresses, address_codes = urls.result()
    rows = {
        "first_name": picked["first_name"],
        "last_name": picked["last_name"],
        "profile_url": addresses,
        "email": picked["email"],
        "company": _visible(picked["company"]),
        "position": picked["position"],
        "connected_on": dates.result(),
    }
    return _keep_or_skip(rows, address_codes, picked["connected_on"], lines, extra, header)


def _visible(values: pa.Array) -> pa.Array:
    """Company names as they read (`targets.visible_name`, a column at once): 'Globex\u200b
    Corp' pasted into a LinkedIn profile is the Globex Corp the user typed. A column all ASCII
    and free of the ASCII separators (`ASCII_SPACES`), as most are, is returned as it is: each
    name reads the same whatever the file's other rows hold."""
    if (
        pc.all(pc.string_is_ascii(values)).as_py() is not False
        and not pc.any(pc.match_substring_regex(values, pattern=ASCII_SPACES)).as_py()
    ):
        return values
    values = pc.replace_substring_regex(values, pattern=INVISIBLE, replacement="")
    values = pc.replace_substring_regex(values, pattern=OTHER_SPACES, replacement=" ")
    return pc.utf8_trim_whitespace(values)


def _find_header(text: str) -> _Header:
    best: tuple[int, set[str]] = (0, set())
    for number, line in enumerate(text.split("\n", _HEADER_SEARCH_LINES)[:-1], start=1):
        if len(line) > _LONGEST_HEADER:
            continue
        for delimiter in _DELIMITERS:
            if delimiter not in line:
                continue
            names = [name.strip() for name in next(csv.reader([line], delimiter=delimiter))]
            while names and not names[-1]:
                names.pop()
            columns: dict[str, int] = {}
            for position, name in enumerate(names):
                key = _HEADER_ALIASES.get(re.sub(r"[\s_]+", "", name).casefold())
                if key and key not in columns:
                    columns[key] = position
            found = _REQUIRED.keys() & columns.keys()
            if len(found) == len(_REQUIRED):
                if len(names) > _MOST_COLUMNS:
                    raise NotAnExportError(
                        f"This file has {len(names):,} columns, more than the {_MOST_COLUMNS} "
                        "we read; expected LinkedIn's Connections.csv, which has 6 to 8, so "
                        "delete the columns you added and try again."
                    )
                return _Header(number, delimiter, names, columns)
            if len(found) > len(best[1]):
                best = (number, found)
    if other := _other_linkedin_file(text):
        raise other
    expected = _join(list(_REQUIRED.values()), "and")
    if len(best[1]) >= 2:
        missing = _join([label for key, label in _REQUIRED.items() if key not in best[1]], "or")
        raise NotAnExportError(
            f"This file is not LinkedIn's Connections.csv: it has no {missing} column, "
            f"and LinkedIn's export has {expected}."
        )
    raise NotAnExportError(
        f"This file is not LinkedIn's Connections.csv; expected a CSV with the columns {expected}."
    )


# Other files of LinkedIn's archive, known by their header's names (compared as in
# `_HEADER_ALIASES`), and what to do with each instead. Messages and invitations come in under
# the Import & export page's section on history, which takes the whole archive, or the
# messages.csv or Invitations.csv unzipped from it (`history`).
MESSAGES_HEADERS = (
    frozenset({"conversationid", "from", "to", "content"}),  # 2022 and later
    frozenset({"from", "to", "date", "subject", "content"}),  # before
)
INVITATIONS_HEADER = frozenset({"from", "to", "sentat", "direction"})
_HISTORY_SECTION = '"Bring in what you already sent on LinkedIn", further down Import & export'
_ELSEWHERE_ADVICE = (
    "; upload the Connections.csv from the same archive, or the archive .zip as it is."
)
_HISTORY_FILES = (
    *(("messages.csv", signature) for signature in MESSAGES_HEADERS),
    ("Invitations.csv", INVITATIONS_HEADER),
)
_OTHER_FILES = (
    ("Profile.csv", {"firstname", "lastname", "headline", "summary"}),
    ("Positions.csv", {"companyname", "title", "startedon", "finishedon"}),
    ("Education.csv", {"schoolname", "degreename"}),
)


class HistoryFileError(NotAnExportError):
    """messages.csv or Invitations.csv given as Connections.csv: which it is, and that it comes
    in under the history section. That section opens once connections are in to match the
    messages to (`history.can_match`); before, `connections_first` says that step first."""

    def __init__(self, file_name: str):
        self.file_name = file_name
        super().__init__(
            f"This is LinkedIn's {file_name}, not Connections.csv: it comes in under "
            f"{_HISTORY_SECTION}, as it is or in the whole archive .zip."
        )

    def connections_first(self) -> NotAnExportError:
        """The sentence while no connection is in yet, when the history section is closed."""
        return NotAnExportError(
            f"This is LinkedIn's {self.file_name}, not Connections.csv: bring in your "
            "connections first, with the Connections.csv from the same archive or the archive "
            f".zip as it is, and then this file under {_HISTORY_SECTION}."
        )


def _other_linkedin_file(text: str) -> NotAnExportError | None:
    """The error for another file of LinkedIn's archive (messages.csv, Invitations.csv…):
    which it is and where it belongs, or None."""
    for line in text.split("\n", _HEADER_SEARCH_LINES)[:_HEADER_SEARCH_LINES]:
        if len(line) > _LONGEST_HEADER:
            continue
        for delimiter in _DELIMITERS:
            if delimiter not in line:
                continue
            names = {
                re.sub(r"[\s_]+", "", name).casefold()
                for name in next(csv.reader([line], delimiter=delimiter))
            }
            for file_name, signature in _HISTORY_FILES:
                if signature <= names:
                    return HistoryFileError(file_name)
            for file_name, signature in _OTHER_FILES:
                if signature <= names:
                    return NotAnExportError(
                        f"This is LinkedIn's {file_name}, not Connections.csv{_ELSEWHERE_ADVICE}"
                    )
    return None


def _join(words: list[str], conjunction: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _trimmed(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Text without surrounding whitespace: Arrow's Unicode whitespace is Python's str.strip()."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    return pc.utf8_trim_whitespace(pc.cast(values, pa.string()).fill_null(""))


# The plain file: Arrow's reader


def _read_plain(data: bytes) -> tuple[_Header, _Table] | None:
    """A file as LinkedIn writes it, read by Arrow; None when it is not plain enough to be sure
    Arrow reads it exactly as `_read_any` would.

    Plain: UTF-8 (a BOM only at the start), LF or CRLF line ends, a header within the first
    lines with no quote left open before it, and exactly one record on every line below the
    header, each as wide as the header (Arrow refuses any other width; then we fall back too).
    Arrow, like pandas, reads a quote after spaces as text (the tests compare the two).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return None
    if data.find(b"\xef", 1) != -1 and data.find(codecs.BOM_UTF8, 1) != -1:
        return None
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None
    breaks = data.count(b"\n")
    head_end = _line_end(data, _HEADER_SEARCH_LINES) + 1 if breaks >= _HEADER_SEARCH_LINES else None
    try:  # Arrow checks that the rest is UTF-8
        head = data[:head_end].decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        header = _find_header(head)
    except (UnicodeDecodeError, NotAnExportError):
        return None
    if any(line.count('"') % 2 for line in head.split("\n")[: header.line]):
        return None
    end = len(data.rstrip(b"\r\n"))  # line ends after the last record make no record
    body_breaks = breaks - header.line
    if header.line > breaks or _line_end(data, header.line) + 1 >= end:
        return None
    if body_breaks > _MOST_LINES:
        return None
    start = _line_end(data, header.line) + 1
    middle = data.find(b"\n", (start + len(data)) // 2) + 1  # the body in halves of whole lines
    if not start < middle < end:
        middle = 0
    # Arrow ends a quoted value at the end of its input, where pandas reads on past the line
    # break (or refuses a file cut short): no half may end inside quotes.
    ends = [end, middle - 1] if middle else [end]
    if any(_quote_open_at(data, at, header.delimiter) for at in ends):
        return None
    whole = memoryview(data)
    read = partial(_read_records, header.delimiter, len(header.names))
    try:
        if middle:  # records on both sides: each half read on its own core
            table = pa.concat_tables(_WORKERS.map(read, [whole[start:middle], whole[middle:]]))
        else:
            table = read(whole[start:])
    except pa.ArrowException:  # e.g. a record wider or narrower than the header
        return None
    records = body_breaks - data.count(b"\n", end) + 1
    if table.num_rows != records:  # a blank line, or a line break inside quotes
        return None
    fields = list(_WORKERS.map(_trimmed, table.columns))
    lines = np.arange(header.line + 1, header.line + 1 + records, dtype=np.int64)
    return header, _Table(fields, np.zeros(records, dtype=bool), lines)


def _read_records(delimiter: str, width: int, text: memoryview) -> pa.Table:
    """Arrow's reading of whole lines of records, every value as text ('' when empty)."""
    names = [f"c{position}" for position in range(width)]
    return pa_csv.read_csv(
        pa.py_buffer(text),
        read_options=pa_csv.ReadOptions(column_names=names, use_threads=False),
        parse_options=pa_csv.ParseOptions(
            delimiter=delimiter, quote_char='"', double_quote=True, newlines_in_values=True
        ),
        convert_options=pa_csv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )


def _quote_open_at(data: bytes, at: int, delimiter: str) -> bool:
    """Whether a quote opened on the line ending at `at` is still open there. A quote opened
    on an earlier line cannot be: Arrow's count of records would fall short of the lines."""
    line = data[data.rfind(b"\n", 0, at) + 1 : at].removesuffix(b"\r")
    probe = io.StringIO(line.decode("utf-8", errors="replace") + "\nx", newline="")
    try:  # the csv module reads quotes as pandas does: an open one takes the "x" in
        return len(list(csv.reader(probe, delimiter=delimiter))) < 2
    except csv.Error:  # e.g. a value beyond its field size limit: not plain, to be safe
        return True


def _line_end(data: bytes, line: int) -> int:
    """Where the line break ending the 1-based `line` is; the file has that many breaks."""
    at = -1
    for _ in range(line):
        at = data.find(b"\n", at + 1)
    return at


# Any other shape: pandas, or the csv module for ragged rows


def _read_any(text: str) -> tuple[_Header, _Table]:
    header = _find_header(text)
    body = text.split("\n", header.line)[header.line] if text.count("\n") >= header.line else ""
    if body.count("\n") > _MOST_LINES:
        raise NotAnExportError(
            f"This file has more than {_MOST_LINES:,} lines, far beyond LinkedIn's limit of "
            "30,000 connections; expected LinkedIn's Connections.csv."
        )
    fields, extra, lines = _read_table(body, header.delimiter, len(header.names), header.line + 1)
    trimmed = [_trimmed(pa.array(values, type=pa.string())) for _, values in fields.items()]
    return header, _Table(trimmed, extra, lines)


def _read_table(
    body: str, delimiter: str, width: int, first_line: int
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Every record of the body (blank lines included), cut to the header's width: its fields
    (columns 0..width-1, text as written), whether it had values beyond the header's last
    column, and the line where it starts.

    pandas' C reader is fast but cannot take records wider than the header; those files go
    through the csv module, which takes ragged records.
    """
    if not body.strip():
        fields = pd.DataFrame({column: pd.Series(dtype="str") for column in range(width)})
        return fields, np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64)
    try:
        first_record = next(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter))
    except csv.Error:
        first_record = []  # the full read below reports the problem
    if len(first_record) > width:
        # pandas would turn the surplus values of a wide first record into an index, slowly.
        return _read_ragged_table(body, delimiter, width, first_line)
    try:
        fields = pd.read_csv(
            io.StringIO(body),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except pd.errors.ParserError as error:
        if "fields in line" not in str(error):
            raise _broken_csv() from error
        return _read_ragged_table(body, delimiter, width, first_line)
    if not isinstance(fields.index, pd.RangeIndex):  # the csv module read a narrower record
        return _read_ragged_table(body, delimiter, width, first_line)
    lines = _record_lines(fields, first_line, body)
    return fields, np.zeros(len(fields), dtype=bool), lines


def _read_ragged_table(
    body: str, delimiter: str, width: int, first_line: int
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The csv module's reading: slower, but it takes any width and counts lines itself."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    records, extra, last_lines = [], [], []
    try:
        for record in reader:
            records.append(record[:width])
            extra.append(bool("".join(record[width:]).strip()))
            last_lines.append(reader.line_num)
    except csv.Error as error:
        if "field limit" in str(error):
            raise NotAnExportError(
                "This file has a value far longer than any LinkedIn field; expected "
                "Connections.csv as LinkedIn wrote it."
            ) from error
        raise _broken_csv() from error
    columns = list(itertools.zip_longest(*records, fillvalue=""))
    columns += [("",) * len(records)] * (width - len(columns))
    fields = pd.DataFrame(
        {position: pd.Series(values, dtype="str") for position, values in enumerate(columns)},
        index=pd.RangeIndex(len(records)),
    )
    starts = np.concatenate(([0], np.array(last_lines[:-1], dtype=np.int64)))
    return fields, np.array(extra, dtype=bool), first_line + starts


def _broken_csv() -> NotAnExportError:
    return NotAnExportError(
        "This file's quotes do not close (it may be cut short); expected a complete "
        "Connections.csv as LinkedIn wrote it."
    )


def _record_lines(fields: pd.DataFrame, first_line: int, body: str) -> np.ndarray:
    """The line where each record starts, counting line breaks inside quoted values."""
    first = first_line + np.arange(len(fields), dtype=np.int64)
    if len(fields) == body.count("\n") + (not body.endswith("\n")):
        return first  # one record per line: no value holds a line break
    inside = np.zeros(len(fields), dtype=np.int64)
    for _, values in fields.items():
        inside += values.str.count("\n").to_numpy(dtype=np.int64)
    return first + np.cumsum(inside) - inside


# Normalising


def _addresses(urls: pa.Array) -> tuple[pa.Array, pa.DictionaryArray]:
    """Profile addresses normalised, and coded: one code per address (for finding repeats)."""
    normalised = _normalise_urls(urls)
    return normalised, pc.dictionary_encode(normalised)


def _normalise_urls(urls: pa.Array) -> pa.Array:
    """normalise_profile_url over a column: LinkedIn's own forms in bulk (about 1 % of slugs are
    percent-encoded), anything else one by one."""
    canonical = pc.match_substring_regex(urls, _CANONICAL_URL)
    result = pc.if_else(canonical, pc.ascii_lower(urls), urls)
    other = pc.and_(pc.invert(canonical), pc.not_equal(urls, ""))
    if pc.any(other).as_py():
        values = _normalise_other_urls(pc.filter(urls, other).to_pylist())
        result = pc.replace_with_mask(result, other, pa.array(values, pa.string()))
    return result


def _normalise_other_urls(urls: list[str]) -> list[str]:
    """normalise_profile_url over a list, LinkedIn's form with a percent-encoded slug decoded in
    one `unquote` call for all (it costs far more per call than per character)."""
    result, encoded = [""] * len(urls), []
    for index, url in enumerate(urls):
        if _ENCODED_URL.match(url):
            encoded.append(index)
        else:
            result[index] = normalise_profile_url(url)
    slugs = [urls[index][len(_PROFILE_PREFIX) :] for index in encoded]
    decoded = unquote("\n".join(slugs)).split("\n") if slugs else []
    if len(decoded) != len(slugs):  # a slug held an encoded line break
        decoded = [unquote(slug) for slug in slugs]
    for index, slug in zip(encoded, decoded, strict=True):
        slug = slug.strip().lower()
        result[index] = _PROFILE_PREFIX + slug if slug else ""
    return result


def _parse_dates(column: pa.Array) -> pa.Array:
    """ISO dates ('' when unreadable); each distinct text is parsed once (a file has few)."""
    encoded = pc.dictionary_encode(column)
    return pc.take(_parse_distinct_dates(encoded.dictionary), encoded.indices)


def _parse_distinct_dates(text: pa.Array) -> pa.Array:
    """One regex per accepted format (`%b` would depend on the locale), each over the values no
    earlier format read: the formats exclude each other, so the first match is the only one.

    Arrow's RE2 engine runs them: pandas' `str.extract` is several times slower.
    """
    year, month, day = (np.full(len(text), np.nan) for _ in range(3))
    todo = np.arange(len(text))

    def fill(found_year: np.ndarray, found_month: np.ndarray, found_day: np.ndarray) -> None:
        nonlocal todo
        found = ~np.isnan(found_year + found_month + found_day)
        rows = todo[found]
        year[rows], month[rows], day[rows] = found_year[found], found_month[found], found_day[found]
        todo = todo[~found]

    parts = _extract(text, _WORD_DATE)
    month_number = pc.index_in(pc.utf8_lower(parts["month"]), value_set=_MONTH_NAMES)
    fill(
        _numbers(parts["year"]),
        _numbers(pc.take(_MONTH_NUMBERS, month_number)),
        _numbers(parts["day"]),
    )
    if todo.size:
        parts = _extract(text.take(todo), _SLASH_DATE)
        first, second = _numbers(parts["first"]), _numbers(parts["second"])
        if (first > 12).any() and not (second > 12).any():  # an unambiguous day first: D/M/Y
            first, second = second, first
        fill(_numbers(parts["year"]), first, second)
    for pattern in (_DOT_DATE, _ISO_DATE):
        if todo.size:
            parts = _extract(text.take(todo), pattern)
            fill(_numbers(parts["year"]), _numbers(parts["month"]), _numbers(parts["day"]))
    year = np.where(year < 100, year + 2000, year)
    known = (year >= _FIRST_YEAR) & (year <= _LAST_YEAR) & (month >= 1) & (month <= 12) & (day >= 1)
    months = np.where(known, (year - 1970) * 12 + month - 1, 0).astype("datetime64[M]")
    dates = months.astype("datetime64[D]") + np.where(known, day - 1, 0).astype("timedelta64[D]")
    known &= dates.astype("datetime64[M]") == months  # no 31 June
    iso = pc.cast(pa.array(dates, pa.date32(), mask=~known), pa.string())  # YYYY-MM-DD
    return iso.fill_null("")


def _extract(text: pa.Array, pattern: str) -> dict[str, pa.Array]:
    """Each named group of `pattern` as an array, null where the text does not match."""
    parts = pc.extract_regex(text, pattern)
    return {field.name: values for field, values in zip(parts.type, parts.flatten(), strict=True)}


def _numbers(values: pa.Array) -> np.ndarray:
    return pc.cast(values, pa.float64()).to_numpy(zero_copy_only=False)


def _keep_or_skip(
    rows: dict[str, pa.Array],
    address_codes: pa.DictionaryArray,
    date_text: pa.Array,
    lines: np.ndarray,
    extra: np.ndarray,
    header: _Header,
) -> tuple[pa.Table, list[SkippedRow]]:
    """Drop each row we cannot keep, with its reason; the first reason found wins."""

    def where(condition: pa.Array) -> np.ndarray:
        return condition.to_numpy(zero_copy_only=False)

    reason = np.full(len(lines), "", dtype=object)
    no_date = where(pc.equal(date_text, ""))
    unreadable = where(pc.equal(rows["connected_on"], "")) & ~no_date
    if unreadable.any():
        texts = pc.filter(date_text, pa.array(unreadable)).to_pylist()
        reason[unreadable] = [f"unreadable date '{text[:40]}'" for text in texts]
    reason[no_date] = "no Connected On date"
    first, last = rows["first_name"], rows["last_name"]
    nameless = where(pc.and_(pc.equal(first, ""), pc.equal(last, "")))
    reason[nameless] = NAMELESS_REASON
    # A name or company longer than any real one (a paragraph pasted in): that row alone.
    first_length, last_length = (where(pc.utf8_length(part)) for part in (first, last))
    name_length = first_length + last_length + ((first_length > 0) & (last_length > 0))
    company_length = where(pc.utf8_length(rows["company"]))
    long_name, long_company = name_length > NAME_LIMIT, company_length > NAME_LIMIT
    for too_long, lengths, what in (
        (long_company, company_length, "company name"),
        (long_name, name_length, "name"),
    ):
        if too_long.any():  # a few rows at most: their reasons one by one
            reason[too_long] = [
                f"{what} too long ({length:,} characters; at most {NAME_LIMIT})"
                for length in lengths[too_long]
            ]
    reason[extra] = f"extra values after {header.names[-1]}"
    skip = no_date | unreadable | nameless | long_name | long_company | extra

    # Duplicates among the rows left: the same URL, else the same name and date; first wins.
    # The rows without a URL (a few) are told apart by codes after the addresses'.
    codes = address_codes.indices.to_numpy().astype(np.int64)
    no_url = pc.equal(rows["profile_url"], "")
    if pc.any(no_url).as_py():
        parts = [pc.filter(values, no_url) for values in (first, last, rows["connected_on"])]
        fallback = pc.dictionary_encode(pc.binary_join_element_wise(*parts, "\x1f"))
        codes[where(no_url)] = len(address_codes.dictionary) + fallback.indices.to_numpy()
    candidates = np.flatnonzero(~skip)
    codes = codes[candidates]
    repeat = pd.Series(codes).duplicated().to_numpy()
    if repeat.any():
        kept_first = np.flatnonzero(~repeat)
        first = np.empty(codes.max() + 1, dtype=np.int64)
        first[codes[kept_first]] = kept_first  # each key once: its first row among candidates
        first_line = lines[candidates[first[codes[repeat]]]]
        reason[candidates[repeat]] = [f"same person as line {line}" for line in first_line]
        skip[candidates[repeat]] = True

    kept = ~skip
    if not kept.any():
        raise NotAnExportError(
            f"No person could be read from this file, because {_all_skipped(reason)}; expected "
            "rows with a name and a Connected On date."
        )
    skipped = [
        SkippedRow(int(line), text) for line, text in zip(lines[~kept], reason[~kept], strict=True)
    ]
    table = pa.table({"line": lines, **rows})
    if not kept.all():
        table = table.filter(pa.array(kept))
    return table, skipped


# Each kind of reason a row is skipped for, as said of several rows ("2 with no name") and of
# a file's only row ("it has no name").
_SKIPPED_KINDS = {
    NAMELESS_REASON: ("with no name", "it has no name"),
    "no Connected On date": ("with no date", "it has no date"),
    "unreadable date": ("with an unreadable date", "its date could not be read"),
    "extra values": ("with extra values", "it has extra values"),
    "name too long": ("with a name too long", "its name is too long"),
    "company name too long": ("with a company name too long", "its company name is too long"),
}


def _all_skipped(reasons: np.ndarray) -> str:
    """Why every row was skipped: "its only row was skipped (it has no name)", "both rows were
    skipped (2 with no name)", "all 5 rows were skipped (3 with no name, 2 with no date)"."""
    kinds = _kinds(pd.Series(reasons, dtype="str"))
    if len(kinds) == 1:
        return f"its only row was skipped ({_SKIPPED_KINDS[kinds.iloc[0]][1]})"
    rows = "both rows were" if len(kinds) == 2 else f"all {len(kinds):,} rows were"
    counts = kinds.value_counts()
    said = ", ".join(f"{count:,} {_SKIPPED_KINDS[kind][0]}" for kind, count in counts.items())
    return f"{rows} skipped ({said})"


def _kinds(reasons: pd.Series) -> pd.Series:
    """Each reason's kind (never duplicates: the first of them would have been kept)."""
    return reasons.str.replace(
        r"(?s)^(unreadable date|extra values|name too long|company name too long).*",
        r"\1",
        regex=True,
    )
