"""A deterministic, realistic LinkedIn Connections.csv of any size, built with vectorised numpy.

The shape follows ../shared/linkedin-format.md: the current 7-column export with its 3-line
preamble, UTF-8 without BOM, LF, minimal quoting, no newline after the last row, newest first,
about 1 % nameless rows, 95 % empty emails, companies on a long (Zipf-like) tail with a few
spelling variants of the same company, trailing spaces, 8-hex slug suffixes, percent-encoded
slugs, credentials and nicknames. Everyone in it is invented.

    python -m benchmarks.generate OUT.csv [--rows 30000] [--companies 2000] [--seed 7]
    python -m benchmarks.generate --sample data/sample/Connections.csv   # the demo's export
"""

from __future__ import annotations

import argparse
import csv
import io
from datetime import date
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pandas as pd

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    ' https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
MONTHS = np.array(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
)
END_DATE = date(2026, 6, 30)
# The demo's export: a network small enough to read, spread over six years.
SAMPLE = {"rows": 150, "companies": 45, "seed": 2026, "years": 6}

FIRST_NAMES = [
    "Ada",
    "Alba",
    "Amara",
    "Anton",
    "Aria",
    "Arlo",
    "Ash",
    "Astrid",
    "Basil",
    "Bea",
    "Bram",
    "Cai",
    "Cato",
    "Cleo",
    "Dara",
    "Dax",
    "Edda",
    "Elio",
    "Elsa",
    "Emre",
    "Enzo",
    "Esme",
    "Ezra",
    "Faye",
    "Femi",
    "Finn",
    "Flora",
    "Gael",
    "Gia",
    "Gus",
    "Hana",
    "Hugo",
    "Ida",
    "Ines",
    "Ira",
    "Isak",
    "Ivo",
    "Jade",
    "Jara",
    "Joon",
    "Juno",
    "Kai",
    "Kaito",
    "Kira",
    "Lars",
    "Lea",
    "Leif",
    "Lina",
    "Lio",
    "Luca",
    "Mae",
    "Mara",
    "Mika",
    "Milo",
    "Mina",
    "Nadia",
    "Nell",
    "Nico",
    "Nils",
    "Noor",
    "Odin",
    "Olga",
    "Omar",
    "Otto",
    "Pia",
    "Quinn",
    "Rafa",
    "Rhea",
    "Rio",
    "Rosa",
    "Rune",
    "Sami",
    "Sana",
    "Saul",
    "Suki",
    "Tam",
    "Tara",
    "Teo",
    "Thea",
    "Tove",
    "Uma",
    "Una",
    "Vera",
    "Vik",
    "Wren",
    "Yara",
    "Yuki",
    "Zara",
    "Zeno",
    "Zofia",
    "Anouk",
    "Bo",
    "Carys",
    "Deniz",
    "Eero",
    "Fenna",
    "Greer",
    "Halvard",
    "Ilse",
    "Jonah",
    "Kemal",
    "Liesel",
    "Maren",
    "Oona",
    "Petra",
    "Rasmus",
]
# Names whose profile slugs LinkedIn percent-encodes (about 1 % of rows use one).
ACCENTED_FIRST_NAMES = ("Zoë", "Renée", "Dalía", "Søren", "Noémie", "Jürgen")
LAST_NAMES = [
    "Abara",
    "Adler",
    "Alvarez",
    "Arkwright",
    "Bakshi",
    "Balogun",
    "Barros",
    "Becker",
    "Bellamy",
    "Berg",
    "Bianchi",
    "Blom",
    "Bouchard",
    "Brennan",
    "Calloway",
    "Castell",
    "Chen",
    "Cordova",
    "Dahl",
    "Dalgaard",
    "Delacroix",
    "Dossou",
    "Drummond",
    "Eastwick",
    "Eklund",
    "Ellery",
    "Esposito",
    "Falk",
    "Farrow",
    "Fenwick",
    "Ferreira",
    "Fontaine",
    "Garrow",
    "Greaves",
    "Haddad",
    "Halloran",
    "Hartigan",
    "Haugen",
    "Holm",
    "Ibarra",
    "Ivers",
    "Jakobsen",
    "Janssen",
    "Kaur",
    "Keller",
    "Kowalski",
    "Lachance",
    "Larkin",
    "Lindqvist",
    "Lopes",
    "Lund",
    "Mahler",
    "Marlow",
    "Medina",
    "Meyer",
    "Moreau",
    "Nakamura",
    "Navarro",
    "Nyberg",
    "Oakes",
    "Okafor",
    "Olsen",
    "Ortega",
    "Pascal",
    "Pereira",
    "Quarles",
    "Quint",
    "Ramos",
    "Renner",
    "Rivas",
    "Rossi",
    "Saari",
    "Santos",
    "Sato",
    "Schmitt",
    "Serrano",
    "Sinclair",
    "Strand",
    "Tanaka",
    "Thorne",
    "Tiwari",
    "Ueda",
    "Valdez",
    "Varga",
    "Vidal",
    "Vogel",
    "Wexley",
    "Whitlock",
    "Winther",
    "Yilmaz",
    "Yoon",
    "Zeller",
    "Zubiri",
    "Ashdown",
    "Brightwater",
    "Coldwell",
    "Dunmore",
    "Everly",
    "Foxley",
    "Gansbaek",
    "Holloway",
]
CREDENTIALS = (", PhD", ", MBA", ", CPA", ", PE")
NICKNAMES = ('Robert "Bob"', 'Katharina "Kat"', 'Alexander "Sasha"')
COMPANY_WORDS_A = [
    "Blue",
    "Bright",
    "Cedar",
    "Clear",
    "Copper",
    "Crimson",
    "Delta",
    "Eastern",
    "Ember",
    "Fable",
    "Granite",
    "Harbor",
    "Iron",
    "Juniper",
    "Keystone",
    "Lumen",
    "Maple",
    "Meridian",
    "North",
    "Oak",
    "Onyx",
    "Orbit",
    "Pine",
    "Prairie",
    "Quartz",
    "Red",
    "Ridge",
    "River",
    "Sable",
    "Silver",
    "Slate",
    "Solar",
    "Spruce",
    "Summit",
    "Tidal",
    "True",
    "Upland",
    "Vantage",
    "Willow",
    "Zenith",
    "Alder",
    "Amber",
    "Aspen",
    "Beacon",
    "Birch",
    "Canyon",
    "Cobalt",
    "Coral",
    "Crest",
    "Falcon",
    "Fern",
    "Glacier",
    "Hazel",
    "Indigo",
    "Jasper",
    "Kestrel",
    "Larch",
    "Lotus",
    "Marble",
    "Nimbus",
    "Opal",
    "Pebble",
    "Raven",
    "Sterling",
    "Thistle",
]
COMPANY_WORDS_B = [
    "Analytics",
    "Bank",
    "Bio",
    "Capital",
    "Care",
    "Cloud",
    "Consulting",
    "Design",
    "Dynamics",
    "Energy",
    "Foods",
    "Freight",
    "Games",
    "Health",
    "Insurance",
    "Labs",
    "Learning",
    "Logistics",
    "Media",
    "Metrics",
    "Motors",
    "Networks",
    "Partners",
    "Pharma",
    "Robotics",
    "Security",
    "Semiconductors",
    "Software",
    "Studios",
    "Systems",
    "Telecom",
    "Textiles",
    "Works",
]
LEGAL_SUFFIXES = ("", "", "", " Inc.", " Ltd", " GmbH", " LLC", " AB")
LEVELS = ("", "", "Senior ", "Lead ", "Principal ", "Junior ", "Head of ", "VP ", "Director, ")
ROLES = [
    "Software Engineer",
    "Data Scientist",
    "Product Manager",
    "Designer",
    "Account Executive",
    "Recruiter",
    "Marketing Manager",
    "Financial Analyst",
    "Operations Manager",
    "Nurse",
    "Teacher",
    "Consultant",
    "Research Scientist",
    "Project Manager",
    "Customer Success Manager",
    "Engineering Manager",
    "Business Analyst",
    "Legal Counsel",
    "HR Business Partner",
    "Supply Chain Planner",
]
EMAIL_DOMAINS = ("example.com", "example.org", "mail.example.net")


