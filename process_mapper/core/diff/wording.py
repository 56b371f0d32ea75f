"""The Swedish and English sentences that describe practice changes (core layer, no Qt).

Every practice change carries one sentence per language for a process owner: what the
unit does differently, naming the steps by their labels. The sentences live here, away
from the rules that find the changes, so that wording can be reviewed and translated in
one place. Labels are quoted as drawn (a Swedish model gives Swedish labels in the
English sentence too); an unnamed step is named by its type and id.
"""

from __future__ import annotations

from collections.abc import Sequence

from .behaviour import Relation
from .steps import Step, StepKind

__all__ = ["Sentence", "TEMPLATES", "WORK", "join", "name_party", "name_step", "relation_phrase", "say"]

Sentence = dict[str, str]
"""One text per language: ``{"sv": ..., "en": ...}``."""

LANGUAGES = ("sv", "en")

TEMPLATES: dict[str, Sentence] = {
    "missing_step": {
        "sv": "Enheten saknar steget {step} som standarden kräver.",
        "en": "The unit does not perform {step}, which the standard requires.",
    },
    "missing_decision": {
        "sv": "Enheten saknar beslutet {step} som standarden kräver.",
        "en": "The unit does not make the decision {step}, which the standard requires.",
    },
    "missing_event": {
        "sv": "Enheten hanterar inte händelsen {step} som standarden kräver.",
        "en": "The unit does not handle the event {step}, which the standard requires.",
    },
    "missing_outcome": {
        "sv": "Enhetens process slutar aldrig i {step}, som standarden har.",
        "en": "The unit's process never ends in {step}, which the standard has.",
    },
    "extra_step": {
        "sv": "Enheten utför steget {step} som inte finns i standarden.",
        "en": "The unit performs {step}, which the standard does not have.",
    },
    "extra_decision": {
        "sv": "Enheten fattar beslutet {step} som inte finns i standarden.",
        "en": "The unit makes the decision {step}, which the standard does not have.",
    },
    "extra_event": {
        "sv": "Enheten hanterar händelsen {step} som inte finns i standarden.",
        "en": "The unit handles the event {step}, which the standard does not have.",
    },
    "extra_outcome": {
        "sv": "Enhetens process kan sluta i {step}, som inte finns i standarden.",
        "en": "The unit's process can end in {step}, which the standard does not have.",
    },
    "role_change": {
        "sv": "Steget {step} utförs av '{local}' i stället för '{standard}' som standarden anger.",
        "en": "The step {step} is done by '{local}' instead of '{standard}' as the standard says.",
    },
    "order_change": {
        "sv": "Enheten gör {step} {local}, men standarden gör det {standard}{more}.",
        "en": "The unit does {step} {local}, but the standard does it {standard}{more}.",
    },
    "more_steps": {"sv": " (och {n} steg till)", "en": " (and {n} more steps)"},
    "becomes_optional": {
        "sv": "Enheten kan hoppa över {step}, som standarden kräver i varje ärende.",
        "en": "The unit may skip {step}, which the standard requires in every case.",
    },
    "becomes_mandatory": {
        "sv": "Enheten gör alltid {step}, som standarden bara gör i vissa fall.",
        "en": "The unit always does {step}, which the standard does only in some cases.",
    },
    "step_repeated": {
        "sv": "Enheten kan göra {step} flera gånger (beslutet {decision}){before}; standarden gör det en gång.",
        "en": "The unit may do {step} several times (decision {decision}){before}; the standard does it once.",
    },
    "repeated_before": {"sv": " innan den gör {steps}", "en": " before it does {steps}"},
    "decision_split": {
        "sv": "Enheten fattar beslutet {step} i två steg: {extra} och {partner}.",
        "en": "The unit makes the decision {step} in two steps: {extra} and {partner}.",
    },
    "first_stage_role": {
        "sv": "I de ärenden som avgörs vid {decision} görs {step} som {extra} av '{local}' "
              "i stället för '{standard}' som standarden anger.",
        "en": "In the cases settled at {decision}, {step} is done as {extra} by '{local}' "
              "instead of '{standard}' as the standard says.",
    },
    "decision_change": {
        "sv": "Beslutet {step} har andra utfall hos enheten: {details}.",
        "en": "The decision {step} has other outcomes in the unit's process: {details}.",
    },
    "outcome_missing": {"sv": "utfallet {outcome} saknas", "en": "the outcome {outcome} is missing"},
    "outcome_extra": {"sv": "utfallet {outcome} tillkommer", "en": "it adds the outcome {outcome}"},
    "outcome_condition": {
        "sv": "villkoret lyder {local} i stället för {standard}",
        "en": "the condition reads {local} instead of {standard}",
    },
    "medium_change": {
        "sv": "Enheten gör {step} {details}.",
        "en": "The unit does {step} {details}.",
    },
    "instead_of": {"sv": "{local} i stället för {standard}", "en": "{local} instead of {standard}"},
    "in_system": {"sv": "i '{value}'", "en": "in '{value}'"},
    "on_medium": {"sv": "på '{value}'", "en": "on '{value}'"},
    "with_store": {"sv": "med '{value}'", "en": "with '{value}'"},
    "deadline_missing": {
        "sv": "Enheten har ingen tidsgräns för {step}; standarden kräver {standard}.",
        "en": "The unit has no time limit on {step}; the standard requires {standard}.",
    },
    "deadline_added": {
        "sv": "Enheten har en tidsgräns för {step} ({local}) som standarden inte har.",
        "en": "The unit sets a time limit on {step} ({local}) that the standard does not have.",
    },
    "wait_added": {
        "sv": "Enheten väntar ({local}) innan den gör {step}, som standarden gör utan väntan.",
        "en": "The unit waits ({local}) before it does {step}, which the standard does without waiting.",
    },
    "wait_removed": {
        "sv": "Enheten gör {step} utan den väntan ({standard}) som standarden har.",
        "en": "The unit does {step} without the wait ({standard}) the standard has.",
    },
    "wait_changed": {
        "sv": "Enheten väntar {local} innan den gör {step}, standarden {standard}.",
        "en": "The unit waits {local} before it does {step}, the standard {standard}.",
    },
    "deadline_changed": {
        "sv": "Tidsgränsen för {step} är {local} hos enheten men {standard} i standarden.",
        "en": "The time limit on {step} is {local} in the unit's process but {standard} in the standard.",
    },
    "message_missing_send": {
        "sv": "Enheten skickar inget meddelande till {partner} vid {step}, vilket standarden kräver.",
        "en": "The unit sends no message to {partner} at {step}, which the standard requires.",
    },
    "message_missing_receive": {
        "sv": "Enheten tar inte emot något meddelande från {partner} vid {step}, vilket standarden kräver.",
        "en": "The unit receives no message from {partner} at {step}, which the standard requires.",
    },
    "message_added_send": {
        "sv": "Enheten skickar ett meddelande till {partner} vid {step} som standarden inte har.",
        "en": "The unit sends a message to {partner} at {step} that the standard does not have.",
    },
    "message_added_receive": {
        "sv": "Enheten tar emot ett meddelande från {partner} vid {step} som standarden inte har.",
        "en": "The unit receives a message from {partner} at {step} that the standard does not have.",
    },
    "message_content_send": {
        "sv": "Vid {step} skickar enheten {local} till {partner} i stället för {standard}.",
        "en": "At {step} the unit sends {local} to {partner} instead of {standard}.",
    },
    "message_content_receive": {
        "sv": "Vid {step} tar enheten emot {local} från {partner} i stället för {standard}.",
        "en": "At {step} the unit receives {local} from {partner} instead of {standard}.",
    },
    "message_moved_send": {
        "sv": "Enheten skickar {message} till {partner} vid {local} i stället för vid {standard}.",
        "en": "The unit sends {message} to {partner} at {local} instead of at {standard}.",
    },
    "message_moved_receive": {
        "sv": "Enheten tar emot {message} från {partner} vid {local} i stället för vid {standard}.",
        "en": "The unit receives {message} from {partner} at {local} instead of at {standard}.",
    },
    "message_to_pool_send": {
        "sv": "{source} skickar {message} till {target}; i standarden skickar enheten det vid {step}.",
        "en": "{source} sends {message} to {target}; in the standard the unit sends it at {step}.",
    },
    "message_to_pool_receive": {
        "sv": "{source} skickar {message} till {target}; i standarden tar enheten emot det vid {step}.",
        "en": "{source} sends {message} to {target}; in the standard the unit receives it at {step}.",
    },
    "message_from_pool_send": {
        "sv": "Enheten skickar {message} till {target} vid {step}; i standarden skickar {source} det.",
        "en": "The unit sends {message} to {target} at {step}; in the standard {source} sends it.",
    },
    "message_from_pool_receive": {
        "sv": "Enheten tar emot {message} från {source} vid {step}; i standarden tar {target} emot det.",
        "en": "The unit receives {message} from {source} at {step}; in the standard {target} receives it.",
    },
    "pool_message_missing": {
        "sv": "Meddelandet från {source} till {target} i standarden finns inte hos enheten.",
        "en": "The message from {source} to {target} in the standard is missing in the unit's process.",
    },
    "pool_message_added": {
        "sv": "Hos enheten skickar {source} ett meddelande till {target} som standarden inte har.",
        "en": "In the unit's process {source} sends a message to {target} that the standard does not have.",
    },
    "data_change": {
        "sv": "Vid {step} använder enheten andra dokument eller register än standarden: {details}.",
        "en": "At {step} the unit uses other documents or data stores than the standard: {details}.",
    },
    "data_not_read": {"sv": "läser inte '{name}'", "en": "does not read '{name}'"},
    "data_not_written": {"sv": "skriver inte '{name}'", "en": "does not write '{name}'"},
    "data_also_read": {"sv": "läser även '{name}'", "en": "also reads '{name}'"},
    "data_also_written": {"sv": "skriver även '{name}'", "en": "also writes '{name}'"},
    "renamed_step": {
        "sv": "Steget {standard} heter {local} hos enheten.",
        "en": "The step {standard} is called {local} in the unit's process.",
    },
    "split_step": {
        "sv": "Enheten gör steget {standard} som flera steg: {local}.",
        "en": "The unit does {standard} as several steps: {local}.",
    },
    "merged_steps": {
        "sv": "Enheten gör stegen {standard} som ett steg, {local}.",
        "en": "The unit does {standard} as one step, {local}.",
    },
}

