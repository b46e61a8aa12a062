import streamlit as st

from infoint import charts, home, insight_charts, insights, profile, text, ui

conn = ui.page("Insights")


# Each column of figures as wide as its heading needs in the grid's 14 px font (8 px padding
# either side, 1 to 2 px to spare), so that the names beside them keep the rest: an 800 px window
# with the sidebar open gives a table 456 px where the browser draws its scroll bars (466 where
# it hides them, as Playwright's headless Chromium does). There Streamlit's "small" (75 px) cut
# "Opportunity" and "Meeting rate", and the tables ran past the edge, to scroll sideways. A
# wider window shares the spare width among all the columns.
NUMBER_WIDTHS = {
    "Contacted": 78,
    "Replied": 62,
    "Met": 50,  # the grid's narrowest column
    "Referred": 68,
    "Opportunity": 91,
    "Reply rate": 76,
    "Meeting rate": 90,
    "People": 59,
    "Meetings": 71,
}
# The rates table's names get what is left of those 456 px beside its five columns of figures
# (356 px), and wrap onto more lines where they need them: sized to the names, the column of a
# heavy user's templates ("Cold, after reading their profile or work") pushed the rates past the
# table's edge, and at 1280 px Streamlit shrank it and cut them. The figures gave up 1 px each
# of their spare (460 px in all cut 4 px of Meeting rate where scroll bars are drawn): at
# 96 px, "(no template)" would wrap.
NAME_WIDTH = 100


def counts(label: str):
    """`ui.count_column` (a pixel width passes through to Streamlit, as "small" did)."""
    return ui.count_column(label, width=NUMBER_WIDTHS[label])


def percent_column(label: str, help: str | None = None):
    return st.column_config.NumberColumn(
        label, format=home.PERCENT_COLUMN_FORMAT, width=NUMBER_WIDTHS[label], help=help
    )


def chart(where, build, *inputs, key: str) -> None:
    ui.chart(where, build, *inputs, config=charts.PLOTLY_CONFIG, key=key)


st.title("Insights")
st.caption("What works for you: who answers, by which route, how fast, and whether you keep time.")

# Everyone counted here was contacted (or met, or introduced you): with nobody in the
# funnel yet, every section would be empty, so the page says so once and leads on.
weekly = ui.cached(insights.funnel_by_week, conn)
if weekly.empty:
    st.info(
        "Log the messages you send, and the replies when they come: this page then shows "
        "who answers, by which route, how fast, and whether your meetings keep to time.",
        icon=":material/lightbulb:",
    )
    st.page_link("pages/3_outreach.py", label="Write your first outreach", icon=":material/edit:")
    st.stop()

# Who still has time to reply depends on the day: today (the user's) is part of the cache key.
today = profile.now(conn).date()
timing = ui.cached(insights.reply_timing, conn, today)
if timing.sentence:
    st.markdown(timing.sentence)

st.subheader("Who replies, and who meets you")
# Those who still have time to reply are left out, as on Home: the rates are Home's, by group.
# With no one else, there are no rates to compare, and no choice of what to compare them by:
# one that changed nothing confused.
if not ui.cached(insights.rated_people, conn, today):  # as Home's "Too soon"
    st.info(insights.RATES_TOO_SOON, icon=":material/schedule:")
else:
    breakdown = st.radio(
        "Compare by",
        insights.BREAKDOWNS,
        format_func=insights.BREAKDOWN_LABELS.get,
        horizontal=True,
        key="rates_breakdown",
    )
    rates = ui.cached(insights.rates_by, conn, breakdown, today)
    # A group whose people all still have time to reply has no rate: the chart keeps its
    # place with words instead of bars; the table, of numbers, leaves it out, and the note
    # under it names it.
    rated = insights.rated_groups(rates)
    shown = rates.head(insights.TOP_GROUPS)
    # The chart over its table, not beside it: template and industry names need the width.
    chart(
        st.container(),
        insight_charts.rates_figure,
        shown,
        insights.BREAKDOWN_LABELS[breakdown],
        key="rates_chart",
    )
    # A table of its own for each choice (a container of its own): the grid sizes its names' column
    # to the names it first shows and keeps that width, so the degrees' width cut a template's name.
    row_height = insights.wrapped_row_height(list(rated["group"]), NAME_WIDTH)
    st.container(key=f"rates_{breakdown}").dataframe(
        rated,
        hide_index=True,
        width="stretch",
        row_height=row_height,
        height=insights.wrapped_table_height(len(rated), row_height),
        column_config={
            "group": st.column_config.TextColumn(
                insights.BREAKDOWN_COLUMNS[breakdown], width=NAME_WIDTH
            ),
            "contacted": counts("Contacted"),
            "replied": counts("Replied"),
            "met": counts("Met"),
            "waiting": None,  # said in the notes under the table
            "response_rate": None,  # the chart's; the table shows whole percentages
            "meeting_rate": None,
            "replied_percent": percent_column("Reply rate"),
            "met_percent": percent_column("Meeting rate", help=insights.MEETING_RATE_HELP),
        },
    )
    # What the Meeting rate is a share of, under its numbers: Home's is of those who replied.
    st.caption(insights.meeting_rate_note(rated))
    if len(rated) > (charted := int((shown["contacted"] > 0).sum())):
        st.caption(
            f"The chart shows the {charted:,} biggest groups; the table has all {len(rated):,}."
        )
    if breakdown == "template" and insights.shows_follow_up_template(rates):
        st.caption(insights.FOLLOW_UP_TEMPLATE_NOTE)
    named = int(insights.waiting_groups(rates)["waiting"].sum())
    if waiting_note := insights.rates_waiting_note(timing.waiting, named=named):
        st.caption(waiting_note)
    if groups_note := insights.waiting_groups_note(rates):
        st.caption(groups_note)
    st.caption(insights.ANSWER_NOTE)

