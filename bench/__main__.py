"""`python -m bench [name …]`: run the benchmarks and print their figures.

Each benchmark sets Django up on its own database, so with more than one name each runs in a
process of its own.
"""

import subprocess
import sys

from . import (
    cache_bench,
    load_bench,
    pack_bench,
    scale_bench,
    search_bench,
    serve_bench,
    workers_bench,
)

BENCHES = {
    "pack": pack_bench.main,
    "search": search_bench.main,
    "cache": cache_bench.main,
    "serve": serve_bench.main,
}

if __name__ == "__main__":
    if sys.argv[1:2] in (["serve"], ["cache"]):  # take options of their own
        BENCHES[sys.argv[1]](sys.argv[2:])
        sys.exit(0)
    # Scaling out (docs/scaling.md), each with options of its own, run when named.
    named = {
        "workers": workers_bench.main,
        "scale": scale_bench.main,
        "load": load_bench.main,
    }
    if sys.argv[1:2] and sys.argv[1] in named:
        named[sys.argv[1]](sys.argv[2:])
        sys.exit(0)
    # `serve` (about twelve minutes, docs/benchmarks.md "Serving") runs when named.
    names = sys.argv[1:] or [n for n in BENCHES if n != "serve"]
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        sys.exit(f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(BENCHES)}.")
    if len(names) == 1:
        BENCHES[names[0]]()
    else:
        failed = [n for n in names if subprocess.call([sys.executable, "-m", "bench", n])]
        sys.exit(f"Failed: {', '.join(failed)}" if failed else 0)
