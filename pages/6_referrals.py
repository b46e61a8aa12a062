import streamlit as st

from infoint import charts, contacts, insight_charts, referrals, text, ui

# Widths in pixels, seen in Chromium: each label in full, all seven columns in 442 px. An
# 800 px window with the sidebar open shows 456 px of table where the browser draws its scroll
# bar (a classic one, 10 px), and 446 when the table scrolls too; in 466 px the columns cut
# 'Further on' in half there. The people introduced are counted under 'People' (as on
# Targets), not 'Introduced': 22 px less, and no longer beside 'Introduced by'.
COUNT_WIDTHS = {"People": 50, "Contacted": 67, "Replied": 52, "Met": 32, "Further on": 68}
NAME_WIDTHS = {"Introduced by": 93, "Company": 80}
REFERRAL_ROW_HEIGHT = 66

conn = ui.page("Referrals")
st.title("Referrals")
st.caption("Who introduced you to whom, and what came of it.")

totals = ui.cached(referrals.referral_totals, conn)
if not totals.introducers:
    st.info(
        "No introductions yet. At the end of each meeting, ask “Who else do you think I "
        "should talk to?” and note the names in the debrief: they appear here, with who "
        "introduced them.",
        icon=":material/lightbulb:",
    )
    st.page_link("pages/5_meetings.py", label="Go to Meetings", icon=":material/coffee:")
    st.stop()

st.markdown(ui.plain(totals.sentence))  # it names people: their names shown as typed
if totals.unnamed:
    # Contacts' "Add a person by hand", open at the top of the page with who introduced them
    # chosen (`contacts.INTRODUCER_PARAM`): one way in for each introducer the sentence names.
    adding = {contacts.ADD_PERSON_PARAM: contacts.ADD_PERSON_VALUE}
    naming_no_one = totals.introducers - totals.named_by
    for introducer, name in zip(totals.unnamed_ids, totals.unnamed_by, strict=True):
        st.page_link(
            "pages/2_contacts.py",
            label="Add the people introduced"
            if naming_no_one == 1
            else f"Add the people introduced by {ui.plain(name)}",
            icon=":material/person_add:",
            query_params={**adding, contacts.INTRODUCER_PARAM: str(introducer)},
        )
    if naming_no_one > len(totals.unnamed_ids):  # "… and 2 more"
        st.page_link(
            "pages/2_contacts.py",
            label="Add the people the others introduced",
            icon=":material/person_add:",
            query_params=adding,
        )
people = dict(ui.cached(referrals.referred_people, conn))
if not people:  # introductions logged, but nobody named yet: nothing to trace or draw
    st.stop()

picture = ui.cached(referrals.referral_picture, conn)
# The page's one action moves the campaign on: writing to someone introduced who has not
# heard from you yet. So it opens on the first of them (the earliest added, of those drawn).
waiting = next(
    (
        link.contact_id
        for link in picture.links
        if link.introducer_id is not None and link.stage == 0 and link.contact_id in people
    ),
    None,
)
st.subheader("Where did an introduction start?")
chosen = st.selectbox(
    "Person introduced to you",
    list(people),
    index=list(people).index(waiting) if waiting is not None else 0,
    format_func=people.get,
    key="chain_person",
)
if chosen is not None:
    steps = ui.cached(referrals.referral_chain, conn, chosen)
    lines = []
    for number, step in enumerate(steps, start=1):
        where = f" ({ui.plain(step.company)})" if step.company else ""
        how = (
            "where it started"
            if number == 1
            else f"introduced by {ui.plain(steps[number - 2].said())}"
        )
        # a namesake's name says what tells them apart, less the company said beside it
        name = ui.plain(step.said(beside=step.company))
        # as the headline counts them: what came of the introduction, not what came before it
        lines.append(f"{number}. **{name}**{where}: {how}; {step.stage_said}")
    st.markdown("\n".join(lines))
    # Someone introduced but not written to since: writing to them is the next step.
    to_write_to = bool(steps) and steps[-1].to_write_to
    if to_write_to and st.button(
        f"Write to {ui.plain(people[chosen])}",
        key="chain_write",
        icon=":material/edit:",
        type="primary",
    ):
        ui.compose_to(chosen)
    # Reading a record moves nothing on: never the primary action.
    if st.button(
        f"Open {ui.whose_record(conn, chosen)}", key="chain_open", icon=":material/person:"
    ):
        ui.open_contact(chosen)

st.subheader("What each introduction yielded")
st.dataframe(
    [
        {
            "Introduced by": y.name,
            "Company": y.company,
            "People": y.introduced,
            "Contacted": y.contacted,
            "Replied": y.replied,
            "Met": y.met,
            "Further on": y.further_down,
        }
        for y in ui.cached(referrals.referral_yields, conn)
    ],
    hide_index=True,
    width="stretch",
    # Every column in view in an 800 px window with the sidebar open: the counts as wide as
    # their labels, the names in what is left, on two lines where one is too short (rows over
    # 64 px wrap their words). Auto-sized, Replied, Met and Further on were off to the side.
    row_height=REFERRAL_ROW_HEIGHT,
    column_config={
        **{name: st.column_config.TextColumn(width=width) for name, width in NAME_WIDTHS.items()},
        **{
            counts: st.column_config.NumberColumn(width=width, format=text.COUNT_COLUMN_FORMAT)
            for counts, width in COUNT_WIDTHS.items()
        },
    },
)
st.caption(
    "Counts are of the people they introduced; “further on” counts the people those people "
    "introduced in turn, and so on. Those whose introductions went furthest in your funnel "
    "come first (an opportunity, then Referred, Met, Replied, Contacted, not yet contacted), "
    "and among them those with more people that far. " + referrals.MEETING_DAY_SAID
)

ui.chart(
    st.container(),
    insight_charts.referral_figure,
    picture.links,
    config=charts.PLOTLY_CONFIG,
    key="referral_picture",
)
st.caption(
    "Read left to right: each line runs from the person who made the introduction to the "
    "person introduced. Colours show how far each person has come in your funnel."
)
if picture.note:
    st.caption(picture.note)
