"""The email checklist: each key with drafts that pass, warn and fail."""

from __future__ import annotations

import pytest

from infoint import outreach

GOOD = """Hi Ana,

Maria Lopez suggested I write to you. I'm Sam Lee, a data analyst at a logistics firm, and I'm
learning about product management in health tech.

I read your article on patient onboarding and it changed how I think about the problem.

Would you be open to a 20-minute call or a coffee (my treat) next week? This is not a job
request; I'd like to learn how you see the field.

Thank you,
Sam"""


def status(body: str, key: str, subject: str = "") -> str:
    return {c.key: c.status for c in outreach.check_email(body, subject)}[key]


def test_a_good_draft_passes_every_key_in_order():
    checks = outreach.check_email(GOOD, "Maria suggested I write")
    assert [c.key for c in checks] == list(outreach.CHECK_KEYS)
    assert {c.status for c in checks} == {"pass"}
    assert all(c.hint and "\n" not in c.hint for c in checks)


def test_an_empty_draft_leaves_every_point_to_do():
    """Nothing written yet is neither a job request nor too long, but praising it was wrong;
    nor is it a mistake to fix before a word is written: each point is still to do."""
    assert [c.status for c in outreach.check_email("")] == ["todo"] * 7


# --- connection ---------------------------------------------------------------------------

FILLER = " ".join(["I have been thinking about this for a while."] * 6)


@pytest.mark.parametrize(
    ("body", "subject", "expected"),
    [
        ("Hi Ana, Maria suggested I get in touch.", "", "pass"),
        ("Hi Ana, we both studied at Leeds.", "", "pass"),
        ("Hi Ana, I read your post on hiring data teams.", "", "pass"),
        ("Hi Ana, a quick note.", "A fellow Leeds graduate", "pass"),
        (f"Hi Ana, {FILLER} Maria suggested I get in touch.", "", "warn"),
        ("Hi Ana, I hope this finds you well.", "", "fail"),
    ],
)
def test_connection(body, subject, expected):
    assert status(body, "connection", subject) == expected


# --- introduction -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I'm Sam Lee, a data analyst at a logistics firm.", "pass"),
        ("I am a final-year student of economics.", "pass"),
        ("I work as a nurse in Leeds and study data science at night.", "pass"),
        ("My name is Sam.", "warn"),
        ("I'm Sam.", "warn"),
        (
            "I'm a data analyst. I have worked in logistics for six years. "
            "I recently finished a course in product design.",
            "warn",
        ),
        ("Hope you are well. Thanks for reading.", "fail"),
    ],
)
def test_introduction(body, expected):
    assert status(body, "introduction") == expected


@pytest.mark.parametrize(
    "name",
    [
        "Élodie Durand",
        "Łukasz Nowak",
        "李明",
        "Jan van der Berg",
        "Ana de la Cruz",
        "Mary-Jane O’Neil",
    ],
)
def test_a_name_in_any_alphabet_or_with_particles_introduces_you(name):
    """The cold template writes "I'm {my_name}, {my_role}": a user named Élodie was told to
    introduce herself in the line the app wrote for her."""
    assert status(f"I'm {name}, a nurse in a city hospital.", "introduction") == "pass"
    assert status(f"I’m {name}, a nurse in a city hospital.", "introduction") == "pass"
    assert status(f"I am {name}.", "introduction") == "warn"


@pytest.mark.parametrize("body", ["I'm writing to ask, if I may.", "I'm sure, thanks."])
def test_lower_case_words_after_im_are_no_name(body):
    assert status(body, "introduction") == "fail"


# --- competence ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Your talk at PyCon on data contracts stayed with me.", "pass"),
        ("I led the move of our warehouse data to the cloud.", "pass"),
        ("I'd be happy to share my notes from the conference in return.", "pass"),
        ("Your profile is very impressive.", "warn"),
        ("I admire your career.", "warn"),
        ("I am writing to you today.", "fail"),
    ],
)
def test_competence(body, expected):
    assert status(body, "competence") == expected


# --- ask ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Would you be open to a short call next week?", "pass"),
        ("I was wondering if you might have time for a coffee.", "pass"),
        ("Could we talk for 20 minutes?", "pass"),
        ("Let's meet for coffee next week.", "warn"),
        ("Could you help me?", "warn"),
        (
            "Would you be open to a call? Could we meet for coffee? "
            "Would you have time for lunch? Can I call you on Friday?",
            "warn",
        ),
        ("I hope to hear from you.", "fail"),
    ],
)
def test_ask(body, expected):
    assert status(body, "ask") == expected


