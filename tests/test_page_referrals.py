import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from infoint import contacts, db, interactions, meetings, referrals, ui
from tests.conftest import quick_charts

ROOT = Path(__file__).resolve().parent.parent


def referrals_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/6_referrals.py")
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    """The markdown as the page wrote it: user text escaped, so escaping is checked too."""
    return " ".join(m.value for m in at.markdown)


@pytest.fixture
def introductions(app_db):
    """Ana introduced Bo and Cy; you wrote to Bo, met, and Bo introduced Di."""
    conn = db.connect(app_db)
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    bo = contacts.add_contact(conn, "Bo", "Chen", referred_by=ana, degree="2nd")
    contacts.add_contact(conn, "Cy", "Dunn", referred_by=ana, degree="2nd")
    contacts.add_contact(conn, "Di", "<b>Eze</b>", referred_by=bo, degree="2nd")
    interactions.log_interaction(conn, bo, "outreach", occurred_at=date(2026, 3, 2))
    meeting = meetings.schedule_meeting(conn, bo, datetime(2026, 3, 5, 9, tzinfo=UTC))
    meetings.set_outcome(conn, meeting, "held", actual_minutes=20)
    conn.close()
    return app_db


def test_empty_database_says_how_introductions_come(app_db):
    at = referrals_page()
    assert "Who else do you think I should talk to?" in at.info[0].value
    assert [link.proto.label for link in at.main.get("page_link")] == ["Go to Meetings"]
    assert not quick_charts(at)


def test_picture_numbers_and_chain(introductions):
    at = referrals_page()
    assert ui.plain(
        "2 people introduced you to someone (Referred or further in your funnel). "
        "They named 3 people. "
        "Of the 3 people they named, you have written to 1 (33 %) and met 1."
    ) in shown(at)
    assert not at.main.get("page_link")  # every introduction has its names
    [spec] = quick_charts(at).values()
    assert spec["layout"]["title"]["text"] == "Who introduced you to whom"
    names = sorted(name for trace in spec["data"][2:] for name in trace["text"])
    assert names == ["Ana Lee", "Bo Chen", "Cy Dunn", "Di &lt;b&gt;Eze&lt;/b&gt;"]  # plain text
    table = at.dataframe[0].value
    assert list(table["Introduced by"]) == ["Ana Lee", "Bo Chen"]
    assert list(table["People"]) == [2, 1]
    assert list(table["Further on"]) == [1, 0]
    picker = at.selectbox(key="chain_person")
    assert picker.options == ["Bo Chen", "Cy Dunn", "Di <b>Eze</b>"]
    picker.set_value(4)
    at.run()
    chain = shown(at)
    assert "1. **Ana Lee** (Acme): where it started; referred" in chain
    assert "2. **Bo Chen**: introduced by Ana Lee; referred" in chain
    assert "3. **Di \\<b\\>Eze\\</b\\>**: introduced by Bo Chen; not contacted" in chain


def test_the_legend_stands_beside_the_picture_clear_of_the_names(introductions):
    """Above the plot it covered the top row's labels; right of the plot area it covers none."""
    at = referrals_page()
    layout = quick_charts(at)["referral_picture"]["layout"]
    legend = layout["legend"]
    assert legend.get("orientation", "v") == "v"
    assert (legend["x"], legend["xanchor"]) == (1.02, "left")  # outside the plot, on its right
    assert legend["title"]["text"] == "Stage"


def test_an_introduction_logged_without_a_name_counts_as_in_the_funnel(app_db):
    """Eva's introduction was logged at the meeting, but nobody was named: Home's funnel
    counts her as Referred, so this page says so too, whose it was, and where to add the name
    (her name shown as typed, the stars no emphasis)."""
    conn = db.connect(app_db)
    eva = contacts.add_contact(conn, "Eva", "*Holm*")
    interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    conn.close()
    at = referrals_page()
    assert not at.info  # not "No introductions yet"
    assert ui.plain(
        "1 person introduced you to someone (Referred or further in your funnel). "
        "From Eva *Holm*, you logged an introduction without a name: add that person on "
        "the Contacts page (“Add a person by hand”), with Eva *Holm* as who put "
        "you in touch."
    ) in shown(at)
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links == {"Add the people introduced": "contacts"}
    assert not quick_charts(at)


