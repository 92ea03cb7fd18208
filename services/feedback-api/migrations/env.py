from carehub_kit.migrations import run_env
from feedback_api.db import metadata

run_env(metadata)
