"""The same data and --as-of give byte-identical reports and plans, in every
format and language, whatever Python's hash seed (set order, dict order of
sets turned into lists …)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent.parent.parent / "data"

# One process per seed makes every output, so the test costs two start-ups.
PROGRAM = """
import sys
from pathlib import Path
from typer.testing import CliRunner
from askoy2020.cli.app import app

data, out = sys.argv[1], Path(sys.argv[2])
runs = {
    "report.nb.md": ["report", "--year", "2020", data, "--as-of", "2020-10-31"],
    "report.en.html": ["report", "--year", "2020", data, "--as-of", "2020-10-31", "--lang", "en", "--format", "html"],
    "report.public.md": ["report", "--year", "2020", data, "--as-of", "2020-10-31", "--public"],
    "plan.yaml": ["prioritise", data, "--as-of", "2020-10-31", "--format", "yaml"],
    "plan.json": ["prioritise", data, "--as-of", "2020-10-31", "--format", "json", "--scenario", "uten-robot"],
    "plan.csv": ["prioritise", data, "--as-of", "2020-10-31", "--format", "csv", "--no-explain"],
}
for name, args in runs.items():
    result = CliRunner().invoke(app, args, env={"ASKOY2020_NO_CACHE": "1"})
    assert result.exit_code == 0, (name, result.output)
    (out / name).write_text(result.stdout, encoding="utf-8")
"""


def test_reports_and_plans_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    made = {}
    for seed in ("0", "1", "4242"):
        out = tmp_path / seed
        out.mkdir()
        subprocess.run([sys.executable, "-c", PROGRAM, str(DATA), str(out)], check=True, timeout=600,
                       env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        made[seed] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(made["0"]) == 6 and all(made["0"].values())
    assert made["0"] == made["1"] == made["4242"]
