"""Referrals in plain words (walkthrough on the demo): the picture's legend lists the funnel's
stages and nothing else ('You' read as a stage), the page opens with one short sentence, and
the button under the chain says whose record it opens, as Outreach and Meetings do."""

from infoint import contacts, db, funnel
from tests.conftest import quick_charts
from tests.test_page_referrals import introductions, referrals_page  # noqa: F401 (fixture)


def test_the_legend_lists_only_stages_and_you_are_still_drawn(introductions):  # noqa: F811
    at = referrals_page()
    figure = quick_charts(at)["referral_picture"]
    in_legend = [
        trace["name"] for trace in figure["data"] if trace.get("showlegend", True) is not False
    ]
    assert in_legend  # the stages there are: Referred (Ana, Bo), Not contacted (Cy, Di)
    stages = {funnel.stage_name(stage) for stage in range(6)}
    assert set(in_legend) <= stages, in_legend
    assert "You" not in in_legend
    # where the lines start is still drawn, and named on the picture itself
    assert any(trace.get("text") == ["You"] for trace in figure["data"])
    assert "You" in figure["layout"]["xaxis"]["ticktext"]


def test_the_page_opens_with_one_short_plain_sentence(introductions):  # noqa: F811
    at = referrals_page()
    assert at.caption[0].value == "Who introduced you to whom, and what came of it."


def test_the_record_button_names_the_person_chosen(introductions):  # noqa: F811
    """Bo by his first name, as 'Open Ana's record' on other pages; it opens his record."""
    at = referrals_page()
    at.selectbox(key="chain_person").set_value(2)  # Bo Chen
    at.run()
    [button] = [b for b in at.button if b.key == "chain_open"]
    assert button.label == "Open Bo's record"
    button.click()
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Bo Chen"]  # his record on Contacts


def test_someone_without_a_first_name_is_named_by_their_name(introductions):  # noqa: F811
    """As Outreach and Meetings do: the name as it stands, the last alone ('Okafor's record');
    a name typed with markup is shown as typed."""
    conn = db.connect(introductions)
    okafor = contacts.add_contact(conn, "", "Okafor", referred_by=1, degree="2nd")
    conn.close()
    at = referrals_page()
    at.selectbox(key="chain_person").set_value(okafor)
    at.run()
    assert [b.label for b in at.button if b.key == "chain_open"] == ["Open Okafor's record"]
    at.selectbox(key="chain_person").set_value(4)  # Di <b>Eze</b>
    at.run()
    assert [b.label for b in at.button if b.key == "chain_open"] == ["Open Di's record"]
