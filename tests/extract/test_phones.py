"""mpsbook.extract.phones: phone, hotline and emergency numbers that only their context shows."""

from mpsbook.extract.phones import phone_spans


def test_digits_in_groups_and_emergency_numbers_after_dial_are_phone_numbers():
    text = "Call 6520 3000 or dial 110 or 119 for help"
    assert {text[start:end] for start, end in phone_spans(text)} == {"6520 3000", "110", "119"}


def test_a_count_is_no_phone_number():
    assert phone_spans("Police solved 110 cases and arrested 3000 suspects") == []
