import careplan_api.models  # noqa: F401  (registers every table on the metadata)
from carehub_kit.migrations import run_env
from careplan_api.db import metadata

run_env(metadata)
