"""Tests of the regional standard library and the shipped thesaurus."""
