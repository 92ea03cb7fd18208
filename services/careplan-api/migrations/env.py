from carehub_kit.migrations import run_env
from careplan_api.db import metadata

run_env(metadata)
