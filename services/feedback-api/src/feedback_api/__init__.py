"""Care Hub feedback API."""
