"""db.rolled_back: a write tried to see its effect, never kept."""

import pytest

from infoint import contacts, db


def test_what_is_written_inside_is_gone_after_whether_or_not_it_raised(conn):
    ann = contacts.add_contact(conn, "Ann", "Lee")
    version = db.data_version(conn)
    with db.rolled_back(conn):
        conn.execute("UPDATE contacts SET notes = 'tried' WHERE id = ?", [ann])
        assert contacts.get_contact(conn, ann).notes == "tried"  # seen inside
    assert contacts.get_contact(conn, ann).notes == ""
    with pytest.raises(ValueError, match="stop"), db.rolled_back(conn):
        conn.execute("UPDATE contacts SET notes = 'tried' WHERE id = ?", [ann])
        raise ValueError("stop")
    assert contacts.get_contact(conn, ann).notes == ""
    assert db.data_version(conn) == version  # nothing changed, so nothing cached is stale
