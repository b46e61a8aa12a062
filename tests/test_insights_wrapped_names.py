"""`insights.wrapped_row_height`: rows tall enough for a table's longest name, wrapped."""

from infoint import insights

# Widths measured in Chromium in the grid's font (14 px Source Sans): the guess is never less.
MEASURED = {
    "Cold, after reading their profile or work": 226.2,
    "One polite follow-up (a follow-up template)": 252.1,
    "Information Technology and Services": 216.8,
    "(a template since removed)": 158.7,
    "mmmmmmmmmm": 116.1,
    "WWWWWWWWWW": 110.0,
}


def test_a_name_is_guessed_no_narrower_than_the_browser_draws_it():
    for name, width in MEASURED.items():
        assert width <= insights._guessed_width(name) <= 1.2 * width, name


def test_short_names_keep_the_grids_own_rows():
    assert insights.wrapped_row_height(["1st degree", "Cold", "(not logged)"], 100) is None
    assert insights.wrapped_row_height([], 100) is None


def test_rows_grow_with_the_lines_of_the_longest_name():
    two = insights.wrapped_row_height(["Through a mutual connection"], 100)
    four = insights.wrapped_row_height(
        ["1st degree", "Cold, after reading their profile or work"], 100
    )
    assert two == insights.WRAPPING_ROW  # the grid wraps only in rows taller than 64 px
    assert four > two
    # 4 lines 1.4 × 14 px apart, under 3 px of padding, fit
    assert four >= 3 + 14 + 3 * 1.4 * 14
    # wider, the same name takes fewer lines
    assert insights.wrapped_row_height(["Cold, after reading their profile or work"], 300) is None


def test_a_word_longer_than_a_line_is_broken_and_counted():
    assert insights._lines("Telecommunications", 84) == 2
    assert insights._lines("", 84) == 1


def test_one_very_long_name_does_not_make_every_row_a_page_tall():
    longest = insights.wrapped_row_height(["word " * 200], 100)
    assert longest == insights.wrapped_row_height(["word " * 80], 100)
    assert longest < 170


def test_a_table_of_wrapped_rows_shows_ten_of_them_as_the_grid_shows_ten_of_its_own():
    assert insights.wrapped_table_height(40, None) == "auto"
    assert insights.wrapped_table_height(4, 84) == insights.HEADER_ROW + 4 * 84 + 2
    assert insights.wrapped_table_height(40, 84) == insights.HEADER_ROW + 10 * 84 + 2
