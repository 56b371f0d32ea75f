"""Benchmarks that measure Process Mapper against published reference data."""
