"""Development tool: (re)write the papers' text files from the seed packs.

    .venv/bin/moot shell -c "from demo.kent.papers.extract import main; main([])"
    .venv/bin/moot shell -c "from demo.kent.papers.extract import main; main(['--check'])"

(arguments: ``--check`` lists the files that differ instead of writing; a path is SEEDS_DIR)

SEEDS_DIR defaults to the shared seeds beside the repository (``../shared/seeds``). The text
ships in the repository so the demo loads without the seeds; this keeps it traceable to them.
"""

from __future__ import annotations

from pathlib import Path

from .spec import DATA, FRONT_SHEETS, SEEDS, Paper

DEFAULT_SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def seed_lines(seeds: Path, paper: Paper) -> str:
    """The seed's lines ``paper.lines`` (inclusive), as the data file holds them."""
    return _lines(seeds, paper.source.split("-", 1)[0], *paper.lines)


def _lines(seeds: Path, pack: str, first: int, last: int) -> str:
    lines = (seeds / SEEDS[pack]).read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[first - 1 : last]) + "\n"


def data_files(seeds: Path) -> dict[Path, str]:
    """Each data file taken from the seeds → the text it should hold."""
    files = {
        DATA / f"{pack}-front-sheet.txt": _lines(seeds, pack, *span)
        for pack, span in FRONT_SHEETS.items()
    }
    from . import all_papers

    files.update({p.path: seed_lines(seeds, p) for p in all_papers() if p.lines is not None})
    return files


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    seeds = Path(args[0]) if args else DEFAULT_SEEDS
    differ = []
    for path, text in data_files(seeds).items():
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    for name in differ:
        print(f"differs from the seeds: {name}")
    return 1 if differ else 0
