"""Settings' free text has limits, refused in the domain in one sentence with nothing saved
and the typed text kept in its box; bad holidays are named all at once, by line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, profile, targets
from infoint.errors import InvalidInputError

ROOT = Path(__file__).resolve().parent.parent
FORMS = "write each holiday as 25 Dec 2026 or 25/12/2026 and save again."


def save(conn, **changed):
    fields = {
        "name": "Sam Lee",
        "job_title": "a data analyst",
        "focus_kind": "industry",
        "focus": "health tech",
        "focus_detail": "",
        "holidays_text": "",
    } | changed
    return profile.save_profile(conn, **fields)


@pytest.fixture
def saved(conn):
    """A profile saved before the refused change: it must stay as it is."""
    save(conn, holidays_text="25/12/2026")
    return profile.get_profile(conn)


@pytest.mark.parametrize(
    ("field", "length", "message"),
    [
        ("name", 604, "Your name can be at most 200 characters; this has 604"),
        ("job_title", 201, "Your role can be at most 200 characters; this has 201"),
        ("focus", 300, "Your focus in a few words can be at most 200 characters; this has 300"),
        (
            "focus_detail",
            20_001,
            "The detail on your focus can be at most 20,000 characters; this has 20,001",
        ),
    ],
)
def test_a_profile_field_too_long_is_refused_in_one_sentence(conn, saved, field, length, message):
    with pytest.raises(InvalidInputError) as refused:
        save(conn, **{field: "x" * length})
    assert str(refused.value) == f"{message}: shorten it and save again."
    assert profile.get_profile(conn) == saved


def test_fields_as_long_as_they_may_be_are_saved(conn):
    me = save(conn, name="n" * 200, job_title="r" * 200, focus="f" * 200, focus_detail="d" * 20_000)
    assert (len(me.name), len(me.job_title), len(me.focus), len(me.focus_detail)) == (
        200,
        200,
        200,
        20_000,
    )


def test_a_name_is_counted_without_the_spaces_around_it(conn):
    assert save(conn, name="  " + "n" * 200 + "  ").name == "n" * 200


def test_several_fields_too_long_are_named_together(conn, saved):
    with pytest.raises(InvalidInputError) as refused:
        save(conn, name="x" * 604, job_title="y" * 250)
    assert str(refused.value) == (
        "These are too long: your name (604 characters, at most 200) and your role "
        "(250 characters, at most 200); shorten them and save again."
    )
    assert profile.get_profile(conn) == saved


def test_a_too_long_field_is_said_before_a_bad_holiday(conn, saved):
    with pytest.raises(InvalidInputError, match=r"^Your name can be at most 200"):
        save(conn, name="x" * 604, holidays_text="Christmas")
    assert profile.get_profile(conn) == saved


def test_every_bad_holiday_line_is_named_at_once_by_its_line(conn, saved):
    typed = "24/12/2026\n\nChristmas\n31/02/2026\n25 Dec 2026\n12/25/2026\n30 Feb 2027"
    with pytest.raises(InvalidInputError) as refused:
        save(conn, holidays_text=typed)
    assert str(refused.value) == (
        "Lines 3, 4, 6 and 7 are not dates: 'Christmas', '31/02/2026' (there is no 31 February "
        "2026), '12/25/2026' (there is no month 25) and '30 Feb 2027' (there is no 30 February "
        f"2027); {FORMS}"
    )
    assert profile.get_profile(conn) == saved


def test_many_bad_holiday_lines_are_counted_after_the_first_five(conn, saved):
    typed = "\n".join(["25/12/2026", *(f"holiday {n}" for n in range(1, 9))])
    with pytest.raises(InvalidInputError) as refused:
        save(conn, holidays_text=typed)
    assert str(refused.value) == (
        "8 lines are not dates, the first of them lines 2, 3, 4, 5 and 6: 'holiday 1', "
        f"'holiday 2', 'holiday 3', 'holiday 4' and 'holiday 5'; {FORMS}"
    )
    assert profile.get_profile(conn) == saved


def test_a_long_bad_holiday_line_is_quoted_in_part():
    with pytest.raises(InvalidInputError) as refused:
        profile.parse_holidays("25/12/2026\n" + "word " * 100)
    assert str(refused.value) == f"'{('word ' * 8)[:40]}…' is not a date; {FORMS}"


def test_one_bad_holiday_line_is_still_said_as_before():
    with pytest.raises(InvalidInputError) as refused:
        profile.parse_holidays("24/12/2026\n31/02/2026")
    assert str(refused.value) == "There is no 31 February 2026; check that holiday."


def test_ruling_out_an_industry_limits_its_name_and_reason(conn):
    with pytest.raises(InvalidInputError) as refused:
        profile.rule_out_industry(conn, "x" * 201, "Not for me")
    assert str(refused.value) == (
        "An industry's name can be at most 200 characters; this one has 201: "
        "shorten it, then try again."
    )
    with pytest.raises(InvalidInputError) as refused:
        profile.rule_out_industry(conn, "Retail", "r" * 20_001)
    assert str(refused.value) == (
        "The reason for ruling out Retail can be at most 20,000 characters; this one has "
        "20,001: shorten it, then try again."
    )
    assert profile.list_ruled_out_industries(conn) == []
    profile.rule_out_industry(conn, "i" * 200, "r" * 20_000)
    assert len(profile.list_ruled_out_industries(conn)) == 1


def test_ruling_out_a_company_limits_its_reason(conn):
    acme = targets.add_company(conn, "Acme")
    with pytest.raises(InvalidInputError) as refused:
        targets.rule_out(conn, acme, "r" * 20_001)
    assert str(refused.value) == (
        "The reason for ruling out Acme can be at most 20,000 characters; this one has "
        "20,001: shorten it, then try again."
    )
    assert conn.execute("SELECT status, ruled_out_reason FROM companies").fetchall() == [
        ("target", None)
    ]


# --- The page ------------------------------------------------------------------------------


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def open_settings() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/9_settings.py")
    return run(at)


def stored_profile(app_db: Path) -> profile.Profile:
    conn = db.connect(app_db)
    try:
        return profile.get_profile(conn)
    finally:
        conn.close()


def save_form(at: AppTest) -> AppTest:
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    return run(at)


def test_settings_refuses_a_604_character_name_and_keeps_what_was_typed(app_db):
    at = open_settings()
    long_name = "Sam Lee " * 75 + "Sung"  # 604 characters
    at.text_input(key="profile_name").set_value(long_name)
    at.text_input(key="profile_focus").set_value("health tech")
    save_form(at)
    assert [e.value for e in at.error] == [
        "Your name can be at most 200 characters; this has 604: shorten it and save again."
    ]
    assert not at.success
    assert at.text_input(key="profile_name").value == long_name
    assert at.text_input(key="profile_focus").value == "health tech"
    assert stored_profile(app_db).name == ""
    assert stored_profile(app_db).focus == ""


def test_settings_names_every_bad_holiday_at_once_and_keeps_the_box(app_db):
    at = open_settings()
    typed = "25/12/2026\nXmas\n26/12/2026\nNew Year"
    at.text_area(key="profile_holidays").set_value(typed)
    save_form(at)
    assert [e.value for e in at.error] == [
        f"Lines 2 and 4 are not dates: 'Xmas' and 'New Year'; {FORMS}"
    ]
    assert at.text_area(key="profile_holidays").value == typed
    assert stored_profile(app_db).holidays == ()
    # Fixed all at once, one save does it.
    at.text_area(key="profile_holidays").set_value("25/12/2026\n26/12/2026")
    save_form(at)
    assert not at.error
    assert stored_profile(app_db).holidays == (date(2026, 12, 25), date(2026, 12, 26))


def test_settings_refuses_a_too_long_reason_for_ruling_out_and_keeps_it(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", company="Petro Corp")
    conn.execute("UPDATE companies SET industry = 'Oil and gas'")
    conn.close()
    at = open_settings()
    at.selectbox(key="rule_out_industry").set_value("Oil and gas")
    at.text_input(key="rule_out_industry_reason").set_value("r" * 20_001)
    run(at)
    next(b for b in at.button if b.label == "Rule out this industry").click()
    run(at)
    assert [e.value for e in at.error] == [
        "The reason for ruling out Oil and gas can be at most 20,000 characters; "
        "this one has 20,001: shorten it, then try again."
    ]
    assert at.text_input(key="rule_out_industry_reason").value == "r" * 20_001
    conn = db.connect(app_db)
    assert profile.list_ruled_out_industries(conn) == []
    conn.close()
