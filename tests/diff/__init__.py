"""Tests of the diff engine (process_mapper.core.diff)."""
