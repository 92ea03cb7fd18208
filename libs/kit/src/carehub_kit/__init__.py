"""carehub_kit: the plumbing every Care Hub service shares. No domain code lives here."""
