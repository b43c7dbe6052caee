"""The user's configuration: one TOML file, validated, with every default spelled out."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from factcheck_tui.core.errors import ConfigError, InputError
from factcheck_tui.core.limits import Limits
from factcheck_tui.core.models import Status
from factcheck_tui.core.scale import DEFAULT_SCALE, VerdictLabel, VerdictScale
from factcheck_tui.core.text import clean_data, clean_text

APP_NAME = "factcheck-tui"
CONFIG_ENV = "FACTCHECK_CONFIG"
DB_ENV = "FACTCHECK_DB"


def default_reviewer() -> str:
    for variable in ("FACTCHECK_REVIEWER", "USER", "LOGNAME"):
        if os.environ.get(variable):
            return clean_text(os.environ[variable])
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


class Organisation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = ""
    url: str = ""
    # Where published checks live, for ClaimReview's url; {story_id}, {claim_id} and {number} are filled in.
    review_url: str = ""


class Matching(BaseModel):
    """Score thresholds of claim matching (see bench/eval_matching.py and eval_matching_cli.py).
    A match at 0.80 or above was right 98% of the time for independent claim/headline pairs and
    for the CheckThat! tweets' top matches, and 96% for every mark in the train tweets' top 5,
    whose archive holds several checks of one claim. Cross-validated over the pairs, the lowest
    step holding 97% on the pairs and 96% on the tweets was 0.77 in every fold; 0.80 keeps a
    margin. A story's claim and another claim must also pass the newsroom check
    (``same_claim``) to be likely. At 0.50, 96% of tweets' top matches and one in two of our hard pairs."""

    model_config = ConfigDict(extra="forbid")
    possible: float = Field(default=0.5, ge=0.0, le=1.0)
    likely: float = Field(default=0.80, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _ordered(self) -> Matching:
        if self.likely < self.possible:
            raise ValueError("'likely' must be at least 'possible'")
        return self

    @property
    def below_likely(self) -> float:
        return below_likely(self.possible, self.likely)


def below_likely(possible: float, likely: float) -> float:
    """What a pair that must not be marked scores at most: just below "likely", never below
    "possible" (shown as possible, worth a look)."""
    return max(possible, round(likely - 0.01, 2))


class Workflow(BaseModel):
    """With ``second_review`` a claim is Done only once a second reviewer approves it, and reports
    publish approved claims only."""

    model_config = ConfigDict(extra="forbid")
    second_review: bool = False


class Desk(BaseModel):
    """The desk's reviewers, offered when a claim is assigned (names already in the history are too)."""

    model_config = ConfigDict(extra="forbid")
    reviewers: list[str] = Field(default_factory=list)

    @field_validator("reviewers")
    @classmethod
    def _named(cls, names: list[str]) -> list[str]:
        cleaned = [" ".join(name.split()) for name in names]
        if not all(cleaned):
            raise ValueError("a reviewer's name cannot be empty")
        return cleaned


class ExportSettings(BaseModel):
    """``[export]``: where the export dialog suggests writing reports until a reviewer picks a folder."""

    model_config = ConfigDict(extra="forbid")
    folder: Path | None = None


class SavedFilter(BaseModel):
    """A named filter, ``[filters.NAME]``: the same choices as the ``claims`` command's flags."""

    model_config = ConfigDict(extra="forbid")
    tag: list[str] = Field(default_factory=list)
    assignee: list[str] = Field(default_factory=list)
    status: list[str] = Field(default_factory=list)
    verdict: list[str] = Field(default_factory=list)
    checkworthy: bool = False
    unreviewed: bool = False
    search: str = ""

    @field_validator("tag", "assignee", "status", "verdict", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("status")
    @classmethod
    def _known_statuses(cls, values: list[str]) -> list[str]:
        for value in values:
            try:
                Status.parse(value)
            except ValueError:
                raise ValueError(
                    f"unknown status {value!r}; choose from {', '.join(member.value for member in Status)}"
                ) from None
        return values


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewer: str = Field(default_factory=default_reviewer, min_length=1)
    database: Path | None = None
    # The Unix group a new database is shared with (a newsroom database: folders 2770, files
    # 0660); empty for a database private to its creator. See 'factcheck init --group'.
    group: str = ""
    theme: str = "textual-dark"
    organisation: Organisation = Field(default_factory=Organisation)
    verdicts: list[VerdictLabel] = Field(default_factory=lambda: list(DEFAULT_SCALE.labels))
    matching: Matching = Field(default_factory=Matching)
    keys: dict[str, str] = Field(default_factory=dict)
    limits: Limits = Field(default_factory=Limits)
    workflow: Workflow = Field(default_factory=Workflow)
    desk: Desk = Field(default_factory=Desk)
    filters: dict[str, SavedFilter] = Field(default_factory=dict)
    # ``[reviewers]``: login -> the name reports print ("maria" = "Maria Okafor").
    reviewers: dict[str, str] = Field(default_factory=dict)
    export: ExportSettings = Field(default_factory=ExportSettings)

    @field_validator("reviewers")
    @classmethod
    def _display_names(cls, names: dict[str, str]) -> dict[str, str]:
        cleaned = {login: " ".join(name.split()) for login, name in names.items()}
        empty = [login for login, name in cleaned.items() if not name]
        if empty:
            raise ValueError(f"the display name of {empty[0]!r} is empty")
        return cleaned

    @field_validator("verdicts")
    @classmethod
    def _valid_scale(cls, labels: list[VerdictLabel]) -> list[VerdictLabel]:
        VerdictScale(labels=labels)
        return labels

    @model_validator(mode="after")
    def _filters_use_the_scale(self) -> Config:
        scale = self.scale
        for name, saved in self.filters.items():
            for verdict in saved.verdict:
                try:
                    scale.resolve(verdict)
                except InputError as error:
                    raise ValueError(f"filters.{name}.verdict: {error}") from None
        return self

    @property
    def scale(self) -> VerdictScale:
        return VerdictScale(labels=self.verdicts)


def default_config_path() -> Path:
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]).expanduser()
    import platformdirs  # only when nothing names the file: most commands never need it

    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_database_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "newsroom"


def load_config(path: Path | None = None) -> tuple[Config, Path]:
    """The effective configuration and the file it came from.

    The default file need not exist (then every default applies); a file the user named must.
    """
    named = path is not None
    path = path or default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if named:
            raise ConfigError(f"{path}: no such config file") from None
        return Config(), path
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config ({error.strerror})") from None
    import tomllib  # only when there is a file to read

    try:
        raw: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    try:
        return Config.model_validate(clean_data(raw)), path
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise ConfigError(f"{path}: {key}: {first['msg']}") from None


def resolve_database(cli_value: str | None, config: Config) -> Path:
    """``--db`` wins over ``$FACTCHECK_DB``, which wins over the config, then the platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    if config.database:
        return config.database.expanduser()
    return default_database_path()
