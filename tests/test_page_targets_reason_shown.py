"""Targets: a reason typed in the table and not saved yet reads in full below it, as the saved
ones do.

The Reason cell is 79 px wide (the table fits a laptop's window) and at 800 px it is a sideways
scroll away: 'Why you ruled them out' below the table listed the saved reasons only, so one
just typed read 'Too far fr' and nowhere else until saved.
"""

from __future__ import annotations

from infoint import targets, ui
from tests.test_page_targets import (
    button,
    edit,
    network,  # noqa: F401 (a fixture)
    run_targets,
)

REASON = "Too far from home for the commute, and the team is shrinking"
WHY = "**Why you ruled them out**"


def why(at) -> str | None:
    shown = [m.value for m in at.main.markdown]
    return shown[shown.index(WHY) + 1] if WHY in shown else None


def test_a_reason_typed_reads_in_full_below_the_table_before_it_is_saved(network):  # noqa: F811
    at = run_targets()
    assert why(at) is None  # nothing ruled out yet
    edit(at, {1: {"status": "ruled_out", "ruled_out_reason": REASON}})  # Volt
    assert why(at) == f"- Volt: {ui.plain(REASON)} (not saved yet)"
    button(at, "Save changes").click()
    run_targets(at)
    assert why(at) == f"- Volt: {ui.plain(REASON)}"


def test_a_saved_reason_changed_reads_as_changed_and_one_taken_back_goes(network):  # noqa: F811
    conn = ui.connection()
    [(volt,)] = conn.execute("SELECT id FROM companies WHERE name = 'Volt'").fetchall()
    targets.rule_out(conn, volt, "Shift work")
    at = run_targets()
    [row] = [i for i, name in enumerate(at.dataframe[0].value["name"]) if name == "Volt"]
    assert why(at) == "- Volt: Shift work"
    edit(at, {row: {"ruled_out_reason": "Night shifts"}})
    assert why(at) == "- Volt: Night shifts (not saved yet)"
    edit(at, {row: {"status": "target"}})  # back on the list: no reason to read
    assert why(at) is None
    edit(at, {row: {"ruled_out_reason": ""}})  # the reason still to come: said above
    assert why(at) is None
