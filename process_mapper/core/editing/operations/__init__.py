"""Operations: one module per family of intents, each building an unapplied Edit (core layer, no Qt).

An operation checks the rules (raising :class:`~..edit.EditRefused`), then assembles the
primary changes and asks the behaviours for their follow-ups. The
:class:`~..editor.DocumentEditor` is the facade that calls them.
"""
