"""A target list's row with several problems says them all at once.

A new user's row had a bad motivation and a bad postings score: the preview said only the
motivation, they fixed it, uploaded again, and met the postings. Now each row left out says
every problem it has, in one short sentence; a row with one problem reads as before.
"""

from infoint import targets

HEADER = "name,industry,motivation,postings\n"


def reasons(conn, rows: str) -> list[tuple[int, str]]:
    preview = targets.read_target_list(conn, (HEADER + rows).encode(), "list.csv")
    return [(p.line, p.reason) for p in preview.problems]


def test_both_scores_wrong_are_said_together(conn):
    assert reasons(conn, "Acme,Tech,5,x\nBeta,Tech,1,1\n") == [
        (
            2,
            "The motivation and postings of Acme must be whole numbers from 0 to 3, "
            "not '5' and 'x'.",
        )
    ]


def test_no_name_and_a_wrong_score_are_both_said(conn):
    assert reasons(conn, ",Tech,9,\nBeta,Tech,1,1\n") == [
        (2, "It has no company name; its motivation must be a whole number from 0 to 3, not '9'.")
    ]


def test_a_score_and_the_industry_are_both_said(conn):
    assert reasons(conn, "Beta,(no industry yet),1,7\n") == [
        (
            2,
            "The postings of Beta must be a whole number from 0 to 3, not '7'; its industry "
            "should be left empty, not '(no industry yet)'.",
        )
    ]


def test_every_column_wrong_at_once(conn):
    row = f"{'L' * 300},{'I' * 201},9,1\n"
    assert reasons(conn, row) == [
        (
            2,
            "Its name is 300 characters long, over the 200 allowed; its motivation must be a "
            "whole number from 0 to 3, not '9'; its industry is 201 characters long, over the "
            "200 allowed.",
        )
    ]


def test_a_row_with_one_problem_reads_as_before_beside_one_with_two(conn):
    rows = "Gamma,Tech,2,4\n,Tech,,\nDelta,(no industry yet),,\n,Tech,,4\n"
    assert reasons(conn, rows) == [
        (2, "The postings of Gamma must be a whole number from 0 to 3, not '4'."),
        (3, "It has no company name."),
        (
            4,
            "'(no industry yet)' is how infoint shows a missing industry; leave the industry "
            "empty instead.",
        ),
        (5, "It has no company name; its postings must be a whole number from 0 to 3, not '4'."),
    ]
