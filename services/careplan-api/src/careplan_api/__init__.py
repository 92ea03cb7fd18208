"""Care Hub care planning API."""
