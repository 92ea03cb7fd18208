"""The README's permission table is the matrix in code (so the docs cannot drift)."""

from pathlib import Path

from carehub_kit.auth import Role
from careplan_api.permissions import MATRIX, Action

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_matrix_matches_the_code() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- permission-matrix:start -->\n")[1].split("<!-- permission-matrix:end -->")[0]
    rows = table.strip().splitlines()[2:]
    expected = [f"| `{a.value}` | " + " | ".join("✔" if MATRIX.allows((r,), a) else "–" for r in Role) + " |"
                for a in Action]
    assert rows == expected
