import kit_widgets.models  # noqa: F401  (registers the widget table on the metadata)
from kit_widgets.db import metadata

from carehub_kit.migrations import run_env

run_env(metadata)
