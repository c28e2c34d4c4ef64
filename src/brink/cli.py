"""Command-line interface (placeholder until the pipeline lands)."""


def main() -> None:
    raise SystemExit("brink: not built yet")
