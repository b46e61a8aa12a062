"""The Settings page: where the data is, backups and restore, demo data in and out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, demo, importer, profile, settings, text, ui

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/9_settings.py"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def open_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(PAGE)
    return run(at)


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} among {[b.label for b in at.button]}"
    return found[0]


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def people() -> list[str]:
    rows = ui.connection().execute("SELECT first_name FROM contacts ORDER BY 1").fetchall()
    return [row[0] for row in rows]


def backups(app_db: Path) -> list[Path]:
    return sorted((app_db.parent / "backups").glob("*.duckdb"))


def test_empty_database_shows_where_it_lives(app_db):
    at = open_page()
    assert at.title[0].value == "Settings"
    # said as text in a code span, not a code block (`settings.path_said`)
    assert f"`{app_db}`" in [m.value for m in at.main.markdown]
    figures = {m.label: m.value for m in at.metric}
    assert figures == {
        "People": "0",
        "Companies": "0",
        "Interactions": "0",
        "Meetings": "0",
    }
    assert "No backups yet" in at.info[0].value
    assert any(c.value.startswith("Your data takes ") for c in at.main.caption)
    assert "Load demo data" in labels(at)
    assert "Remove demo data" not in labels(at)
    assert button(at, "Back up now").proto.type == "primary"
    assert any("infoint sends nothing anywhere" in m.value for m in at.markdown)
    assert any("backups made before that still hold them" in m.value for m in at.markdown)


def test_back_up_now_writes_a_copy_beside_the_database(app_db):
    at = open_page()
    assert backups(app_db) == []
    button(at, "Back up now").click()
    run(at)
    made = backups(app_db)
    assert len(made) == 1
    assert made[0].stat().st_size > 0
    [taken] = db.backup_files(app_db)
    # Said in words, not as the file's name: when, and what it is for.
    assert at.success[0].value == (
        f"Backed up: a copy of all your data as it was at {text.moment(taken.taken_at)}. "
        "It is in the list below, to restore if you ever need it. "
        "For safety, keep a copy elsewhere too, such as on a USB stick:"
    )
    assert made[0].name not in at.success[0].value
    assert [d.label for d in at.get("download_button")] == ["Download this backup"]
    assert len(at.dataframe[0].value) == 1


def test_restore_asks_first_then_brings_back_the_earlier_state(app_db):
    at = open_page()
    contacts.add_contact(ui.connection(), "Ada", "Lovelace")
    button(at, "Back up now").click()
    run(at)
    contacts.add_contact(ui.connection(), "Grace", "Hopper")
    run(at)
    assert people() == ["Ada", "Grace"]
    button(at, "Restore this backup").click()
    run(at)
    assert "What you saved after that is lost from your data" in at.warning[0].value
    assert "today's data is backed up first" in at.warning[0].value
    assert people() == ["Ada", "Grace"]  # asking changed nothing
    button(at, "Yes, restore it").click()
    run(at)
    assert "Restored the backup" in at.success[0].value
    assert people() == ["Ada"]
    assert {m.label: m.value for m in at.metric}["People"] == "1"
    conn = db.connect(app_db)
    conn.execute(
        "INSERT INTO contacts (profile_key, first_name)"
        " SELECT 'manual:' || i, 'Person ' || i FROM range(1200) t(i)"
    )
    conn.close()
    run(at)
    assert {m.label: m.value for m in at.metric}["People"] == "1,201"  # as in every sentence
    # The data as it was just before is a backup of its own, to go back to.
    notes = list(at.dataframe[0].value["Note"])
    assert notes == ["Before restoring an earlier backup", "Made by you"]


def test_demo_data_loads_and_removes_only_itself(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ada", "Lovelace", company="Analytical Engines", notes="mine")
    conn.close()
    at = open_page()
    button(at, "Load demo data").click()
    run(at)
    # Beside Ada, the demo would join every count: asked first, and asking loads nothing.
    assert at.warning[0].value == ui.plain(demo.LOADING_BESIDE_YOURS)
    assert people() == ["Ada"]
    button(at, "Yes, load demo data").click()
    run(at)
    assert "Loaded the demo" in at.success[0].value
    assert len(people()) > 40
    # Ada was introduced by a demo person: the warning says that link goes with the demo.
    ui.connection().execute(
        "UPDATE contacts SET referred_by = (SELECT min(id) FROM contacts WHERE source = 'demo')"
        " WHERE first_name = 'Ada'"
    )
    button(at, "Remove demo data").click()
    run(at)
    warning = at.warning[0].value
    assert "Your own people, companies and notes stay" in warning
    assert "Ada Lovelace, whom a demo person introduced to you, stays" in warning
    button(at, "Yes, remove demo data").click()
    run(at)
    assert "Removed the demo data" in at.success[0].value
    assert text.plain_markdown("Your own people, companies and notes are still here.") in (
        at.success[0].value
    )
    assert people() == ["Ada"]
    own = (
        ui.connection()
        .execute(
            "SELECT c.notes, co.name FROM contacts c JOIN companies co ON co.id = c.company_id"
        )
        .fetchall()
    )
    assert own == [("mine", "Analytical Engines")]
    assert "Load demo data" in labels(at)


def test_removing_the_demo_is_offered_only_while_there_is_demo_data(app_db):
    conn = db.connect(app_db)
    importer.import_file(conn, CONNECTIONS, filename="Connections.csv")
    conn.close()
    at = open_page()
    assert "Remove demo data" not in labels(at)
    button(at, "Load demo data").click()
    run(at)
    button(at, "Yes, load demo data").click()  # beside the import's people: asked first
    run(at)
    button(at, "Remove demo data").click()
    run(at)
    assert at.warning  # the question is open when the demo goes another way (the command line)
    demo.remove_demo(ui.connection())
    run(at)
    assert "Remove demo data" not in labels(at)
    assert "Yes, remove demo data" not in labels(at)
    assert not at.warning
    # Loaded again, the demo is not met by the old question, still open, asking to remove it.
    button(at, "Load demo data").click()
    run(at)
    button(at, "Yes, load demo data").click()
    run(at)
    assert "Remove demo data" in labels(at)
    assert "Yes, load demo data" not in labels(at)  # nor by the question that loaded it
    assert "Yes, remove demo data" not in labels(at)


def test_a_damaged_backup_is_refused_in_one_sentence_and_nothing_changes(app_db):
    at = open_page()
    contacts.add_contact(ui.connection(), "Ada", "Lovelace")
    button(at, "Back up now").click()
    run(at)
    button(at, "Restore this backup").click()
    run(at)
    backups(app_db)[0].write_bytes(b"not a database")
    button(at, "Yes, restore it").click()
    run(at)
    assert "is not a readable infoint backup" in at.error[0].value
    assert not [s for s in at.success if "Restored" in s.value]
    assert people() == ["Ada"]


CONNECTIONS = (
    b"Notes:\n"
    b'"When exporting your connection data, you may notice that some of the email addresses '
    b'are missing."\n'
    b"\n"
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ada,Lovelace,https://www.linkedin.com/in/ada-l,,Analytical Engines,Engineer,06 Nov 2024\n"
    b"Grace,Hopper,https://www.linkedin.com/in/grace-h,,Navy,Rear Admiral,01 Sep 2023"
)


def test_with_an_import_the_counts_and_its_backup_show(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Early", "Bird")  # someone saved: the import backs up first
    importer.import_file(conn, CONNECTIONS, filename="Connections.csv")
    conn.close()
    at = open_page()
    figures = {m.label: m.value for m in at.metric}
    assert (figures["People"], figures["Companies"]) == ("3", "2")
    listed = at.dataframe[0].value
    assert list(listed["Note"]) == ["Before importing Connections.csv"]
    assert "Load demo data" in labels(at)


def test_backups_and_the_restore_warning_write_dates_one_way(app_db):
    at = open_page()
    button(at, "Back up now").click()
    run(at)
    [taken] = db.backup_files(app_db)
    when = text.moment(taken.taken_at)  # '26 Nov 2026, 13:42'
    assert list(at.dataframe[0].value["Taken"]) == [when]
    [restore_box] = [s for s in at.selectbox if s.label == "Backup to restore"]
    assert restore_box.options == [f"{when} · Made by you"]
    button(at, "Restore this backup").click()
    run(at)
    assert at.warning[0].value.startswith(f"Your data goes back to how it was on {when}. ")
    button(at, "Yes, restore it").click()
    run(at)
    # to the second when the restore's own backup was taken in the same minute
    assert at.success[0].value.startswith(f"Restored the backup from {when}")


def test_holidays_are_shown_and_taken_day_first(app_db):
    conn = db.connect(app_db)
    profile.save_profile(
        conn, name="Sam", job_title="", focus_kind="industry", focus="x", holidays_text="2026-12-25"
    )
    conn.close()
    at = open_page()
    box = at.text_area(key="profile_holidays")
    assert box.value == "25 Dec 2026"  # as the app writes dates, and reads them back
    assert "day/month/year" in box.help
    box.set_value("25/12/2026\n31/02/2027")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert at.error[0].value == "There is no 31 February 2027; check that holiday."
    at.text_area(key="profile_holidays").set_value("25/12/2026\n26/12/2026")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert not at.error
    assert any("25 Dec 2026 and 26 Dec 2026" in c.value for c in at.caption)


def test_the_ruled_out_date_is_written_as_every_date(app_db):
    conn = db.connect(app_db)
    profile.rule_out_industry(conn, "Oil and gas", "I want renewables")
    conn.execute("UPDATE ruled_out_industries SET ruled_out_at = TIMESTAMP '2026-03-02 10:00'")
    conn.close()
    at = open_page()
    shown = " ".join(m.value for m in at.markdown)
    assert "(since 2 Mar 2026)" in shown


def test_the_space_used_is_one_number_for_the_data_and_its_backups(app_db):
    at = open_page()
    # no size that jumps
    assert "One file on this computer:" in [m.value for m in at.main.markdown]
    button(at, "Back up now").click()
    run(at)
    [backup] = backups(app_db)
    wal = app_db.with_name(app_db.name + ".wal")
    total = app_db.stat().st_size + (wal.stat().st_size if wal.is_file() else 0)
    total += backup.stat().st_size
    assert f"Your data and its 1 backup take {total / 1_000_000:.1f} MB of disk in all" in " ".join(
        c.value for c in at.main.caption
    )


def test_the_space_used_reads_well_in_every_case(conn):
    assert settings.space_used(conn).startswith("Your data takes ")
    db.backup(conn)
    db.backup(conn)
    used = settings.space_used(conn)
    assert used.startswith("Your data and its 2 backups take ")
    assert used.endswith(" MB of disk in all; each backup is a full copy of your data.")


def test_the_profile_comes_first_where_the_fill_in_link_lands(app_db):
    """A new user arrives from 'Fill in your name … in Settings': the profile is on top, and
    the page keeps its one primary button."""
    at = open_page()
    assert [h.value for h in at.main.subheader][:2] == [
        "Your profile and focus",
        "Where your data lives",
    ]
    assert at.main.text_input[0].label == "Your name"
    assert [b.label for b in at.button if b.proto.type == "primary"] == ["Back up now"]


def test_companies_are_counted_as_targets_lists_them_and_the_figure_says_so(app_db):
    """Grace's employer is 'N/A': no company on Targets, so none here either."""
    conn = db.connect(app_db)
    importer.import_file(conn, CONNECTIONS.replace(b",Navy,", b",N/A,"), filename="Connections.csv")
    conn.close()
    at = open_page()
    companies = next(m for m in at.metric if m.label == "Companies")
    assert companies.value == "1"
    assert companies.help == (
        "The companies your contacts work at and those you added, as Targets lists them; "
        "placeholders such as 'N/A' are left out."
    )