# --- time ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Would you have 20 minutes for a call?", "pass"),
        ("Could we talk for fifteen minutes?", "pass"),
        ("A 15-20 minute call would be plenty.", "pass"),
        ("Could we meet for half an hour?", "pass"),
        ("Would you be open to a quick call?", "warn"),
        ("I promise to be brief.", "warn"),
        ("Could we meet for 45 minutes?", "warn"),
        ("Do you have an hour next week?", "warn"),
        ("Could we meet for two hours?", "fail"),
        ("Would you be open to a call?", "fail"),
    ],
)
def test_time(body, expected):
    assert status(body, "time") == expected


# --- no_job_request -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "subject", "expected"),
    [
        ("Would you be open to an informational interview?", "", "pass"),
        ("Could we have an information interview over coffee?", "", "pass"),
        ("This is not a job request; I want to learn about the field.", "", "pass"),
        ("I'm not looking for a job, only your view of the industry.", "", "pass"),
        ("I'd like to move into product work in the next year.", "", "pass"),
        ("Could I ask you about your path into design?", "", "pass"),
        ("Could we set up a job interview?", "", "fail"),
        ("Are there any openings on your team?", "", "fail"),
        ("I'd love to be considered for a position at Acme.", "", "fail"),
        ("Could you look at my résumé?", "", "fail"),
        ("Would you mind looking at my resume? I can send my CV too.", "", "fail"),
        ("Please find my CV attached.", "", "fail"),
        ("Quick question", "Are you hiring?", "fail"),
        ("Could we set up an interview next week?", "", "warn"),
        ("My job search has been slow, so I'm learning what I can.", "", "warn"),
    ],
)
def test_no_job_request(body, subject, expected):
    assert status(body, "no_job_request", subject) == expected


def test_the_job_request_hint_quotes_the_words():
    check = outreach.check_email("Do you have any openings?")[5]
    assert check.status == "fail" and "any openings" in check.hint


# --- length -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [(1, "pass"), (100, "pass"), (101, "warn"), (200, "warn"), (201, "fail")],
)
def test_length(words, expected):
    assert status(" ".join(["word"] * words), "length") == expected


def length_hint(words: int) -> str:
    [length] = [c for c in outreach.check_email(" ".join(["word"] * words)) if c.key == "length"]
    return length.hint


def test_a_long_draft_s_word_count_separates_thousands_as_the_rest_of_the_app():
    """A pasted essay reads '3,608 words', as every other count in the app does."""
    assert length_hint(3_608) == "3,608 words: too long for a first message; aim for 100."
    assert length_hint(1) == "1 word: short enough to read on a phone."


def test_the_warning_s_word_count_separates_thousands_too(monkeypatch):
    monkeypatch.setattr(outreach, "WARN_WORDS", 5_000)
    assert length_hint(1_250).startswith("1,250 words: aim for 100 or fewer")


def test_words_are_counted_as_written():
    # A, 20-minute, call, don't, worry: hyphens and apostrophes join; a dash alone is no word.
    assert outreach.word_count("A 20-minute call — don't worry!") == 5


# --- our own templates pass our own checklist ---------------------------------------------


def test_each_built_in_template_passes_once_filled(conn):
    conn.execute(
        "UPDATE profile SET name = 'Sam Lee', job_title = 'a data analyst at a logistics firm',"
        " focus = 'product management in health tech'"
    )
    blanks = {
        "shared_group": "the Leeds alumni network",
        "their_work": "article on patient onboarding",
        "what_struck_you": "the part about first-week drop-off",
    }
    values = {
        "first_name": "Ana",
        "company": "Acme Health",
        "position": "product lead",
        "mutual_first_name": "Maria",
        "last_written": "3 November",
        **blanks,
    }
    values |= outreach.placeholder_values(conn, None)
    templates = outreach.list_templates(conn)
    assert len(templates) == 5 and all(t.builtin for t in templates)
    for template in templates:
        subject, body = (
            outreach.fill(template.subject, values),
            outreach.fill(template.body, values),
        )
        assert outreach.unfilled_placeholders(subject, body) == ()
        results = {c.key: c.status for c in outreach.check_email(body, subject)}
        assert set(results.values()) == {"pass"}, (template.name, results)


# --- a blank still to fill covers no point -------------------------------------------------


def test_a_point_resting_on_an_unfilled_placeholder_is_not_covered():
    body = GOOD.replace("Maria Lopez suggested", "{mutual_first_name} suggested").replace(
        "I read your article", "Your article"
    )
    checks = {c.key: c for c in outreach.check_email(body, "A question from a fellow analyst")}
    # the subject says what connects you, so the point is covered without the blank
    assert checks["connection"].status == "pass"
    checks = {c.key: c for c in outreach.check_email(body, "{mutual_first_name} suggested I")}
    assert checks["connection"].status == "warn"
    assert checks["connection"].hint == (
        "Fill in {mutual_first_name} first: until then this point is not covered."
    )
    # the points the blank has nothing to do with stay as they were
    assert {k: c.status for k, c in checks.items() if k != "connection"} == dict.fromkeys(
        ("introduction", "competence", "ask", "time", "no_job_request", "length"), "pass"
    )


