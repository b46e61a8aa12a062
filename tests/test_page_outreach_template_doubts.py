"""Saving a template on Outreach: a slip in its braces is said beside 'saved'."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from infoint import contacts, db, outreach
from infoint.text import plain_markdown

ROOT = Path(__file__).resolve().parent.parent
SAVE = "FormSubmitter:template_form_-1-Save template"


def save_new_template(app_db, name: str, body: str) -> AppTest:
    conn = db.connect(app_db)
    contacts.add_contact(conn, "Ana", "Silva", company="Acme")
    conn.close()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.switch_page("pages/3_outreach.py")
    at.run()
    at.text_input(key="template_name_-1").set_value(name)
    at.text_area(key="template_body_-1").set_value(body)
    at.button(key=SAVE).click()
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_a_misspelt_field_is_saved_and_named(app_db):
    at = save_new_template(app_db, "My quick one", "Hi {firstname}, {{broken")
    assert plain_markdown("Template 'My quick one' saved.") in at.success[0].value
    assert [w.value for w in at.warning] == [
        plain_markdown(
            "{firstname} is not a field infoint fills in; did you mean {first_name}? The "
            "message has a brace without its pair: a field is written with one on each side, "
            "like {first_name}."
        )
    ]
    conn = db.connect(app_db)
    [mine] = [t for t in outreach.list_templates(conn) if t.name == "My quick one"]
    conn.close()
    assert mine.body == "Hi {firstname}, {{broken"
    at.run()  # said once
    assert not at.warning


def test_a_blank_of_the_users_own_is_saved_without_a_word(app_db):
    at = save_new_template(app_db, "After a meetup", "Hi {first_name}, we met at {event}.")
    assert plain_markdown("Template 'After a meetup' saved.") in at.success[0].value
    assert not at.warning
