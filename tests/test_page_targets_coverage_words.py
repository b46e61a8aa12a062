"""The coverage by industry says what it counts in the words of the list's line and Home.

The walkthrough, on the demo: the line read '6 targets, 2 researching and 2 ruled out' and Home
'Targets 6' with '2 researching' under it, while the coverage's 'Targets' column added up to 8
and its chart read 'Finance (1)' where Finance's one company left is being researched. The
coverage counts the companies you chose (targets and researching) together: it names them so,
and 'Targets' means the 6 wherever it is a number's name.
"""

import json

from streamlit.testing.v1 import AppTest

from infoint import db, demo
from tests.conftest import opened, quick_charts


def coverage_table(at: AppTest):
    [row] = [
        block
        for block in at.main.children.values()
        if getattr(block.proto, "id", "").endswith("-coverage_row")
    ]
    _, numbers_box = row.children.values()
    return numbers_box, numbers_box.dataframe[0]


def test_the_coverage_names_targets_and_researching_as_the_line_and_home_do(app_db):
    conn = db.connect(app_db)
    demo.load_demo(conn)
    conn.close()

    home = opened()
    [metric] = [m for m in home.metric if m.label == "Targets"]
    assert metric.value == "6" and "2 researching" in metric.proto.delta

    at = opened("pages/1_targets.py")
    line = next(c.value for c in at.caption if c.value.startswith("Companies "))
    assert ": 6 targets, 2 researching" in line

    box, table = coverage_table(at)
    frame = table.value
    columns = json.loads(table.proto.columns)
    labels = {name: config.get("label") for name, config in columns.items()}
    # The column counts both (8 = 6 + 2), so it is not called 'Targets' (6 on Home and above).
    assert "Targets" not in labels.values(), labels
    assert labels["targets"] == "Chosen"
    assert frame["targets"].sum() == 6 + 2
    assert dict(zip(frame["industry"], frame["targets"], strict=True))["Finance"] == 1
    assert columns["targets"]["help"] == (
        "Companies in this industry you chose: your targets and those you are researching, "
        "together. The line above the list and Home count them apart."
    )
    for name in ("targets_contacted", "targets_met"):
        assert columns[name]["help"].startswith("Companies you chose where "), columns[name]
    note = box.caption[0].value
    assert note.startswith(
        "Chosen: your targets and the companies you are researching, together. Reached: those "
        "where you wrote to someone. Met: those where you met someone. "
    )
    assert "Targets you ruled out" not in note
    subheaders = [h.value for h in at.subheader]
    assert "Targets and coverage by industry" not in subheaders
    assert "Coverage of the companies you chose, by industry" in subheaders

    # The chart: 'Finance (1)' under an axis that says what the 1 counts; nowhere in its
    # words is that count called targets.
    chart = quick_charts(at)["coverage"]
    layout = chart["layout"]
    assert layout["yaxis"]["title"]["text"] == "Industry (companies chosen)"
    assert layout["xaxis"]["title"]["text"] == "Share of the industry's companies chosen"
    assert layout["title"]["text"] == "How far you got at the companies you chose"
    assert "Finance (1)" in chart["data"][0]["y"]
    for trace in chart["data"]:
        assert "companies chosen (%{x:.0f} %)" in trace["hovertemplate"]
        assert "target" not in trace["hovertemplate"]
    words = " ".join(
        [layout["title"]["text"], layout["xaxis"]["title"]["text"], *chart["data"][0]["y"]]
    )
    assert "target" not in words.lower()
