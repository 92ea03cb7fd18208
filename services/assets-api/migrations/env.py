from assets_api import models  # noqa: F401  (registers every table)
from assets_api.db import metadata
from carehub_kit.migrations import run_env

run_env(metadata)