st.subheader("How fast people reply")
if not timing.contacted:  # in the funnel, but never written to: nothing to time
    st.info(timing.not_written_note, icon=":material/schedule:")
    st.page_link("pages/3_outreach.py", label="Write to someone", icon=":material/edit:")
else:
    waits = ui.cached(insights.reply_waits, conn, today)
    # The chart and its numbers side by side in a row that wraps, as on Home: in two columns an
    # 800 px window squeezed the table into 179 px, to scroll sideways, and the chart ran its
    # numbers together and cut its axis title. Where both do not fit, the numbers go under it.
    # The chart fills what the numbers leave, at least 460 px (`charts.beside_numbers`): 460 px
    # wide, it left a third of a wide window's row empty.
    waits_row = st.container(horizontal=True, gap="medium", key="waits")
    ui.chart(
        waits_row,
        insight_charts.reply_waits_figure,
        waits,
        config=charts.beside_numbers(),
        key="reply_waits_chart",
    )
    right = waits_row.container(width=300, key="waits_numbers")
    # As tall as its rows: at the grid's own height (ten rows) a heavy user's eleventh, "No
    # reply yet, no follow-up sent", hid behind a scroll inside the table (walkthrough).
    right.dataframe(
        waits,
        hide_index=True,
        width="stretch",
        height="content",
        column_config={
            "wait": st.column_config.TextColumn("When they replied", width="medium"),
            "people": counts("People"),
            "speed": None,  # the chart's colours
        },
    )
    # Beside the numbers: how the groups add up to Replied on Home, and who is not timed.
    if timing.replied_note:
        right.caption(timing.replied_note)
    if timing.talked_before:
        right.caption(insights.TALKED_BEFORE_NOTE)
    right.caption(insights.WITHIN_NOTE)
    if timing.not_written_to:
        st.caption(timing.not_written_note)

st.subheader("The funnel by week of first outreach")
# The chart over its table: the table's six columns need the page's width. Both show the
# latest weeks (a browser draws every bar) in one order, the oldest first: the chart left to
# right, as a time axis reads, the table top to bottom, so its rows are the bars in turn. The
# table had the latest first and read against the chart (walkthrough). It is as tall as its
# rows, the latest at its foot in view; the earlier weeks are one click away, oldest first too.
charted = weekly.tail(insights.WEEKS_CHARTED)
# In a first week one group of bars is no trend: said so, with that week's numbers under it.
if too_soon := insights.trend_too_soon(weekly):
    st.info(too_soon, icon=":material/date_range:")
else:
    chart(st.container(), insight_charts.weekly_funnel_figure, charted, key="weekly_chart")
weeks_columns = {
    "week": st.column_config.DateColumn("Week of", format=text.DATE_COLUMN_FORMAT),
    "contacted": counts("Contacted"),
    "replied": counts("Replied"),
    "met": counts("Met"),
    "referred": counts("Referred"),
    "opportunity": counts("Opportunity"),
}
st.dataframe(
    charted, hide_index=True, width="stretch", height="content", column_config=weeks_columns
)
st.caption(insights.WEEKLY_NOTE)
if earlier := len(weekly) - len(charted):
    st.caption(f"The chart and the table show the last {len(charted):,} weeks, the oldest first.")
    before = "The week" if earlier == 1 else f"The {text.counted(earlier, 'week')}"
    with st.expander(f"{before} before them"):
        st.dataframe(
            weekly.head(earlier),
            hide_index=True,
            width="stretch",
            column_config=weeks_columns,
        )

st.subheader("Keeping the time you promised")
kept = ui.cached(insights.minutes_kept, conn)
if not kept.meetings:
    st.info(
        "After each meeting, note how long it actually took (the debrief on the Meetings "
        "page): this shows whether you keep to the time you promised."
    )
    st.page_link("pages/5_meetings.py", label="Go to Meetings", icon=":material/coffee:")
else:
    st.markdown(kept.sentence)
    # Four numbers read at a glance in a table: no chart for the browser to draw. 300 px, as
    # the waits' table: in two fifths of an 800 px window it scrolled sideways.
    buckets = ui.cached(insights.minutes_buckets, conn)
    st.dataframe(
        buckets,
        hide_index=True,
        width=300,
        column_config={"group": "Length", "meetings": counts("Meetings")},
    )
    st.caption("Asking for 20 minutes and keeping to them earns trust, and the next introduction.")
