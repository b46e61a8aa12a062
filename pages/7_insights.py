import streamlit as st

from infoint import charts, home, insight_charts, insights, text, ui

conn = ui.page("Insights")


def percent_column(label: str):
    return st.column_config.NumberColumn(label, format=home.PERCENT_COLUMN_FORMAT, width="small")


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

timing = ui.cached(insights.reply_timing, conn)
if timing.sentence:
    st.markdown(timing.sentence)

st.subheader("Who replies, and who meets you")
breakdown = st.radio(
    "Compare by",
    insights.BREAKDOWNS,
    format_func=insights.BREAKDOWN_LABELS.get,
    horizontal=True,
    key="rates_breakdown",
)
rates = ui.cached(insights.rates_by, conn, breakdown)
shown = rates.head(insights.TOP_GROUPS)
# The chart over its table, not beside it: template and industry names need the width.
chart(
    st.container(),
    insight_charts.rates_figure,
    shown,
    insights.BREAKDOWN_LABELS[breakdown],
    key="rates_chart",
)
st.dataframe(
    rates,
    hide_index=True,
    width="stretch",
    column_config={
        "group": st.column_config.TextColumn(insights.BREAKDOWN_COLUMNS[breakdown], width="large"),
        "contacted": ui.count_column("Contacted", width="small"),
        "replied": ui.count_column("Replied", width="small"),
        "met": ui.count_column("Met", width="small"),
        "response_rate": None,  # the chart's; the table shows whole percentages
        "meeting_rate": None,
        "replied_percent": percent_column("Reply rate"),
        "met_percent": percent_column("Meeting rate"),
    },
)
if len(rates) > len(shown):
    st.caption(
        f"The chart shows the {len(shown):,} biggest groups; the table has all {len(rates):,}."
    )
if breakdown == "template" and insights.shows_follow_up_template(rates):
    st.caption(insights.FOLLOW_UP_TEMPLATE_NOTE)
st.caption(insights.ANSWER_NOTE)

st.subheader("How fast people reply")
if not timing.contacted:  # in the funnel, but never written to: nothing to time
    st.info(timing.not_written_note, icon=":material/schedule:")
    st.page_link("pages/3_outreach.py", label="Write to someone", icon=":material/edit:")
else:
    waits = ui.cached(insights.reply_waits, conn)
    left, right = st.columns([3, 2])
    chart(left, insight_charts.reply_waits_figure, waits, key="reply_waits_chart")
    right.dataframe(
        waits,
        hide_index=True,
        width="stretch",
        column_config={
            "wait": st.column_config.TextColumn("When they replied", width="medium"),
            "people": ui.count_column("People", width="small"),
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
chart(st.container(), insight_charts.weekly_funnel_figure, charted, key="weekly_chart")
weeks_columns = {
    "week": st.column_config.DateColumn("Week commencing", format=text.DATE_COLUMN_FORMAT),
    "contacted": ui.count_column("Contacted", width="small"),
    "replied": ui.count_column("Replied", width="small"),
    "met": ui.count_column("Met", width="small"),
    "referred": ui.count_column("Referred", width="small"),
    "opportunity": ui.count_column("Opportunity", width="small"),
}
st.dataframe(
    charted, hide_index=True, width="stretch", height="content", column_config=weeks_columns
)
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
    # Four numbers read at a glance in a table: no chart for the browser to draw.
    buckets = ui.cached(insights.minutes_buckets, conn)
    left, _ = st.columns([2, 3])
    left.dataframe(
        buckets,
        hide_index=True,
        width="stretch",
        column_config={"group": "Length", "meetings": ui.count_column("Meetings", width="small")},
    )
    st.caption("Asking for 20 minutes and keeping to them earns trust, and the next introduction.")
