"""'Prepare for your meeting with …' says what to read up on that is true for them: the
company they work at, or, for someone with no company on record or only a placeholder such as
'N/A' or 'Self-employed' (`contacts.employer`), the person and their work. It said 'read up on
the company' to everyone, though the prep sheet says there is none to read up on for them."""

from datetime import UTC, datetime

import pytest

from infoint import contacts, meetings

MEETS = datetime(2026, 3, 12, 15, tzinfo=UTC)  # a Thursday
NOW = datetime(2026, 3, 11, 9, tzinfo=UTC)  # the day before: time to prepare


def prepare_detail(conn, contact_id: int) -> str:
    meetings.schedule_meeting(conn, contact_id, MEETS)
    [item] = meetings.due_items(conn, NOW)
    assert item.kind == "prepare"
    return item.detail


def test_someone_at_a_company_is_prepared_for_by_reading_up_on_it(conn):
    ana = contacts.add_contact(conn, "Ana", "Lee", company="Acme")
    assert prepare_detail(conn, ana).endswith("Pick a few questions and read up on the company.")


@pytest.mark.parametrize("company", ["N/A", "Self-employed", "", " freelance "])
def test_someone_with_no_company_is_prepared_for_by_reading_up_on_them(conn, company):
    sam = contacts.add_contact(conn, "Sam", "Ng", company=company)
    detail = prepare_detail(conn, sam)
    assert detail.endswith("Pick a few questions and read up on Sam Ng and their work.")
    assert "company" not in detail
