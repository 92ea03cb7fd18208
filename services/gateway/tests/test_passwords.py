"""The password policy and argon2id hashing."""

import pytest

from carehub_gateway.passwords import HashSettings, Passwords, PolicyError, check_policy, common_passwords

CHEAP = HashSettings(time_cost=1, memory_kib=64, parallelism=1)


@pytest.mark.parametrize(("password", "why"), [
    ("short-pass1", "at least 12 characters"),
    ("", "at least 12 characters"),
    ("password1234", "too common"),
    ("QwertyUiop12", "too common"),  # whatever the case
    ("x" * 1025, "at most 1024"),
    ("my-name-is-care.worker!", "must not contain the username"),
])
def test_weak_passwords_are_refused_with_the_reason(password: str, why: str) -> None:
    with pytest.raises(PolicyError, match=why) as refused:
        check_policy(password, username="care.worker")
    assert password not in str(refused.value) or not password  # the message never repeats it


def test_good_passwords_pass() -> None:
    for password in ("carehub-demo-2026", "twelve chars", "a long passphrase about tea and biscuits"):
        check_policy(password, username="care.worker")


def test_the_common_list_is_bundled_and_long_enough_to_matter() -> None:
    words = common_passwords()
    assert 90 <= len(words) <= 200
    assert "password1234" in words
    assert all(w == w.lower() for w in words)


async def test_argon2id_hash_verify_and_rehash() -> None:
    passwords = Passwords(CHEAP)
    hashed = await passwords.hash("a fine long password")
    assert hashed.startswith("$argon2id$")
    assert await passwords.verify(hashed, "a fine long password")
    assert not await passwords.verify(hashed, "a wrong long password")
    assert not await passwords.verify("not a hash", "a fine long password")
    assert not await passwords.verify(None, "a fine long password")  # the dummy: same work, False
    assert not passwords.needs_rehash(hashed)
    assert Passwords(HashSettings(time_cost=2, memory_kib=64, parallelism=1)).needs_rehash(hashed)


def test_the_default_cost_is_argon2s_recommended_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TIME_COST", "MEMORY_KIB", "PARALLELISM"):
        monkeypatch.delenv(f"GATEWAY_PASSWORD_HASH_{name}", raising=False)
    assert HashSettings() == HashSettings(time_cost=3, memory_kib=65_536, parallelism=4)
