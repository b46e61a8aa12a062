import pytest

from infoint import questions
from infoint.errors import InvalidInputError, NotFoundError


def test_built_in_bank_covers_every_category_and_need(conn):
    bank = questions.list_questions(conn)
    assert len(bank) == 21 and all(q.builtin and not q.archived for q in bank)
    assert {q.category for q in bank} == set(questions.CATEGORIES)
    assert {q.need for q in bank} == set(questions.NEEDS)
    # our own bank asks nothing a web search answers
    assert [q.text for q in bank if questions.searchable_hint(q.text)] == []


def test_filter_by_category_and_need(conn):
    trends_industry = questions.list_questions(conn, categories=("trends",), needs=("industry",))
    assert [q.text for q in trends_industry] == [
        "What are people inside this industry talking about that outsiders have not noticed yet?",
        "Which changes in this industry worry people here, and which excite them?",
    ]
    advice_or_resources = questions.list_questions(conn, categories=("advice", "resources"))
    assert [q.category for q in advice_or_resources] == ["advice"] * 4 + ["resources"] * 3
    company = questions.list_questions(conn, needs=("company",))
    assert len(company) == 6  # one per category, two for insights


def test_add_edit_and_archive(conn):
    new = questions.add_question(
        conn, "  What would you  tell your younger self? ", "advice", "occupation"
    )
    assert questions.get_question(conn, new).text == "What would you tell your younger self?"
    assert not questions.get_question(conn, new).builtin
    builtin = questions.list_questions(conn)[0]
    questions.update_question(conn, builtin.id, "Where is your work heading?", "trends", "industry")
    changed = questions.get_question(conn, builtin.id)
    assert (changed.text, changed.need, changed.builtin) == (
        "Where is your work heading?",
        "industry",
        True,
    )
    questions.set_archived(conn, new, True)
    assert new not in [q.id for q in questions.list_questions(conn)]
    assert new in [q.id for q in questions.list_questions(conn, include_archived=True)]
    questions.set_archived(conn, new, False)
    assert new in [q.id for q in questions.list_questions(conn)]


def test_bad_questions_are_refused_and_nothing_changes(conn):
    with pytest.raises(InvalidInputError, match="Write the question"):
        questions.add_question(conn, "   ", "advice", "company")
    with pytest.raises(InvalidInputError, match="category"):
        questions.add_question(conn, "Why?", "gossip", "company")
    with pytest.raises(InvalidInputError, match="need"):
        questions.add_question(conn, "Why?", "advice", "salary")
    with pytest.raises(NotFoundError):
        questions.update_question(conn, 999, "Why?", "advice", "company")
    assert len(questions.list_questions(conn, include_archived=True)) == 21


@pytest.mark.parametrize(
    "text",
    [
        "What is your main product?",
        "How many employees does Acme have?",
        "Who are your competitors?",
        "When was the company founded?",
        "Where is your headquarters?",
        "How big is the company?",
        "What was last year's revenue?",
    ],
)
def test_hint_against_what_a_web_search_answers(text):
    hint = questions.searchable_hint(text)
    assert hint and "web search" in hint


@pytest.mark.parametrize(
    "text",
    [
        "How many people are on your team?",
        "What do you wish you had known before joining?",
        "How does your team decide what to build next?",
    ],
)
def test_no_hint_for_what_only_an_insider_knows(text):
    assert questions.searchable_hint(text) is None


def test_default_need_follows_the_profile_focus(conn):
    assert questions.default_need(conn) == "occupation"
    conn.execute("UPDATE profile SET focus_kind = 'company'")
    assert questions.default_need(conn) == "company"
