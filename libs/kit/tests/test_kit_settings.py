"""Settings from the environment: a bad or missing one stops start-up with one line naming it."""

import pytest
from kit_widgets.main import KitTestSettings
from pydantic_settings import SettingsConfigDict

from carehub_kit.settings import ServiceSettings, SettingsError, load_settings

GOOD_URL = "postgresql://carehub:s3cret-pw@db.example:5432/carehub"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "KITTEST_DB_POOL_SIZE", "KITTEST_LOG_LEVEL", "DB_POOL_SIZE"):
        monkeypatch.delenv(name, raising=False)


def one_line(error: pytest.ExceptionInfo[SettingsError]) -> str:
    message = str(error.value)
    assert message
    assert "\n" not in message
    assert error.value.code == message  # SystemExit: Python prints just this line and exits 1
    return message


class TestSettings:
    def test_reads_the_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("DATABASE_URL", GOOD_URL)
        monkeypatch.setenv("KITTEST_DB_POOL_SIZE", "7")
        monkeypatch.setenv("DB_POOL_SIZE", "99")  # unprefixed: not this service's setting
        settings = load_settings(KitTestSettings)
        assert (settings.database_url, settings.db_pool_size) == (GOOD_URL, 7)

    @pytest.mark.parametrize("settings_cls", [ServiceSettings, KitTestSettings])
    def test_missing_database_url_is_named(self, settings_cls: type[ServiceSettings]) -> None:
        with pytest.raises(SettingsError) as error:
            load_settings(settings_cls)
        message = one_line(error)
        assert "DATABASE_URL" in message
        assert "not set" in message

    @pytest.mark.parametrize("url", ["mysql://carehub:s3cret-pw@db/carehub", "sqlite:///s3cret-pw.db"])
    def test_non_postgres_url_is_invalid(self, monkeypatch: pytest.MonkeyPatch, url: str) -> None:
        monkeypatch.setenv("DATABASE_URL", url)
        with pytest.raises(SettingsError) as error:
            load_settings(KitTestSettings)
        message = one_line(error)
        assert "DATABASE_URL" in message
        assert "invalid" in message
        assert "s3cret-pw" not in message

    @pytest.mark.parametrize("value", ["abc", "0", "1000"])
    def test_bad_prefixed_setting_names_the_prefixed_variable(
        self, monkeypatch: pytest.MonkeyPatch, value: str,
    ) -> None:
        monkeypatch.setenv("DATABASE_URL", GOOD_URL)
        monkeypatch.setenv("KITTEST_DB_POOL_SIZE", value)
        with pytest.raises(SettingsError) as error:
            load_settings(KitTestSettings)
        message = one_line(error)
        assert "KITTEST_DB_POOL_SIZE" in message
        assert "invalid" in message


def test_shared_setting_is_named_without_the_service_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    class PrefixedSettings(ServiceSettings):
        model_config = SettingsConfigDict(env_prefix="ASSETS_", extra="ignore", frozen=True, validate_by_name=True)

    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SettingsError) as caught:
        load_settings(PrefixedSettings)
    assert str(caught.value) == "configuration error: DATABASE_URL is not set"
