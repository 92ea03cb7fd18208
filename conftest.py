# The shared test plugin: one throwaway database per run (see carehub_kit.testing).
pytest_plugins = ["carehub_kit.testing"]
