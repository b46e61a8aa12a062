"""Settings says where the data lives as text, not in a code block.

A walkthrough in Chromium with the heavy user's data saw Settings take 2.4 s (1280 px) and
3.9 s (800 px) to settle on its first visit. The page's one `st.code` block, the database's
path, made the browser fetch and run Streamlit's syntax highlighter (1.5 MB of script) first:
in Chromium under load, the first visit's last change came 1.7 and 3.0 s after the click with
the block, 0.8 and 1.0 s with the path as a code span (as the sidebar shows it).
"""

from __future__ import annotations

from infoint import settings
from tests.test_page_settings import open_page


def test_settings_draws_no_code_block_and_says_the_path_in_a_code_span(app_db):
    at = open_page()
    assert not at.code
    assert (
        at.main.markdown[
            [m.value for m in at.main.markdown].index("One file on this computer:") + 1
        ].value
        == f"`{app_db}`"
    )


def test_a_plain_path_is_one_code_span():
    assert settings.path_said("/home/sam/infoint/data/infoint.duckdb") == (
        "`/home/sam/infoint/data/infoint.duckdb`"
    )


def test_marks_and_backslashes_stay_as_written_inside_the_span():
    # inside a code span Markdown reads no marks and no escapes
    assert settings.path_said(r"C:\Users\sam\*notes*\data_1\infoint.duckdb") == (
        r"`C:\Users\sam\*notes*\data_1\infoint.duckdb`"
    )


def test_backticks_in_the_path_get_a_longer_fence():
    # a run of backticks as long as the fence would close the span early
    assert settings.path_said("/data/a``b/`x`/infoint.duckdb") == (
        "```/data/a``b/`x`/infoint.duckdb```"
    )
    # at either end, spaced off the fence (Markdown drops one space each side)
    assert settings.path_said("`odd`") == "`` `odd` ``"
