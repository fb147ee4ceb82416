"""Benchmarks run by `make bench`. Figures are ratios against floors measured in the same run."""
