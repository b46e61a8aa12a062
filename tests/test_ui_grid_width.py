"""`ui.grid_column_px`: a data grid column as wide as the longest words it shows, within bounds."""

from infoint import ui


def test_a_long_name_gets_a_column_it_fits_in_whole():
    # 142 px of words in the grid's font (measured in Chromium), and 8 px of padding each side:
    # at least 158 px, and not much more, since each letter is rounded up to half a pixel
    assert 158 <= ui.grid_column_px(["Ann Lee", "Priya Raghunathan, PhD"], (120, 260)) <= 170


def test_short_words_keep_the_least_width_and_long_ones_stop_at_the_most():
    assert ui.grid_column_px(["Al"], (120, 260)) == 120
    assert ui.grid_column_px(["W" * 40], (120, 260)) == 260
    assert ui.grid_column_px([], (100, 170)) == 100


def test_accented_and_wide_letters_are_not_measured_narrower_than_they_draw():
    assert ui.grid_words_px("Zoë Núñez") == ui.grid_words_px("Zoe Nunez")
    assert ui.grid_words_px("山田") == 28.0
