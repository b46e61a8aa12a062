"""After a merge, Targets' merge search is emptied where the user sees it too. A walkthrough:
after "Yes, merge them" the box still showed "Consulting" while the page read the search as
empty (no Keep and Merge boxes, no "Fewer than two companies match"): the key was taken out of
the session, which a browser does not hear of, so it kept its words and would send them back
with the next click. Set before the box is drawn, the empty value goes to the browser."""

from infoint import targets, ui
from tests.test_page_targets import button, network, run_targets  # noqa: F401 (a fixture)


def test_a_merge_empties_the_search_box_in_the_browser_too(network):  # noqa: F811
    at = run_targets()
    at.session_state["merge_open"] = True
    run_targets(at)
    at.text_input(key="merge_search").input("omega")
    run_targets(at)
    assert at.selectbox(key="merge_keep").value == targets.ensure_company(
        ui.connection(), "Omega Bank"
    )
    button(at, "Merge…").click()
    run_targets(at)
    button(at, "Yes, merge them").click()
    run_targets(at)
    assert "People who moved over: 1." in at.success[0].value
    search = at.text_input(key="merge_search")
    # set_value: the page sends the box's value to the browser, which otherwise shows and
    # sends back the words it has.
    assert (search.value, search.proto.value, search.proto.set_value) == ("", "", True)
    assert not [box for box in at.selectbox if (box.key or "").startswith("merge_")]
    [merge_box] = [e for e in at.expander if e.label.startswith("Two entries for the same")]
    assert merge_box.proto.expanded  # still open, to merge another pair

    at.text_input(key="merge_search").input("omega")  # the next search works as before
    run_targets(at)
    assert "Fewer than two companies match; try a shorter part of the name." in [
        c.value for c in at.caption
    ]
