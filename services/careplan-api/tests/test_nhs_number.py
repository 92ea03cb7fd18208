"""The NHS number Modulus 11 check, against published example numbers
(943 476 5919 worked by hand: 299 mod 11 = 2, 11 - 2 = 9)."""

import pytest

from careplan_api import nhs_number


@pytest.mark.parametrize("number", ["9434765919", "4010232137", "9000000009", "6328797966", "4505577104"])
def test_known_valid_numbers_pass(number: str) -> None:
    assert nhs_number.problem(number) is None


@pytest.mark.parametrize("number", ["9434765918", "9434765910", "4010232138", "6328797965"])
def test_wrong_check_digit_fails(number: str) -> None:
    assert "check digit" in (nhs_number.problem(number) or "")


def test_check_digit_of_ten_means_no_valid_number() -> None:
    # 1,2,3,...: 10+18+24+28+30+30+28+24+18 = 210; 210 % 11 = 1; 11 - 1 = 10 -> never valid.
    assert nhs_number.check_digit("123456789") is None
    assert nhs_number.problem("1234567890") is not None


@pytest.mark.parametrize("digit", "0123456789")
def test_one_repeated_digit_is_refused(digit: str) -> None:
    assert "repeated" in (nhs_number.problem(digit * 10) or "")


@pytest.mark.parametrize("number", ["943476591", "94347659199", "943476591X", ""])
def test_wrong_length_or_letters_fail(number: str) -> None:
    assert "10 digits" in (nhs_number.problem(number) or "")


def test_normalise_and_display() -> None:
    assert nhs_number.normalise("943 476-5919") == "9434765919"
    assert nhs_number.display("9434765919") == "943 476 5919"

