"""Import & export: a target list whose industry column is called Sector says, in its preview,
that the column is read as the industry (the walkthrough saw only 'Columns left aside: Sector,
Why.', and the industries dropped without a word)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
WITH_SECTOR = b"name,sector,why\nNova Labs,Software,Great team\nAcme,Health,\n"


def test_the_preview_says_sector_is_read_as_the_industry(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/8_import_export.py")
    at.run()
    uploader = next(u for u in at.get("file_uploader") if "companies" in u.label)
    uploader.set_value(("targets.csv", WITH_SECTOR, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    captions = [caption.value for caption in at.caption]
    assert r"sector is read as the industry\. Columns left aside\: why\." in captions, captions