def _choice(rng: np.random.Generator, options, size: int, p=None) -> np.ndarray:
    return np.asarray(options, dtype=object)[rng.choice(len(options), size=size, p=p)]


def _company_names(rng: np.random.Generator, count: int) -> np.ndarray:
    """`count` distinct company names, each with a legal suffix drawn once."""
    pairs = np.array([f"{a} {b}" for a in COMPANY_WORDS_A for b in COMPANY_WORDS_B], dtype=object)
    if count > len(pairs):
        extra = np.array([f"{p} {n}" for n in range(2, 2 + count // len(pairs)) for p in pairs])
        pairs = np.concatenate([pairs, extra.astype(object)])
    names = pairs[rng.permutation(len(pairs))[:count]]
    return names + _choice(rng, LEGAL_SUFFIXES, count)


def _with_trailing_space(rng: np.random.Generator, values: pd.Series, share: float) -> pd.Series:
    mask = (rng.random(len(values)) < share) & (values != "")
    return values.where(~mask, values + " ")


def connections_frame(
    rows: int = 30_000,
    *,
    companies: int = 2_000,
    seed: int = 7,
    end: date = END_DATE,
    years: int = 15,
) -> pd.DataFrame:
    """The export's rows as a DataFrame with LinkedIn's header, newest first."""
    rng = np.random.default_rng(seed)
    first = _choice(rng, FIRST_NAMES, rows)
    accented = rng.random(rows) < 0.01
    first[accented] = _choice(rng, ACCENTED_FIRST_NAMES, int(accented.sum()))
    last = _choice(rng, LAST_NAMES, rows)

    # Slugs: first-last, a third with LinkedIn's 8-hex suffix; repeats get -2, -3, …
    first_slug = pd.Series(first).str.lower()
    first_slug = first_slug.map({name: quote(name) for name in first_slug.unique()})
    slug = first_slug + "-" + pd.Series(last).str.lower()
    hex_suffix = rng.random(rows) < 1 / 3
    hex_digits = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)[rng.integers(0, 16, (rows, 8))]
    hexes = pd.Series(hex_digits.view("S8").ravel()).str.decode("ascii")
    slug = slug.where(~hex_suffix, slug + "-" + hexes)
    repeat = slug.groupby(slug).cumcount()
    slug = slug.where(repeat == 0, slug + "-" + (repeat + 1).astype(str))

    # Display-only quirks, applied after the slug is fixed.
    first_shown = pd.Series(first, dtype=object)
    nickname = rng.random(rows) < 0.003
    first_shown[nickname] = _choice(rng, NICKNAMES, int(nickname.sum()))
    last_shown = pd.Series(last, dtype=object)
    credential = rng.random(rows) < 0.01
    last_shown[credential] = last_shown[credential] + _choice(
        rng, CREDENTIALS, int(credential.sum())
    )

    names = _company_names(rng, companies)
    weights = 1.0 / np.arange(1, companies + 1) ** 0.9
    company = pd.Series(names[rng.choice(companies, size=rows, p=weights / weights.sum())])
    # The same company spelt differently by different people: "Acme" for "Acme Inc.", and
    # "Acme Inc" where the company has no suffix.
    variant = rng.random(rows) < 0.03
    stripped = company[variant].str.replace(r" (Inc\.|Ltd|GmbH|LLC|AB)$", "", regex=True)
    company[variant] = stripped.where(stripped != company[variant], stripped + " Inc")
    no_job = rng.random(rows) < 0.04
    company[no_job] = ""
    company[rng.random(rows) < 0.001] = "N/A"
    position = pd.Series(_choice(rng, LEVELS, rows) + _choice(rng, ROLES, rows))
    position[no_job] = ""

    email = (pd.Series(first).str.lower() + "." + pd.Series(last).str.lower() + "@") + _choice(
        rng, EMAIL_DOMAINS, rows
    )
    email = email.where(rng.random(rows) < 0.05, "")

    end_day = np.datetime64(end, "D")
    offsets = np.sort(rng.integers(0, 365 * years, size=rows))
    days = pd.DatetimeIndex(end_day - offsets.astype("timedelta64[D]"))
    connected_on = (
        pd.Series(days.day).astype(str).str.zfill(2)
        + " "
        + MONTHS[days.month - 1]
        + " "
        + pd.Series(days.year).astype(str)
    )

    frame = pd.DataFrame(
        {
            "First Name": _with_trailing_space(rng, first_shown, 0.03),
            "Last Name": _with_trailing_space(rng, last_shown, 0.03),
            "URL": "https://www.linkedin.com/in/" + slug,
            "Email Address": email,
            "Company": _with_trailing_space(rng, company, 0.03),
            "Position": _with_trailing_space(rng, position, 0.02),
            "Connected On": connected_on,
        }
    )
    # Hidden or closed accounts: everything empty but the date.
    nameless = rng.random(rows) < 0.01
    frame.loc[nameless, HEADER[:-1]] = ""
    return frame


def export_bytes(rows: int = 30_000, **options) -> bytes:
    """The export as LinkedIn sends it: preamble, header, rows, no final newline."""
    return frame_bytes(connections_frame(rows, **options))


def frame_bytes(frame: pd.DataFrame) -> bytes:
    """Rows of `connections_frame` (or some of them) as LinkedIn writes an export."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return (PREAMBLE + buffer.getvalue().removesuffix("\n")).encode("utf-8")


def write_export(path: Path, rows: int = 30_000, **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(export_bytes(rows, **options))
    return path


def sample_bytes() -> bytes:
    """The demo export committed at data/sample/Connections.csv (a test keeps them equal)."""
    return export_bytes(**SAMPLE)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic LinkedIn Connections.csv.")
    parser.add_argument("out", type=Path, help="where to write the CSV")
    parser.add_argument("--rows", type=int, default=30_000, help="connections (default 30000)")
    parser.add_argument("--companies", type=int, default=2_000, help="distinct employers")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same file)")
    parser.add_argument(
        "--sample", action="store_true", help="write the demo export instead (ignores the rest)"
    )
    args = parser.parse_args(argv)
    if args.sample:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(sample_bytes())
    else:
        write_export(args.out, args.rows, companies=args.companies, seed=args.seed)


if __name__ == "__main__":
    main()
