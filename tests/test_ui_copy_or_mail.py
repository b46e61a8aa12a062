"""ui.copy_or_mail: with an email address on file, the draft to copy and a link opening the
email program addressed to them; without one, no link (it opened a message to no one, as if
addressed), the draft to copy, and a caption saying why."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import copy_texts
from tests.test_page_meetings import (  # noqa: F401 (fixtures)
    meetings_page,
    past_meeting,
    replied,
    run,
    thank_ana,
    thanks_due,
)


def copy_or_mail_app(address: str, missing: tuple[str, ...] = ()) -> AppTest:
    def app(address: str, missing: tuple[str, ...]) -> None:
        from infoint import ui

        ui.copy_or_mail(address, "Thank you, Ana", "Hi Ana,\nThank you.\nSam", missing)

    at = AppTest.from_function(app, kwargs={"address": address, "missing": missing})
    at.run()
    assert not at.exception, at.exception
    return at


def test_with_an_address_the_link_opens_a_message_to_them():
    at = copy_or_mail_app("ana@example.org")
    [link] = at.get("link_button")
    assert link.proto.url.startswith("mailto:ana@example.org?subject=Thank%20you%2C%20Ana")
    assert at.caption[0].value.endswith("or open your email program.")


def test_without_an_address_only_the_copy_is_offered_and_the_caption_says_why():
    for nobody in ("", "   "):
        at = copy_or_mail_app(nobody)
        assert not at.get("link_button")
        assert copy_texts(at) == ["Subject: Thank you, Ana\n\nHi Ana,\nThank you.\nSam"]
        assert "no email address on file" in at.caption[0].value
        assert "no link to your email program" in at.caption[0].value


def test_a_half_written_message_without_an_address_promises_no_email_program():
    at = copy_or_mail_app("", missing=("{my_first_name}",))
    assert not at.get("link_button") and not copy_texts(at)
    assert at.info[0].value.startswith("The message can be copied once it has text")
    at = copy_or_mail_app("ana@example.org", missing=("{my_first_name}",))
    assert at.info[0].value.startswith("Copying and your email program open once")


def test_the_thank_you_to_someone_with_no_address_offers_the_copy_alone(thanks_due):  # noqa: F811
    at = thank_ana(meetings_page())
    body = at.text_area(key="thanks_body_1")
    body.set_value(body.value.replace("{my_first_name}", "Sam"))
    run(at)
    assert not at.get("link_button")
    [copy] = copy_texts(at)
    assert copy.startswith("Subject: Thank you, Ana\n\nHi Ana,")
    assert any("no link to your email program" in c.value for c in at.caption)
    # with an address: tests/test_page_meetings.py, the thank-you can be copied or opened
