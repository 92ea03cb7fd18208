from carehub_gateway.db import metadata
from carehub_kit.migrations import run_env

run_env(metadata)
