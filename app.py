from datetime import datetime

import streamlit as st

from infoint import (
    charts,
    contacts,
    demo,
    followups,
    funnel,
    home,
    profile,
    targets,
    text,
    ui,
)
from infoint.errors import InfointError

conn = ui.page("Home")
ui.load_charts_early()
st.title("How is your campaign going?")
if notice := st.session_state.pop("home_notice", None):
    st.success(notice, icon=":material/check_circle:")

# The user's today, in their time zone (Meetings page), not the machine's.
today = datetime.now(ui.cached(profile.zone, conn)).date()
figures = ui.cached(home.headline, conn, today)
if figures.contacts == 0 and figures.companies == 0:
    st.subheader("Welcome! Two ways to start")
    # The user's own network is the way in (the one primary button); the demo, a look around.
    # Only an empty database is welcomed: beside the user's own people or companies the demo
    # is loaded from Settings, which asks first (demo.beside_own_data).
    bring, explore = st.columns(2, border=True)
    with bring:
        st.markdown("**Bring in your network**")
        st.write(
            "Upload the connections file you download from LinkedIn. The import page shows "
            "how to get it; it takes a few minutes."
        )
        if st.button("Import from LinkedIn", type="primary", icon=":material/upload_file:"):
            st.switch_page("pages/8_import_export.py")
    with explore:
        st.markdown("**Or look around first**")
        st.write(home.DEMO_INVITATION)
        if st.button("Load demo data", icon=":material/science:"):
            try:
                with st.spinner("Loading the demo…"):
                    loaded = demo.load_demo(conn)
            except InfointError as exc:
                ui.show_error(exc)
            else:
                st.session_state["home_notice"] = loaded.sentence()
                st.rerun()
    st.stop()

# --- Your focus: one line saying what you need to learn (from the profile). ---
if focus := ui.cached(profile.focus_summary, conn):
    st.info(ui.plain(focus), icon=":material/center_focus_strong:")
else:
    # A link reads on one line and is cut at the edge, with no ellipsis: the prompt is short, and
    # what a focus can be is said under it, where words wrap.
    st.page_link(
        "pages/9_settings.py", label=home.FOCUS_PROMPT, icon=":material/center_focus_strong:"
    )
    st.caption(home.FOCUS_PROMPT_WHY)
if (ruled_out := ui.cached(profile.ruled_out_summary, conn)).total:
    st.caption(ruled_out.sentence)

# --- Due now: what to do today (from the outreach and follow-up work). ---
# What the rules find is kept as Follow-ups keeps it (one answer for both pages, across
# snoozes); what is due, and why nothing is, are worked out from it on every run.
rules_found = ui.cached(followups.found, conn, refresh_every=60, reads_reminders=False)
plan = followups.agenda(conn, rules_found=rules_found)
if due := plan.due:
    with st.container(border=True):
        st.markdown(f"**Due now: {len(due):,}**")
        for item in due[: home.DUE_LISTED]:
            st.markdown(f"- {ui.plain(item.title)}")
        more, see_all = home.due_more(len(due))
        if more:
            st.markdown(more)
        st.page_link("pages/4_follow_ups.py", label=see_all, icon=":material/schedule:")
started = figures.contacted > 0  # before the first outreach there is nothing to chart
if not due or not started:
    # Nothing due while under way: why (whom you wait on, what you hid, old silence), said.
    under_way = started and figures.targets
    quiet = None
    if under_way:
        day = rules_found.today
        silent_before = ui.cached(followups.left_alone, conn, day, reads_reminders=False)
        quiet = followups.quiet(conn, plan=plan, today=day, silent_before=silent_before)
    step = home.next_step(figures, quiet)
    st.page_link(step.page, label=step.label, icon=":material/arrow_forward:")
    st.caption(step.why)
# The figures sit in a row that wraps, each as wide as its words: in five equal columns a
# narrow window cut labels and even numbers short ("Open c…", "10…" for 100 %). A 1280 px
# window holds all five in its 810 px with 24 px between them, not 32; Response rate's note is
# the widest part, so it stays short: a heavy user's '1,994 of 4,897 replied; 76 more may reply'
# makes 788 px of figures (with '…; 76 more still have time to reply' it was 868, on two rows).
figures_row = st.container(horizontal=True, gap=24, key="headline")
figures_row.metric(
    "Contacts",
    f"{figures.contacts:,}",
    help="People in your network: from LinkedIn and added by hand.",
    width="content",
)
# Counted as the Targets page counts them, those you are researching said apart under them.
chosen_targets, targets_said = home.targets_figure(figures)
figures_row.metric(
    "Targets",
    chosen_targets,
    delta=targets_said,
    delta_color="off",
    delta_arrow="off",
    help=home.TARGETS_HELP + " Ruling one out is a result too: you learned it is not for you.",
    width="content",
)
if not started:  # the one step above, not a funnel without bars and weeks of zeros
    st.caption(home.BEFORE_FIRST_OUTREACH)
    st.stop()
