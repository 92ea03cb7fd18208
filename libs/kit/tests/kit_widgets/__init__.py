"""A tiny test-only service built on carehub_kit: widgets in the `kit_test` schema."""