def test_the_built_in_templates_with_blanks_cover_no_point_through_them(conn):
    conn.execute(
        "UPDATE profile SET name = 'Sam Lee', job_title = 'a data analyst at a logistics firm',"
        " focus = 'product management in health tech'"
    )
    lone = conn.execute(
        "INSERT INTO contacts (profile_key, first_name) VALUES ('x', 'Bo') RETURNING id"
    ).fetchall()[0][0]
    mutual = outreach.compose(conn, 1, lone)  # "Through a mutual connection", no mutual contact
    assert "I saw that we both know {mutual_first_name}," in mutual.body
    checks = {c.key: c.status for c in outreach.check_email(mutual.body, mutual.subject)}
    assert checks["connection"] == "warn"
    cold = outreach.compose(conn, 3, lone)  # "I read your {their_work} and it stayed with me"
    checks = {c.key: c.status for c in outreach.check_email(cold.body, cold.subject)}
    assert (checks["connection"], checks["competence"]) == ("warn", "warn")


# --- a blank profile is no mistake in the draft --------------------------------------------

# The built-in cold template's introduction, as composed while Settings is still blank.
COLD_WITH_BLANK_PROFILE = GOOD.replace(
    "I'm Sam Lee, a data analyst at a logistics firm, and I'm\nlearning about product "
    "management in health tech.",
    "I'm {my_name}, {my_role}, and I'm learning about {my_focus}.",
).replace("Thank you,\nSam", "Thank you for considering it,\n{my_name}")


def test_an_introduction_waiting_for_the_profile_says_to_fill_in_settings():
    """'I'm {my_name}, {my_role}' is the template's line, not the user's slip: it is worth a
    look, as the other unfilled points are, and says where the details go."""
    checks = {c.key: c for c in outreach.check_email(COLD_WITH_BLANK_PROFILE)}
    assert checks["introduction"].status == "warn"
    assert checks["introduction"].hint == (
        "Add your name, role and focus in Settings, and the draft fills them in."
    )
    # the points the profile has nothing to do with stay as they were
    assert {k: c.status for k, c in checks.items() if k != "introduction"} == dict.fromkeys(
        ("connection", "competence", "ask", "time", "no_job_request", "length"), "pass"
    )


def test_with_only_the_role_missing_the_introduction_asks_for_the_role():
    body = COLD_WITH_BLANK_PROFILE.replace("{my_name}", "Sam Lee")
    [introduction] = [c for c in outreach.check_email(body) if c.key == "introduction"]
    assert (introduction.status, introduction.hint) == (
        "warn",
        "Add your role and focus in Settings, and the draft fills them in.",
    )
    body = body.replace(", and I'm learning about {my_focus}", "")
    [introduction] = [c for c in outreach.check_email(body) if c.key == "introduction"]
    assert introduction.hint == "Add your role in Settings, and the draft fills it in."


def test_an_introduction_the_user_typed_as_a_placeholder_still_needs_fixing():
    """Settings would not fill '[Your name], [your role]': that line is the draft's to fix."""
    body = COLD_WITH_BLANK_PROFILE.replace("{my_name}, {my_role}", "[Your name], [your role]")
    [introduction] = [c for c in outreach.check_email(body) if c.key == "introduction"]
    assert (introduction.status, introduction.hint) == (
        "fail",
        "Introduce yourself in a sentence: who you are, what you do.",
    )


def test_the_blanks_to_fill_in_leave_out_the_details_settings_fills():
    """{my_name} and the like have their own pointer to Settings: 'Fill in … first' names only
    the blanks that are the draft's to write, and none when only the profile's are left."""
    body = COLD_WITH_BLANK_PROFILE.replace(
        "I read your article on patient onboarding", "I read your {their_work}"
    )
    checks = {c.key: c for c in outreach.check_email(body, "A question")}
    assert checks["competence"].hint == (
        "Fill in {their_work} first: until then this point is not covered."
    )
    assert checks["introduction"].hint == (
        "Add your name, role and focus in Settings, and the draft fills them in."
    )
    # the praise rests on a sentence holding the user's first name alone
    body = GOOD.replace(
        "I read your article on patient onboarding",
        "I read your article on patient onboarding, {my_first_name},",
    )
    checks = {c.key: c for c in outreach.check_email(body, "A question")}
    assert (checks["competence"].status, checks["competence"].hint) == (
        "warn",
        "Add your name in Settings, and the draft fills it in.",
    )
    # a blank of the draft's own elsewhere does not make the praise wait for it
    checks = {c.key: c for c in outreach.check_email(body, "A question from {shared_group}")}
    assert checks["competence"].hint == "Add your name in Settings, and the draft fills it in."
