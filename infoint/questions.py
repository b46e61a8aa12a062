"""The question bank: questions worth asking in an information interview, and a check
against the ones a web search would answer (asking those wastes the person's time)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from infoint import db
from infoint.errors import InvalidInputError, NotFoundError

# TIARA: trends, insights, advice, resources, assignments.
CATEGORIES = ("trends", "insights", "advice", "resources", "assignments")
CATEGORY_LABELS = {
    "trends": "Trends",
    "insights": "Insights",
    "advice": "Advice",
    "resources": "Resources",
    "assignments": "Assignments",
}
CATEGORY_HELP = {
    "trends": "where the work or the industry is heading",
    "insights": "what it is really like inside",
    "advice": "what they would do in your place",
    "resources": "what to read, follow or join",
    "assignments": "the projects and problems they work on",
}
NEEDS = ("occupation", "industry", "company")
NEED_LABELS = {"occupation": "An occupation", "industry": "An industry", "company": "A company"}

# Topics any company page or news search answers, each with words that give it away.
_SEARCHABLE = (
    # 'What does Acme sell?', 'What does your company sell?' (a name or the company, in up to
    # two words: 'what does it take to make the move', 'what does your team make of it' ask
    # something else), and 'What does your company do?' (the company itself: 'what does your
    # team do' is an insider's answer).
    (
        "what the company sells",
        r"\b(main|core|key)\s+products?\b"
        r"|\bwhat\s+does\s+(the\s+|your\s+|this\s+)?\w+(\s+\w+)?\s+(sell|make)\b(?!\s+(of|sense)\b)"
        r"|\bwhat\s+does\s+(the|your|this)\s+(company|firm|organi[sz]ation|business)"
        r"(\s+(actually|really|exactly))?\s+do\b",
    ),
    ("its size", r"\bhow\s+many\s+(employees|staff|offices|locations)\b|\bheadcount\b"),
    ("its size", r"\bhow\s+(big|large)\s+is\s+(the|your)\s+(company|firm|organi[sz]ation)\b"),
    ("its size", r"\b(company|firm|organi[sz]ation)\s+size\b"),
    ("its competitors", r"\bcompetitors?\b|\b(main|biggest)\s+competition\b"),
    ("when it was founded", r"\bfounded\b|\bfounders?\b|\bwhen\s+was\s+\w+\s+started\b"),
    ("where it is based", r"\bheadquarter(s|ed)?\b|\bhq\b"),
    ("its revenue", r"\brevenues?\b|\bturnover\b|\bstock\s+price\b|\bvaluation\b"),
    ("who runs it", r"\bwho\s+is\s+(the|your)\s+ceo\b"),
    ("its mission statement", r"\bmission\s+statement\b"),
)


@dataclass(frozen=True)
class Question:
    id: int
    text: str
    category: str
    need: str
    builtin: bool
    archived: bool


def searchable_hint(text: str) -> str | None:
    """A kind nudge when a question asks what a web search answers; None when it is fine."""
    lowered = text.lower()
    for topic, pattern in _SEARCHABLE:
        if re.search(pattern, lowered):
            return (
                f"A web search already tells you {topic}. Look it up before the meeting and "
                "ask something only someone inside can answer."
            )
    return None


def _clean(text: str, category: str, need: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise InvalidInputError("Write the question first.")
    if len(text) > 500:
        raise InvalidInputError("Keep a question under 500 characters; one clear ask is best.")
    if category not in CATEGORIES:
        raise InvalidInputError(f"'{category}' is not a question category infoint knows.")
    if need not in NEEDS:
        raise InvalidInputError(f"'{need}' is not an information need infoint knows.")
    return text


def list_questions(
    conn: duckdb.DuckDBPyConnection,
    *,
    categories: tuple[str, ...] = (),
    needs: tuple[str, ...] = (),
    include_archived: bool = False,
) -> list[Question]:
    """Questions in the bank, by category then need; filters left empty match everything."""
    rows = conn.execute(
        """
        SELECT id, text, category, need, builtin, archived FROM questions
        WHERE (len(?::VARCHAR[]) = 0 OR category IN (SELECT unnest(?::VARCHAR[])))
          AND (len(?::VARCHAR[]) = 0 OR need IN (SELECT unnest(?::VARCHAR[])))
          AND (? OR NOT archived)
        ORDER BY list_position(?::VARCHAR[], category), list_position(?::VARCHAR[], need), id
        """,
        [
            list(categories),
            list(categories),
            list(needs),
            list(needs),
            include_archived,
            list(CATEGORIES),
            list(NEEDS),
        ],
    ).fetchall()
    return [Question(*row) for row in rows]


def get_question(conn: duckdb.DuckDBPyConnection, question_id: int) -> Question:
    rows = conn.execute(
        "SELECT id, text, category, need, builtin, archived FROM questions WHERE id = ?",
        [question_id],
    ).fetchall()
    if not rows:
        raise NotFoundError("That question is no longer in the bank.")
    return Question(*rows[0])


def add_question(conn: duckdb.DuckDBPyConnection, text: str, category: str, need: str) -> int:
    """Put a question of the user's own into the bank; returns its id."""
    text = _clean(text, category, need)
    with db.transaction(conn):
        row = conn.execute(
            "INSERT INTO questions (text, category, need) VALUES (?, ?, ?) RETURNING id",
            [text, category, need],
        ).fetchall()
    return int(row[0][0])


def update_question(
    conn: duckdb.DuckDBPyConnection, question_id: int, text: str, category: str, need: str
) -> None:
    """Reword or retag a question; built-in ones too (they are the user's to change)."""
    text = _clean(text, category, need)
    get_question(conn, question_id)
    with db.transaction(conn):
        conn.execute(
            "UPDATE questions SET text = ?, category = ?, need = ? WHERE id = ?",
            [text, category, need, question_id],
        )


def set_archived(conn: duckdb.DuckDBPyConnection, question_id: int, archived: bool) -> None:
    """Hide a question from the picker (or bring it back); meetings that used it keep it."""
    get_question(conn, question_id)
    with db.transaction(conn):
        conn.execute("UPDATE questions SET archived = ? WHERE id = ?", [archived, question_id])


def default_need(conn: duckdb.DuckDBPyConnection) -> str:
    """What the user said they need to learn (their profile's focus), to pre-filter the bank."""
    rows = conn.execute("SELECT focus_kind FROM profile WHERE id = 1").fetchall()
    need = rows[0][0] if rows else ""
    return need if need in NEEDS else "occupation"
