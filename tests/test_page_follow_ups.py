"""The Follow-ups page: what is due, its action, snooze and dismiss."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import (
    business_days,
    contacts,
    db,
    followups,
    funnel,
    interactions,
    outreach,
    profile,
    targets,
    text,
)
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent


def follow_ups_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/4_follow_ups.py")
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def shown(at: AppTest) -> str:
    """The markdown as the page wrote it: user text escaped, so escaping is checked too."""
    return " ".join(m.value for m in at.markdown)


def button(at: AppTest, label: str):
    [found] = [b for b in at.button if b.label == label]
    return found


@pytest.fixture
def silence(app_db):
    """Ana at Acme has not answered an outreach of 20 days ago; Bo there is not contacted."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme", position="PM")
    bo = contacts.add_contact(conn, "Bo", "Berg", company="Acme", position="Designer")
    interactions.log_interaction(
        conn, ana, "outreach", occurred_at=date.today() - timedelta(days=20)
    )
    conn.close()
    return {"ana": ana, "bo": bo, "db": app_db}


def test_nothing_due_leads_to_the_composer(app_db):
    at = run(follow_ups_page())
    assert at.success[0].value.startswith("Nothing is due today. When you write to someone")
    assert not at.button
    assert not at.subheader  # no one to wait on, so no list of them


def waiting_rows(at: AppTest) -> list[str]:
    """The rows of the waiting list's table, as the page wrote them (cells escaped)."""
    [table] = [m.value for m in at.markdown if m.value.startswith("| Person | Company |")]
    return table.splitlines()[2:]


def primary_labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.proto.type == "primary"]


def test_nothing_due_but_waiting_says_when_the_next_step_falls_due(app_db):
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    contacts.add_contact(conn, "Bo", "Berg", company="Acme")
    dee = contacts.add_contact(conn, "Dee", "Dunn")
    interactions.log_interaction(conn, ana, "outreach")
    interactions.log_interaction(conn, dee, "outreach")
    conn.close()
    today = date.today()
    try_on = business_days.silence_noticed_on(today, followups.TRY_ANOTHER_AFTER)
    follow_on = business_days.silence_noticed_on(today, followups.FOLLOW_UP_AFTER)
    at = run(follow_ups_page())
    assert at.success[0].value == (
        "Nothing is due today; you are waiting on 2 people, and the next step falls due on "
        f"{followups.weekday_day(try_on)}."
    )
    assert at.subheader[0].value == "Waiting on 2 people"
    wrote = plain_markdown(text.day(today))
    assert waiting_rows(at) == [
        f"| Ana Silva | Acme | {wrote} | "
        + plain_markdown(f"Try someone else at Acme on {followups.weekday_day(try_on)}")
        + " |",
        f"| Dee Dunn |  | {wrote} | "
        + plain_markdown(f"Follow up on {followups.weekday_day(follow_on)}")
        + " |",
    ]
    assert not at.button  # nothing to do yet: still no button, the composer one link away


def test_due_items_come_first_and_the_people_waited_on_below(silence):
    conn = db.connect(silence["db"])
    dee = contacts.add_contact(conn, "Dee", "Dunn", company="Beta")
    interactions.log_interaction(conn, dee, "outreach")
    conn.close()
    at = run(follow_ups_page())
    assert "2 things to do" in shown(at)
    assert at.subheader[0].value == "Waiting on 1 person"
    [row] = waiting_rows(at)
    assert row.startswith("| Dee Dunn | Beta |")
    assert "Ana" not in row
    assert primary_labels(at) == ["Write to Bo Berg — Designer"]  # still the one primary action


def test_a_snoozed_item_is_waited_for_until_its_snooze_ends(silence):
    at = run(follow_ups_page())
    assert not at.subheader
    [first_snooze, _] = [b for b in at.button if b.label == "Snooze"]
    first_snooze.click()
    run(at)
    until = date.today() + timedelta(days=3)  # the snooze's first offer
    assert at.subheader[0].value == "Waiting on 1 person"
    [row] = waiting_rows(at)
    assert row.startswith("| Ana Silva | Acme |")
    assert row.endswith(f"on {plain_markdown(followups.weekday_day(until))} |")


def test_a_long_waiting_list_shows_ten_at_a_time(app_db):
    conn = db.connect(app_db)
    for number in range(12):
        person = contacts.add_contact(conn, f"Person{number:02d}", company=f"Firm {number}")
        interactions.log_interaction(conn, person, "outreach", occurred_at=datetime.now())
    conn.close()
    at = run(follow_ups_page())
    assert "you are waiting on 12 people" in at.success[0].value
    assert "The first 10 are shown here." in at.main.caption[-1].value
    assert len(waiting_rows(at)) == 10
    button(at, "Show 2 more people").click()
    run(at)
    assert len(waiting_rows(at)) == 12
    assert "The first" not in at.main.caption[-1].value
    assert not [b for b in at.button if b.label.startswith("Show ")]


