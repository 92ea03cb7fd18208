"""NHS numbers: 10 digits, the last a Modulus 11 check digit (NHS Data Dictionary, "NHS Number").

The published algorithm: multiply the first nine digits by weights 10 down to 2, add the
products, take the remainder on division by 11 and subtract it from 11. A result of 11 makes
the check digit 0; a result of 10 means the number is not valid. Numbers made of one repeated
digit (0000000000, 1111111111, ...) pass the arithmetic but are never issued, so they are refused.
"""

import re

_SEPARATORS = re.compile(r"[\s-]")


def normalise(value: str) -> str:
    """'943 476 5919' / '943-476-5919' -> '9434765919' (validation is separate)."""
    return _SEPARATORS.sub("", value)


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no valid number starts with them."""
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    result = 11 - total % 11
    if result == 10:
        return None
    return 0 if result == 11 else result


def problem(digits: str) -> str | None:
    """Why `digits` is not a valid NHS number, or None when it is."""
    if not re.fullmatch(r"[0-9]{10}", digits):
        return "must be 10 digits, such as 943 476 5919"
    if len(set(digits)) == 1:
        return "is not an NHS number (one repeated digit)"
    if check_digit(digits[:9]) != int(digits[9]):
        return "is not a valid NHS number (the check digit does not match)"
    return None


def display(digits: str) -> str:
    """Shown 3-3-4, as NHS guidance asks: '943 476 5919'."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