figures_row.metric(
    "Open conversations",
    f"{figures.conversations:,}",
    help=home.CONVERSATIONS_HELP,
    width="content",
)
# On a weekend this week's figure is nearly always 0: the next planned meeting is said under the
# figures (under this one, its 260 px note sent Response rate to a second row at 1280 px).
coming = ui.cached(home.next_meeting, conn, refresh_every=60)
figures_row.metric(
    "Meetings this week",
    f"{figures.meetings_this_week:,}",
    help=f"{home.MEETINGS_HELP} {home.MEETINGS_NEXT_HELP}" if coming else home.MEETINGS_HELP,
    width="content",
)
# Of those whose time to reply has passed: someone written to minutes ago is not a 0 % yet.
response, replied = home.response_figure(figures)
figures_row.metric(
    "Response rate",
    response,
    delta=replied,
    delta_color="off",
    delta_arrow="off",
    help=home.RESPONSE_HELP,
    width="content",
)
if coming:  # its words wrap in a narrow window, the name too
    st.caption(f":material/event: {ui.plain(coming.said)}")

st.subheader("Your funnel")
# The filters sit in a row that wraps, each as wide as it reads in full: in three equal columns
# an 800 px window (sidebar open) cut the two days of the range to "dd/mm/yyyy –".
filters_row = st.container(horizontal=True, gap="medium", key="funnel_filters")
every_industry = [*ui.cached(targets.industries, conn), funnel.NO_INDUSTRY]
chosen_industries = filters_row.multiselect(
    "Industry",
    every_industry,
    placeholder="All industries",
    help="The industry of the contact's company; set industries on the Targets page.",
    width=200,
)
chosen_degrees = filters_row.multiselect(
    "Degree",
    contacts.DEGREES,
    placeholder="All degrees",
    help="; ".join(f"{d}: {why}" for d, why in contacts.DEGREE_HELP.items()) + ".",
    width=200,
)
weeks = ui.day_input(
    filters_row,
    "First outreach between",
    value=(),
    help="Counts the people whose first outreach fell in the weeks of these two dates.",
    width=260,
)
# A box with every option chosen (its "choose all" action) is no filter: counted and said as none.
chosen = home.funnel_filter(
    chosen_industries,
    every_industry,
    chosen_degrees,
    start=weeks[0] if len(weeks) > 0 else None,
    end=weeks[1] if len(weeks) > 1 else None,
)
# With who still has time to reply (it depends on the day: today is part of the cache key).
counted = ui.cached(home.funnel_counts, conn, chosen, today)
counts = counted.stages
chart_box, words_box = st.columns([3, 2])
if counts[0].count:
    ui.chart(chart_box, charts.funnel_figure, counts, config=charts.PLOTLY_CONFIG, key="funnel")
    whom = home.counted_whom(chosen, every_industry)
    said = home.describe_funnel(counts, filtered=chosen.narrows, whom=whom, waiting=counted.waiting)
    for line in said:
        words_box.markdown(f"- {line}")
else:  # only when filtered: someone was written to (`started`)
    chart_box.info(home.FILTERED_OUT, icon=":material/filter_alt_off:")
with words_box.expander("What the stages mean"):
    for stage in funnel.STAGES:
        st.markdown(f"**{funnel.STAGE_LABELS[stage]}**: {funnel.STAGE_HELP[stage]}.")
    st.caption("Each stage counts the people who reached it or went further.")

st.subheader("What you did each week")
activity = ui.cached(home.weekly_activity, conn, today=today, filters=chosen)
# The chart and its numbers (300 px, as they read well) in a row that wraps: the chart fills what
# the numbers leave, at least 460 px, and where the row has less (an 800 px window, sidebar open)
# the numbers go under it. In two columns that window cut the table's last column ("L… wee…") and
# ran the weeks' labels together; a chart of fixed width left a third of a wide row empty. The
# chart is drawn into the row itself (`charts.beside_numbers`), and chart.js fits it to its box
# whenever the box changes width: a rerun draws it before the row has its width.
# Nothing logged in these weeks (an industry with no outreach, say): a sentence, not an empty
# chart beside a table of zeros.
if quiet := home.quiet_weeks(activity, filtered=chosen.narrows):
    icon = ":material/filter_alt_off:" if chosen.narrows else ":material/event_busy:"
    st.info(quiet, icon=icon)
else:
    # In a first week one group of bars among empty weeks is no trend: said so, as Insights
    # does, with that week's numbers. Too soon or not is everyone's, over the weeks drawn
    # (a range of first outreach may reach back past 12): an industry worked on in one week of
    # a longer campaign is drawn among its weeks.
    everything = (
        ui.cached(home.weekly_activity, conn, weeks=activity["week"].nunique(), today=today)
        if chosen.narrows
        else activity
    )
    if too_soon := home.activity_too_soon(everything):
        st.info(too_soon, icon=":material/date_range:")
    if chosen.narrows:
        st.caption(home.ACTIVITY_FILTERED)
    weekly_row = st.container(horizontal=True, gap="medium", key="weekly")
    if not too_soon:
        ui.chart(
            weekly_row,
            charts.activity_figure,
            activity,
            config=charts.beside_numbers(),
            key="activity",
        )
    totals_box = weekly_row.container(width=300, key="weekly_numbers")
    totals = home.summarise_activity(activity)
    totals_box.markdown(text.markdown_table(totals.columns, totals.itertuples(index=False)))
    totals_box.caption(home.ACTIVITY_NOTE)