def test_saving_a_blank_profile_says_there_is_nothing_to_save_yet(app_db):
    """No save is claimed for the blank form (tests/test_page_settings_nothing_to_save.py)."""
    at = open_page()
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert [s.value for s in at.success] == []
    assert any(i.value.startswith("Nothing to save yet: fill in your name") for i in at.info)
    assert not any("Home shows your focus" in i.value for i in at.info)


def test_a_holiday_line_that_is_no_date_is_quoted_whole_on_the_page(app_db):
    at = open_page()
    at.text_area(key="profile_holidays").set_value("25/12/2026\nnot a date")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert at.error[0].value.startswith("'not a date' is not a date; ")


def test_the_backups_words_hold_after_a_first_import_takes_none(app_db):
    """The first import into an empty database takes no backup (its undo removes what it
    added): the page said one is made before every import that changes something."""
    conn = db.connect(app_db)
    importer.import_file(conn, CONNECTIONS, filename="Connections.csv")
    conn.close()
    at = open_page()
    assert backups(app_db) == []
    said = " ".join(m.value for m in at.markdown)
    assert "before every import that changes something" not in said
    assert "before a LinkedIn import adds or changes people in a database that already" in said
    assert at.info[0].value == (
        "No backups yet. An import into an empty database needs none: undoing it removes "
        "what it added. “Back up now” makes the first one."
    )


