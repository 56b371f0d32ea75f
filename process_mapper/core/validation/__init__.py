"""Validation of BPMN documents: XSD, reference integrity and modelling rules (core layer, no Qt).

Each model rule is a small pure function over a :class:`~.context.ModelContext`, kept in
one module per concern (``rules_graph``, ``rules_routing``, ``rules_process``,
``rules_collaboration``, ``rules_lanes``) and listed in :data:`~.validator.MODEL_RULES`.
"""

from .context import Finding, ModelContext, Rule, describe
from .validator import MODEL_RULES, validate

__all__ = ["MODEL_RULES", "Finding", "ModelContext", "Rule", "describe", "validate"]
