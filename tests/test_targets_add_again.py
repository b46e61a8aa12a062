"""Adding a company already on the list says where to change it.

The walkthrough: 'Acme Logistics is already on your list (target).' and nothing more: the
user did not know where to go next.
"""

from __future__ import annotations

import pytest

from infoint import targets
from infoint.errors import InvalidInputError


def test_adding_a_company_on_the_list_says_where_to_change_it(conn):
    targets.add_company(conn, "Gamma", industry="Energy")
    with pytest.raises(InvalidInputError) as refused:
        targets.add_company(conn, "gamma")
    assert str(refused.value) == (
        "Gamma is already on your list (target). To change it, type its name in “Company name "
        "contains” above the table."
    )