def test_a_holiday_typed_as_the_app_writes_dates_is_saved_with_the_rest(app_db):
    """The walkthrough's '24 Dec 2026' was refused, and the name typed beside it lost."""
    at = open_page()
    box = at.text_area(key="profile_holidays")
    assert "25 Dec 2026" in box.help and "25/12/2026" in box.help
    at.text_input(key="profile_name").set_value("Sam Lee")
    box.set_value("24 Dec 2026\n25/12/2026")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert not at.error
    conn = db.connect(app_db)
    me = profile.get_profile(conn)
    conn.close()
    assert (me.name, me.holidays) == ("Sam Lee", (date(2026, 12, 24), date(2026, 12, 25)))
    assert any("24 Dec 2026 and 25 Dec 2026" in c.value for c in at.caption)


def test_a_wrong_holiday_saves_nothing_and_keeps_what_was_typed(app_db):
    at = open_page()
    at.text_input(key="profile_name").set_value("Sam Lee")
    at.text_area(key="profile_holidays").set_value("24 Decc 2026")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert [e.value for e in at.error] == [
        "'24 Decc 2026' is not a date; write each holiday as 25 Dec 2026 or 25/12/2026 and "
        "save again."
    ]
    assert not at.success
    assert at.text_input(key="profile_name").value == "Sam Lee"  # still there to save again
    conn = db.connect(app_db)
    assert profile.get_profile(conn).name == ""
    conn.close()