def test_the_headline_counts_the_introducers_the_table_lists_and_says_who_is_not(
    introductions,
):
    """Besides Ana and Bo, who named people (the table's two rows), Eva logged an
    introduction without a name: 3 introducers, 2 of them in the table, Eva named apart."""
    conn = db.connect(introductions)
    eva = contacts.add_contact(conn, "Eva", "Holm")
    interactions.log_interaction(conn, eva, "referral", occurred_at=date(2026, 3, 2))
    conn.close()
    at = referrals_page()
    assert ui.plain(
        "3 people introduced you to someone (Referred or further in your funnel). "
        "2 of them, listed in the table below, named 3 people. "
        "Of the 3 people they named, you have written to 1 (33 %) and met 1. "
        "From Eva Holm, you logged an introduction without a name: add that person on "
        "the Contacts page (“Add a person by hand”), with Eva Holm as who put you in "
        "touch."
    ) in shown(at)
    assert list(at.dataframe[0].value["Introduced by"]) == ["Ana Lee", "Bo Chen"]
    links = {link.proto.label: link.proto.page for link in at.main.get("page_link")}
    assert links == {"Add the people introduced": "contacts"}


def primary_labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.proto.type == "primary"]


def test_someone_introduced_but_not_written_to_is_written_to_next(introductions):
    """The page opens on its one action: Cy (introduced by Ana, added before Di) has not
    heard from you yet, so writing to Cy is the primary button."""
    at = referrals_page()
    assert at.selectbox(key="chain_person").value == 3  # Cy, not Bo, first by name
    assert primary_labels(at) == ["Write to Cy Dunn"]  # the one primary action
    [write] = [b for b in at.button if b.key == "chain_write"]
    write.click()
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Write to someone"
    assert at.selectbox(key="outreach_contact").value == 3
    assert at.radio(key="outreach_kind").value == "outreach"


def test_someone_already_written_to_has_their_record_but_no_primary_action(introductions):
    """Opening a record moves nothing on: with Bo (written to and met) chosen, the page has no
    primary button."""
    at = referrals_page()
    at.selectbox(key="chain_person").set_value(2)
    at.run()
    assert primary_labels(at) == []
    assert not [b for b in at.button if b.key == "chain_write"]
    assert [b.label for b in at.button if b.key == "chain_open"] == ["Open Bo's record"]


def test_with_everyone_written_to_the_tracer_starts_at_the_first_name(introductions):
    conn = db.connect(introductions)
    for person in (3, 4):
        interactions.log_interaction(conn, person, "outreach", occurred_at=date(2026, 3, 9))
    conn.close()
    at = referrals_page()
    assert at.selectbox(key="chain_person").value == 2  # Bo Chen, first by name
    assert primary_labels(at) == []


def in_order(at: AppTest) -> list:
    """The page's elements from top to bottom."""

    def walk(node, out):
        for child in getattr(node, "children", {}).values():
            out.append(child)
            walk(child, out)
        return out

    return walk(at.main, [])


@pytest.fixture
def many_introducers(app_db):
    """Twenty people (Intro 01–20) introduced you to two people each, nobody written to yet:
    the introductions tie, so the picture takes the first fifteen introducers."""
    conn = db.connect(app_db)
    for n in range(1, 21):
        introducer = contacts.add_contact(conn, "Intro", f"{n:02d}")
        for k in (1, 2):
            contacts.add_contact(conn, "Named", f"{n:02d}-{k}", referred_by=introducer)
    conn.close()
    return app_db