#: How a task type says the work is done (see :data:`~.facts.WORK_BY_TYPE`).
WORK: dict[str, Sentence] = {
    "user": {"sv": "av en person i ett system", "en": "by a person in a system"},
    "manual": {"sv": "manuellt utan system", "en": "by hand without a system"},
    "automatic": {"sv": "automatiskt av systemet", "en": "automatically by the system"},
}

_RELATIONS: dict[Relation, Sentence] = {
    Relation.BEFORE: {"sv": "före {other}", "en": "before {other}"},
    Relation.AFTER: {"sv": "efter {other}", "en": "after {other}"},
    Relation.LOOP: {"sv": "i en slinga med {other}", "en": "in a loop with {other}"},
    Relation.CONCURRENT: {"sv": "parallellt med {other}", "en": "in parallel with {other}"},
    Relation.EXCLUSIVE: {"sv": "i stället för {other} (antingen eller)", "en": "instead of {other} (one or the other)"},
}

_KINDS: dict[StepKind, Sentence] = {
    StepKind.TASK: {"sv": "uppgift", "en": "task"},
    StepKind.SUBPROCESS: {"sv": "delprocess", "en": "sub-process"},
    StepKind.CALL: {"sv": "anropad process", "en": "call activity"},
    StepKind.EVENT: {"sv": "händelse", "en": "event"},
    StepKind.GATEWAY: {"sv": "grind", "en": "gateway"},
}
_UNNAMED: Sentence = {"sv": "namnlös {kind} ({id})", "en": "unnamed {kind} ({id})"}
_AND: Sentence = {"sv": " och ", "en": " and "}
_UNNAMED_POOL: Sentence = {"sv": "en namnlös pool", "en": "an unnamed pool"}