def test_a_holiday_decades_ago_is_saved_and_named_as_a_likely_typo(app_db):
    at = open_page()
    at.text_input(key="profile_name").set_value("Sam Lee")
    at.text_area(key="profile_holidays").set_value("01/01/1990")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert not at.error
    assert at.success[0].value.startswith("Saved.")
    assert [w.value for w in at.warning] == [
        "1 Jan 1990 is more than a year ago, so it cannot change when a follow-up is due: "
        "check its year, or remove it."
    ]


def test_the_demo_intro_promises_no_more_than_the_removal_keeps(app_db):
    """Removing the demo also takes what the user logged about demo people and what they set
    on a demo company kept for their people: the intro does not say it leaves all theirs.
    Said while the demo is loaded, above "Remove demo data"."""
    setup = db.connect(app_db)
    demo.load_demo(setup)
    setup.close()
    at = open_page()
    [intro] = [m.value for m in at.markdown if m.value.startswith("Demo data is")]
    assert "nothing you entered" not in intro
    assert "everything logged about them, what you logged included" in intro
    assert "names anything of yours it would change" in intro
    assert intro == demo.ABOUT  # said where the removal is written


def test_holidays_long_past_or_far_ahead_are_saved_and_named_on_the_page(app_db):
    at = open_page()
    at.text_area(key="profile_holidays").set_value("25/12/2026\n01/01/1990\n25/12/2206")
    at.button(key="FormSubmitter:profile_form-Save your profile").click()
    run(at)
    assert not at.error
    assert at.success[0].value.startswith("Saved")
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("1 Jan 1990 is more than a year ago") for w in warnings)
    assert any(w.startswith("25 Dec 2206 is after the end of next year") for w in warnings)
    assert profile.holidays(ui.connection()) == (
        date(1990, 1, 1),
        date(2026, 12, 25),
        date(2206, 12, 25),
    )
