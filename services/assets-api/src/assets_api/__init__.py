"""Care Hub assets-api: the estate and equipment database."""