def name_step(step: Step) -> Sentence:
    """How the sentences name ``step``: its quoted label, else its type and id."""
    if step.label:
        return {language: f"'{step.label}'" for language in LANGUAGES}
    return {
        language: _UNNAMED[language].format(kind=_KINDS[step.kind][language], id=step.id) for language in LANGUAGES
    }


def name_party(name: str, *, first: bool = False) -> Sentence:
    """How the sentences name a pool (a party): its quoted name, else "an unnamed pool".

    ``first`` capitalises the unnamed form, for a party that opens a sentence.
    """
    if name:
        return {language: f"'{name}'" for language in LANGUAGES}
    if first:
        return {language: text[0].upper() + text[1:] for language, text in _UNNAMED_POOL.items()}
    return dict(_UNNAMED_POOL)


def join(parts: Sequence[Sentence], separator: str = ", ") -> Sentence:
    """Join per-language fragments; the last two with "och"/"and" when ``separator`` is a comma."""
    result: Sentence = {}
    for language in LANGUAGES:
        texts = [part[language] for part in parts]
        if separator == ", " and len(texts) > 1:
            result[language] = ", ".join(texts[:-1]) + _AND[language] + texts[-1]
        else:
            result[language] = separator.join(texts)
    return result


def relation_phrase(relation: Relation, other: Sentence) -> Sentence:
    """"before 'X'", "in parallel with 'X'" and so on, per language."""
    return {language: _RELATIONS[relation][language].format(other=other[language]) for language in LANGUAGES}


def say(template: str, **values: Sentence | str | int) -> Sentence:
    """Fill :data:`TEMPLATES` ``[template]`` in both languages.

    Parameters
    ----------
    template : str
        A key of :data:`TEMPLATES`.
    **values
        Per-language fragments (dicts) or plain values used in both languages.
    """
    result: Sentence = {}
    for language in LANGUAGES:
        filled = {key: value[language] if isinstance(value, dict) else value for key, value in values.items()}
        result[language] = TEMPLATES[template][language].format(**filled)
    return result
