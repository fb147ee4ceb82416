"""`python -m bench [name …]`: run the benchmarks and print their figures."""

import sys

from . import pack_bench, search_bench

BENCHES = {"pack": pack_bench.main, "search": search_bench.main}

if __name__ == "__main__":
    names = sys.argv[1:] or list(BENCHES)
    for name in names:
        BENCHES[name]()