def test_items_are_listed_with_their_actions(silence):
    at = run(follow_ups_page())
    page = shown(at)
    assert "2 things to do" in page
    assert "Try someone else at Acme" in page
    assert plain_markdown("Follow up with Ana Silva (Acme)") in page
    labels = [b.label for b in at.button]
    assert "Write to Bo Berg — Designer" in labels and "Write the follow-up" in labels


def test_write_to_someone_else_then_log_it_and_the_item_goes(silence):
    at = run(follow_ups_page())
    button(at, "Write to Bo Berg — Designer").click()
    run(at)
    # the composer opens on Bo, as a first message
    assert at.title[0].value == "Write to someone"
    assert at.selectbox(key="outreach_contact").value == silence["bo"]
    assert at.radio(key="outreach_kind").value == "outreach"
    at.switch_page("pages/3_outreach.py")  # AppTest's next run would be the first page again
    run(at)
    at.selectbox(key="outreach_template").set_value(0)  # a blank page
    run(at)
    at.text_area(key=f"body_{silence['bo']}_None").set_value("Hi Bo, Ana suggested I ask you.")
    run(at)
    button(at, "Log as sent").click()
    run(at)
    conn = db.connect(silence["db"])
    assert funnel.stage_counts(conn)[0].count == 2
    conn.close()
    at.switch_page("pages/4_follow_ups.py")
    run(at)
    page = shown(at)
    assert "Try someone else at Acme" not in page
    assert "1 thing to do" in page


def test_write_the_follow_up_opens_the_composer_as_a_follow_up(silence):
    at = run(follow_ups_page())
    button(at, "Write the follow-up").click()
    run(at)
    assert at.selectbox(key="outreach_contact").value == silence["ana"]
    assert at.radio(key="outreach_kind").value == "follow_up"
    assert outreach.COMPOSE_CONTACT_KEY not in at.session_state


def test_snooze_and_dismiss(silence):
    at = run(follow_ups_page())
    [first_snooze, _] = [b for b in at.button if b.label == "Snooze"]
    first_snooze.click()
    run(at)
    assert "Snoozed until" in at.success[0].value
    assert "1 thing to do" in shown(at)
    button(at, "Dismiss").click()
    run(at)
    assert "Dismiss this for good?" in at.warning[0].value
    button(at, "Yes, dismiss").click()
    run(at)
    assert "Nothing is due today" in at.success[-1].value


def test_nothing_is_due_for_a_ruled_out_company(silence):
    conn = db.connect(silence["db"])
    company = conn.execute("SELECT id FROM companies WHERE name = 'Acme'").fetchall()[0][0]
    targets.rule_out(conn, company, "I learned the culture is not for me")
    conn.close()
    at = run(follow_ups_page())
    assert "Nothing is due today" in at.success[0].value


def test_home_shows_the_focus_what_was_ruled_out_and_what_is_due(silence):
    conn = db.connect(silence["db"])
    profile.save_profile(conn, name="Sam", job_title="", focus_kind="industry", focus="health tech")
    profile.rule_out_industry(conn, "Mining", "Too remote")
    conn.close()
    at = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30))
    assert plain_markdown("You are learning about an industry: health tech.") in at.info[0].value
    assert "You have ruled out 1 industry." in " ".join(c.value for c in at.caption)
    page = shown(at)
    assert "Due now: 2" in page and "Try someone else at Acme" in page


def test_a_long_list_shows_ten_at_a_time(app_db):
    """Twelve silent people: the first ten items, then two more on asking."""
    conn = db.connect(app_db)
    for number in range(12):
        person = contacts.add_contact(conn, f"Person{number:02d}", company=f"Firm {number}")
        interactions.log_interaction(
            conn, person, "outreach", occurred_at=date.today() - timedelta(days=20)
        )
    conn.close()
    at = run(follow_ups_page())
    assert "**12 things to do**, oldest first. The first 10 are shown here." in shown(at)
    assert len([b for b in at.button if b.key.startswith("snooze_")]) == 10
    button(at, "Show 2 more").click()
    run(at)
    assert "The first" not in shown(at)
    assert len([b for b in at.button if b.key.startswith("snooze_")]) == 12
    assert not [b for b in at.button if b.label.startswith("Show ")]


def test_names_in_button_labels_are_shown_as_typed(app_db):
    """A position imported from LinkedIn is text, never an image the browser would fetch."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    contacts.add_contact(
        conn, "Bo", "Berg", company="Acme", position="![x](https://evil.example/p.png)"
    )
    interactions.log_interaction(
        conn, ana, "outreach", occurred_at=date.today() - timedelta(days=20)
    )
    conn.close()
    at = run(follow_ups_page())
    [write] = [b for b in at.button if b.label.startswith("Write to Bo")]
    assert write.label == r"Write to Bo Berg — \!\[x\]\(https\://evil\.example/p\.png\)"
