"""mpsbook.rate.verdicts: official figures read as intervals from their words."""



import mpsbook


def test_official_hedges_are_read_from_their_words():
    assert mpsbook.reference_interval(80_000, "lower") == (80_000, 90_000)  # 8万余: over 80,000
    assert mpsbook.reference_interval(400_000, "upper") == (300_000, 400_000)  # nearly 400,000
    assert mpsbook.reference_interval(200_000_000, "approx") == (150_000_000, 250_000_000)
    assert mpsbook.reference_interval(21.9, "exact") == (21.9, 21.9)
    assert mpsbook.rate.verdicts.figure_step(23_600_000_000) == 100_000_000


def test_nearly_a_power_of_ten_does_not_run_down_to_zero():
    assert mpsbook.reference_interval(100_000, "upper") == (90_000, 100_000)


def test_cards_count_people_and_suspects_count_people():
    assert mpsbook.rate.verdicts.units_match("cards", "people")
    assert not mpsbook.rate.verdicts.units_match("cards", "cases")
