"""Benchmarks: run by hand (``make bench``), not in the test suite. Results: docs/benchmarks.md."""
