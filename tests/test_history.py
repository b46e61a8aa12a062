"""LinkedIn messages and invitations -> outreach, follow-up and reply events."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, funnel, history, interactions, profile, text
from infoint.errors import InvalidInputError, NotAnExportError

ROOT = Path(__file__).resolve().parent.parent
ME = "https://www.linkedin.com/in/sam-me"
ANA = "https://www.linkedin.com/in/ana-lopez"
BO = "https://www.linkedin.com/in/bo-berg"
CY = "https://www.linkedin.com/in/cy-chu"
STRANGER = "https://www.linkedin.com/in/not-a-contact"

MESSAGE_HEADER = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
    "IS MESSAGE DRAFT",
]
INVITATION_HEADER = [
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
]


def message(conversation, sender, recipients, when, content, subject="", draft="No"):
    return [
        *(conversation, "title", "name", sender, "name", recipients),
        *(when, subject, content, "INBOX", draft),
    ]


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def archive(messages=None, invitations=None, folder=""):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{folder}Connections.csv", "First Name,Last Name,URL\n")
        if messages is not None:
            zf.writestr(f"{folder}messages.csv", messages)
        if invitations is not None:
            zf.writestr(f"{folder}Invitations.csv", invitations)
    return buffer.getvalue()


@pytest.fixture
def people(conn):
    return {
        "ana": contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA + "/"),
        "bo": contacts.add_contact(conn, "Bo", "Berg", linkedin_url=BO),
        "cy": contacts.add_contact(conn, "Cy", "Chu", linkedin_url="linkedin.com/in/CY-CHU"),
    }


def history_zip():
    rows = [
        # Ana: an approach on 2 Mar (two messages that day), a follow-up on 10 Mar, her answer
        # on 11 Mar, then ordinary conversation that is left out.
        message("c1", ME, ANA, "2026-03-02 09:00:00 UTC", "Hello Ana, Maria suggested..."),
        message("c1", ME, ANA, "2026-03-02 09:05:00 UTC", "PS: hi"),
        message("c1", ME, ANA, "2026-03-10 08:00:00 UTC", "One gentle reminder"),
        message("c1", ANA, ME, "2026-03-11 17:30:00 UTC", "Happy to talk! Secret text"),
        message("c1", ME, ANA, "2026-03-11 18:00:00 UTC", "Great, thank you"),
        message("c1", ANA, ME, "2026-03-12 07:00:00 UTC", "See you Tuesday"),
        # Bo wrote first: answering him is not outreach.
        message("c2", BO, ME, "2026-03-03 10:00:00 UTC", "Hi Sam, question for you"),
        message("c2", ME, BO, "2026-03-03 11:00:00 UTC", "Sure, here it is"),
        # A group conversation and a draft are not outreach.
        message("c3", ME, f"{ANA};{CY}", "2026-03-04 10:00:00 UTC", "Hi both"),
        message("c4", ME, CY, "2026-03-05 10:00:00 UTC", "Unsent", draft="Yes"),
        # Someone who is not a contact.
        message("c5", ME, STRANGER, "2026-03-06 10:00:00 UTC", "Hello stranger"),
        # An approach before the start date.
        message("c6", ME, BO, "2025-11-01 10:00:00 UTC", "Long ago"),
    ]
    invitations = [
        ["Sam", "Cy", "3/9/26, 8:41 AM", "Hi Cy, we both studied at Leeds", "OUTGOING", ME, CY],
        ["Sam", "Bo", "3/9/26, 8:45 AM", "", "OUTGOING", ME, BO],
        ["Ana", "Sam", "3/1/26, 8:00 AM", "Hi Sam", "INCOMING", ANA, ME],
    ]
    return archive(csv_text(MESSAGE_HEADER, rows), csv_text(INVITATION_HEADER, invitations))


def events(conn):
    return conn.execute(
        "SELECT c.first_name, i.kind, i.occurred_at, i.body, i.channel, i.source"
        " FROM interactions i JOIN contacts c ON c.id = i.contact_id"
        " ORDER BY i.occurred_at, i.kind"
    ).fetchall()


def test_history_becomes_outreach_follow_ups_and_replies(conn, people):
    since = date(2026, 2, 1)
    preview = history.preview_history(conn, history_zip(), "archive.zip", since)
    assert (preview.outreach, preview.follow_ups, preview.replies) == (2, 1, 1)
    assert preview.people == 2 and preview.not_in_contacts == 1
    assert events(conn) == []  # a preview writes nothing

    report = history.import_history(conn, history_zip(), "archive.zip", since)
    assert report == preview
    assert [row[:4] for row in events(conn)] == [
        ("Ana", "outreach", datetime(2026, 3, 2, 9, 0), "Hello Ana, Maria suggested...\n\nPS: hi"),
        ("Cy", "outreach", datetime(2026, 3, 9, 8, 41), "Hi Cy, we both studied at Leeds"),
        ("Ana", "follow_up", datetime(2026, 3, 10, 8, 0), "One gentle reminder"),
        # Only that and when Ana answered: her text is not kept.
        ("Ana", "reply", datetime(2026, 3, 11, 17, 30), ""),
    ]
    assert {row[4:] for row in events(conn)} == {("linkedin", "linkedin")}
    assert [c.count for c in funnel.stage_counts(conn)][:2] == [2, 1]


def test_reimport_adds_nothing_and_a_newer_archive_only_the_new(conn, people):
    since = date(2026, 2, 1)
    history.import_history(conn, history_zip(), "archive.zip", since)
    again = history.import_history(conn, history_zip(), "archive.zip", since)
    assert again.events == 0 and again.already_imported == 4
    assert len(events(conn)) == 4

    rows = [
        message("c1", ME, ANA, "2026-03-02 09:00:00 UTC", "Hello Ana, Maria suggested..."),
        message("c7", ME, BO, "2026-04-01 09:00:00 UTC", "Hi Bo, a new approach"),
        message("c7", BO, ME, "2026-04-02 09:00:00 UTC", "Sure"),
    ]
    newer = archive(csv_text(MESSAGE_HEADER, rows), folder="Complete_LinkedInDataExport/")
    report = history.import_history(conn, newer, "newer.zip", since)
    assert (report.outreach, report.replies, report.already_imported) == (1, 1, 1)
    assert len(events(conn)) == 6


def test_start_date_leaves_older_approaches_out(conn, people):
    report = history.preview_history(conn, history_zip(), "archive.zip", date(2025, 10, 1))
    # Bo's approach of 1 Nov 2025 too; his message four months later opens a new
    # conversation and is not counted as a reply to it.
    assert (report.outreach, report.replies) == (3, 1)
    report = history.preview_history(conn, history_zip(), "archive.zip", date(2026, 3, 5))
    assert (report.outreach, report.follow_ups, report.replies) == (1, 0, 0)  # Cy's invitation


def test_times_follow_the_users_time_zone(conn, people):
    conn.execute("UPDATE profile SET time_zone = 'Europe/Berlin'")
    rows = [message("c1", ME, ANA, "2026-03-02 23:30:00 UTC", "Late note")]
    history.import_history(conn, archive(csv_text(MESSAGE_HEADER, rows)), "a.zip", date(2026, 3, 1))
    assert events(conn)[0][2] == datetime(2026, 3, 3, 0, 30)


def test_2022_messages_find_the_other_side_through_the_conversation(conn, people):
    header = [h for h in MESSAGE_HEADER if h not in ("RECIPIENT PROFILE URLS", "IS MESSAGE DRAFT")]
    rows = [
        ["c1", "t", "Sam", ME, "Ana", "2022-05-02 09:00:00 UTC", "", "Hello Ana", "INBOX"],
        ["c1", "t", "Ana", ANA, "Sam", "2022-05-03 09:00:00 UTC", "", "Hi!", "INBOX"],
        ["c2", "t", "Sam", ME, "Bo", "2022-05-04 09:00:00 UTC", "", "Hello Bo", "INBOX"],
        ["c2", "t", "Bo", BO, "Sam", "2022-05-04 10:00:00 UTC", "", "Hey", "INBOX"],
    ]
    report = history.import_history(
        conn, archive(csv_text(header, rows)), "a.zip", date(2022, 1, 1)
    )
    assert (report.outreach, report.replies, report.people) == (2, 2, 2)


def test_old_archives_without_profile_addresses_are_explained(conn, people):
    messages = csv_text(
        ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"],
        [["Sam", "Ana", "10/16/18, 8:36 AM", "", "Hi", "OUTGOING", "INBOX"]],
    )
    invitations = csv_text(
        ["From", "To", "Sent At", "Message", "Direction"],
        [["Sam", "Ana", "1/28/18, 5:29 AM", "Hi Ana", "OUTGOING"]],
    )
    report = history.preview_history(
        conn, archive(messages, invitations), "old.zip", date(2017, 1, 1)
    )
    assert report.events == 0
    assert len(report.notes) == 2 and "profile addresses" in report.notes[0]


def test_an_archive_without_history_is_refused_in_one_sentence(conn):
    with pytest.raises(NotAnExportError, match=r"neither messages\.csv nor Invitations\.csv"):
        history.preview_history(conn, archive(), "basic.zip", date(2026, 1, 1))


def test_user_events_and_history_live_side_by_side(conn, people):
    interactions.log_interaction(conn, people["bo"], "note", occurred_at=date(2026, 3, 1))
    report = history.import_history(conn, history_zip(), "archive.zip", date(2026, 2, 1))
    assert report.events == 4
    assert len(events(conn)) == 5
    assert "2 of your contacts" in report.describe(done=True)


def test_a_start_day_ahead_or_none_is_refused_in_one_sentence_and_nothing_added(conn, people):
    """The picker takes any day (a browser never sends one typed outside its range), so a
    start still ahead, or an emptied picker, is refused here in words; today is kept."""
    ahead = profile.now(conn).date() + timedelta(days=1)
    for refused_day, said in (
        (ahead, f"{text.day(ahead)} is still ahead: pick today or an earlier day to start from."),
        (None, "Pick the day to start from."),
    ):
        with pytest.raises(InvalidInputError) as refused:
            history.import_history(conn, history_zip(), "archive.zip", refused_day)
        assert str(refused.value) == said
        with pytest.raises(InvalidInputError, match=f"^{re.escape(said)}$"):
            history.preview_history(conn, history_zip(), "archive.zip", refused_day)
    assert events(conn) == []
    today = history.preview_history(conn, history_zip(), "archive.zip", ahead - timedelta(1))
    assert today.events == 0  # the archive's messages are all of March 2026


def test_default_start_is_ninety_days_back():
    assert history.default_since(date(2026, 4, 1)) == date(2026, 1, 1)


# --- the offer on the Import & export page --------------------------------------------------


def test_import_page_previews_and_adds_the_history(app_db):
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA)
    contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/8_import_export.py")
    at.run()
    at.date_input(key="history_since").set_value(date(2026, 2, 1))
    at.file_uploader(key="history_upload_0").set_value(
        ("Complete_LinkedInDataExport.zip", history_zip(), "application/zip")
    )
    at.run()
    assert not at.exception, at.exception
    assert any("Found 2 outreach, 1 follow-up and 1 reply" in m.value for m in at.markdown)
    [add] = [b for b in at.button if b.label == "Add these 4 events to your history"]
    add.click()
    at.run()
    assert not at.exception, at.exception
    assert "Added 2 outreach" in at.success[0].value
    conn = db.connect(app_db)
    assert funnel.stage_counts(conn)[0].count == 2
    conn.close()


def test_the_add_button_adds_only_what_its_preview_said(app_db):
    """Seen in the browser: a day typed in 'Starting from' and the Add button clicked straight
    away reached the script in one run, and the import used the new day, which the preview
    on screen had never shown ("Found 1 … since 28 Aug", then "Added 1 … since 1 Jan 2014").
    The button adds only what its preview said: with the day changed in the same run, nothing
    is added and the new preview shows, with its own button."""
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA)
    contacts.add_contact(conn, "Cy", "Chu", linkedin_url=CY)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/8_import_export.py")
    at.run()
    at.date_input(key="history_since").set_value(date(2026, 2, 1))
    at.file_uploader(key="history_upload_0").set_value(
        ("Complete_LinkedInDataExport.zip", history_zip(), "application/zip")
    )
    at.run()
    [add] = [b for b in at.button if b.label == "Add these 4 events to your history"]
    at.date_input(key="history_since").set_value(date(2025, 12, 1))
    add.click()
    at.run()
    assert not at.exception, at.exception
    assert not at.success
    conn = db.connect(app_db)
    assert events(conn) == []
    conn.close()
    assert any("since 1 Dec 2025" in m.value for m in at.markdown)
    [add] = [b for b in at.button if b.label == "Add these 4 events to your history"]
    add.click()
    at.run()
    assert "since 1 Dec 2025." in at.success[0].value
    conn = db.connect(app_db)
    assert len(events(conn)) == 4
    conn.close()


def test_a_start_more_than_ten_years_back_is_taken_and_one_ahead_refused(app_db):
    """Seen in the browser: a start typed before the picker's range (by default ten years
    before the day offered) reddened the box, and the preview used the 90 days offered. The
    picker now takes any day; the domain refuses one still ahead, in one sentence."""
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Lopez", linkedin_url=ANA)
    contacts.add_contact(conn, "Bo", "Berg", linkedin_url=BO)
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/8_import_export.py")
    at.run()
    picker = at.date_input(key="history_since")
    assert (picker.min, picker.max) == (date(1, 1, 1), date(9998, 12, 31))  # ui.day_input
    picker.set_value(date(2012, 1, 1))
    at.file_uploader(key="history_upload_0").set_value(
        ("Complete_LinkedInDataExport.zip", history_zip(), "application/zip")
    )
    at.run()
    assert not at.exception, at.exception
    assert any("Found 2 outreach, 1 follow-up and 1 reply" in m.value for m in at.markdown)
    ahead = date.today() + timedelta(days=400)
    at.date_input(key="history_since").set_value(ahead)
    at.run()
    assert [e.value for e in at.error] == [
        f"{text.day(ahead)} is still ahead: pick today or an earlier day to start from."
    ]


def test_the_summary_writes_thousands_with_a_separator():
    summary = history.HistorySummary(
        since=date(2026, 3, 2),
        outreach=1_250,
        follow_ups=3,
        replies=1_001,
        people=2_000,
        already_imported=4_321,
        not_in_contacts=1_500,
        notes=(),
    )
    assert summary.describe() == (
        "Found 1,250 outreach, 3 follow-up and 1,001 reply events with 2,000 of your contacts "
        "since 2 Mar 2026. 4,321 were already in infoint. 1,500 people you wrote to are not "
        "among your contacts and were left out."
    )


def test_the_summary_reads_naturally_for_one():
    summary = history.HistorySummary(
        since=date(2026, 3, 2),
        outreach=1,
        follow_ups=0,
        replies=0,
        people=1,
        already_imported=1,
        not_in_contacts=1,
        notes=(),
    )
    assert summary.describe(done=True) == (
        "Added 1 outreach event with 1 of your contacts since 2 Mar 2026. 1 was already in "
        "infoint. 1 person you wrote to is not among your contacts and was left out."
    )
    two_kinds = dataclasses.replace(summary, follow_ups=1, replies=2, people=2)
    assert two_kinds.describe().startswith(
        "Found 1 outreach, 1 follow-up and 2 reply events with 2 of your contacts since"
    )
    one_reply = dataclasses.replace(summary, outreach=0, replies=1)
    assert one_reply.describe().startswith("Found 1 reply event with 1 of your contacts")


def test_a_reply_whose_message_was_changed_since_is_left_out_and_said(conn, people):
    """A reply answers a message (`interactions.answered_sql`). Ana's reply removed, her
    outreach and follow-up corrected into notes: a re-import brings the reply back alone, so
    it is left out and said, rather than count her as written to."""
    since = date(2026, 2, 1)
    history.import_history(conn, history_zip(), "archive.zip", since)
    logged = {x.kind: x for x in interactions.list_interactions(conn, people["ana"])}
    interactions.delete_interaction(conn, logged["reply"].id)
    for kind in ("outreach", "follow_up"):
        x = logged[kind]
        interactions.update_interaction(
            conn, x.id, kind="note", channel=x.channel, occurred_at=x.occurred_at, body=x.body
        )
    again = history.import_history(conn, history_zip(), "archive.zip", since)
    assert (again.events, again.already_imported) == (0, 3)
    assert (
        "1 reply left out: the message it answers is no longer logged in infoint as sent on "
        "that day or before."
    ) in again.notes
    assert interactions.unanswered_replies(conn) == []
    assert [x.kind for x in interactions.list_interactions(conn, people["ana"])] == ["note"] * 2


def test_messages_and_invitations_dated_ahead_are_left_out_and_said_with_their_rows(conn, people):
    """A message dated 2099 became an outreach event in the future. Archive times are UTC
    moments, so anything after now is left out: no time zone can make it past."""
    rows = [
        message("c1", ME, ANA, "2026-03-02 09:00:00 UTC", "Hello Ana"),
        message("c7", ME, BO, "2099-10-05 09:00:00 UTC", "From the future"),
        message("c7", BO, ME, "2099-10-06 09:00:00 UTC", "Thanks"),
    ]
    invitations = [
        ["Sam", "Cy", "3/9/26, 8:41 AM", "Hi Cy", "OUTGOING", ME, CY],
        ["Sam", "Cy", "3/9/2099, 8:41 AM", "Hi again Cy", "OUTGOING", ME, CY],
    ]
    zipped = archive(csv_text(MESSAGE_HEADER, rows), csv_text(INVITATION_HEADER, invitations))
    report = history.import_history(conn, zipped, "archive.zip", date(2026, 2, 1))
    assert (report.outreach, report.follow_ups, report.replies, report.people) == (2, 0, 0, 2)
    assert [row[:3] for row in events(conn)] == [
        ("Ana", "outreach", datetime(2026, 3, 2, 9, 0)),
        ("Cy", "outreach", datetime(2026, 3, 9, 8, 41)),
    ]
    assert (
        "2 messages dated still ahead were left out: rows 3 and 4 of messages.csv."
    ) in report.notes, report.notes
    assert (
        "1 invitation dated still ahead was left out: row 3 of Invitations.csv."
    ) in report.notes, report.notes