def test_beyond_fifteen_introducers_the_answers_come_first_and_the_picture_stays_short(
    many_introducers,
):
    at = referrals_page()
    elements = in_order(at)
    kinds = [element.type for element in elements]
    headings = [e.value for e in elements if e.type == "subheader"]
    assert headings == ["Where did an introduction start?", "What each introduction yielded"]
    # the totals, then the tracer, then the table, and the picture last
    assert kinds.index("markdown") < kinds.index("selectbox") < kinds.index("dataframe")
    assert kinds.index("dataframe") < kinds.index("bidi_component")
    assert len(at.dataframe[0].value) == 20  # every introducer is in the table
    spec = quick_charts(at)["referral_picture"]
    names = [name for trace in spec["data"][2:] for name in trace["text"]]
    # the first fifteen introducers, one person of each, then a second of the first ten
    expected = [f"Intro {n:02d}" for n in range(1, 16)]
    expected += [f"Named {n:02d}-1" for n in range(1, 16)]
    expected += [f"Named {n:02d}-2" for n in range(1, 11)]
    assert sorted(names) == sorted(expected)
    assert spec["layout"]["height"] == 120 + 38 * 25  # one row per person drawn
    captions = [c.value for c in at.caption]
    assert (
        "The picture shows the 15 introducers whose introductions went furthest and 25 of the "
        "40 people introduced, those furthest along first. And 5 more introducers: see the "
        "table above. Pick anyone introduced to you above to see their whole chain."
    ) in captions


def test_the_yields_table_counts_with_thousands_separators(introductions):
    at = referrals_page()
    columns = json.loads(at.dataframe[0].proto.columns)
    counted = ("People", "Contacted", "Replied", "Met", "Further on")
    assert {columns[name]["type_config"]["format"] for name in counted} == {"%,d"}


def test_the_table_puts_the_introductions_that_went_furthest_first(app_db):
    """Pia introduced two people, neither written to yet; Rex introduced one, written to.
    Rex's introduction went further, so Rex comes first, as the caption says, though Pia
    introduced more."""
    conn = db.connect(app_db)
    pia = contacts.add_contact(conn, "Pia", "Ash")
    rex = contacts.add_contact(conn, "Rex", "Bay")
    contacts.add_contact(conn, "Ola", "Cho", referred_by=pia, degree="2nd")
    contacts.add_contact(conn, "Ivo", "Dee", referred_by=pia, degree="2nd")
    sam = contacts.add_contact(conn, "Sam", "Eck", referred_by=rex, degree="2nd")
    interactions.log_interaction(conn, sam, "outreach", occurred_at=date(2026, 3, 2))
    conn.close()
    at = referrals_page()
    table = at.dataframe[0].value
    assert list(table["Introduced by"]) == ["Rex Bay", "Pia Ash"]
    assert list(table["People"]) == [1, 2]
    assert list(table["Contacted"]) == [1, 0]
    assert (
        "Those whose introductions went furthest in your funnel come first" in at.caption[1].value
    )


@pytest.fixture
def written_to_before(introductions):
    """Ed Fox, whom you know directly, was written to in 2023; Ana then introduced him."""
    conn = db.connect(introductions)
    ed = contacts.add_contact(conn, "Ed", "Fox", degree="1st")
    interactions.log_interaction(conn, ed, "outreach", occurred_at=date(2023, 5, 2))
    with db.transaction(conn):
        referrals.add_referred_people(conn, 1, [referrals.ReferredPerson("Ed", "Fox")])
    conn.close()
    return introductions


def test_someone_written_to_before_the_introduction_is_offered_to_write_to(written_to_before):
    """The headline counts what came of an introduction: Ed, written to in 2023 and introduced
    now, is not counted as written to; the chain and the button say the same."""
    at = referrals_page()
    assert ui.plain(
        "They named 4 people. Of the 4 people they named, you have written to 1 (25 %)"
    ) in shown(at)
    at.selectbox(key="chain_person").set_value(5)
    at.run()
    assert not at.exception, at.exception
    assert (
        "2. **Ed Fox**: introduced by Ana Lee; contacted before the introduction; "
        "not contacted since"
    ) in shown(at)
    assert primary_labels(at) == ["Write to Ed Fox"]
