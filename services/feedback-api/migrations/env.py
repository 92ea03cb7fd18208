from feedback_api.db import metadata
from carehub_kit.migrations import run_env

run_env(metadata)
