"""carehub_gateway: the edge of Care Hub. Serves the web app, mounts the three APIs on one port,
and provides the `carehub` command."""
