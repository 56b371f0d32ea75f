"""Fixtures of the editing tests: the referral model and a seeded editor over it."""

from __future__ import annotations

import pytest

from process_mapper.core.editing import DocumentEditor
from process_mapper.core.model import BpmnDocument
from tests.editing.support import editor_for, referral_document


@pytest.fixture
def referral() -> BpmnDocument:
    return referral_document()


@pytest.fixture
def editor(referral: BpmnDocument) -> DocumentEditor:
    return editor_for(referral)
