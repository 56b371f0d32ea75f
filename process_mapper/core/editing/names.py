"""Bilingual wording of edits and refusals: English and Swedish (core layer, no Qt).

Edit names follow the Edit menu's conventions: English in title case ("Add User Task"),
Swedish in sentence case ("Lägg till användaraktivitet"). Type names are given per
language as they read *inside* a name: English capitalised, Swedish lower case.
"""

from __future__ import annotations

from ..model.base import XmlElement
from .kinds import TYPES, ShapeKind, trigger_of

#: One text per language: ``{"en": ..., "sv": ...}``.
Sentence = dict[str, str]
LANGUAGES = ("en", "sv")

#: Type names by BPMN tag.
TYPE_NAMES: dict[str, Sentence] = {
    "task": {"en": "Task", "sv": "aktivitet"},
    "userTask": {"en": "User Task", "sv": "användaraktivitet"},
    "manualTask": {"en": "Manual Task", "sv": "manuell aktivitet"},
    "serviceTask": {"en": "Service Task", "sv": "tjänsteaktivitet"},
    "sendTask": {"en": "Send Task", "sv": "sändaktivitet"},
    "receiveTask": {"en": "Receive Task", "sv": "mottagaraktivitet"},
    "scriptTask": {"en": "Script Task", "sv": "skriptaktivitet"},
    "businessRuleTask": {"en": "Business Rule Task", "sv": "affärsregelaktivitet"},
    "callActivity": {"en": "Call Activity", "sv": "anropsaktivitet"},
    "subProcess": {"en": "Sub-Process", "sv": "delprocess"},
    "transaction": {"en": "Transaction", "sv": "transaktion"},
    "adHocSubProcess": {"en": "Ad-Hoc Sub-Process", "sv": "ad hoc-delprocess"},
    "startEvent": {"en": "Start Event", "sv": "starthändelse"},
    "intermediateCatchEvent": {"en": "Intermediate Catch Event", "sv": "mellanliggande mottagande händelse"},
    "intermediateThrowEvent": {"en": "Intermediate Throw Event", "sv": "mellanliggande utlösande händelse"},
    "endEvent": {"en": "End Event", "sv": "sluthändelse"},
    "boundaryEvent": {"en": "Boundary Event", "sv": "gränshändelse"},
    "exclusiveGateway": {"en": "Exclusive Gateway", "sv": "exklusiv grind"},
    "parallelGateway": {"en": "Parallel Gateway", "sv": "parallell grind"},
    "inclusiveGateway": {"en": "Inclusive Gateway", "sv": "inkluderande grind"},
    "eventBasedGateway": {"en": "Event-Based Gateway", "sv": "händelsebaserad grind"},
    "complexGateway": {"en": "Complex Gateway", "sv": "komplex grind"},
    "dataObjectReference": {"en": "Data Object", "sv": "dataobjekt"},
    "dataStoreReference": {"en": "Data Store", "sv": "datalager"},
    "textAnnotation": {"en": "Text Annotation", "sv": "textanteckning"},
    "group": {"en": "Group", "sv": "grupp"},
    "participant": {"en": "Pool", "sv": "pool"},
    "process": {"en": "Process", "sv": "process"},
    "collaboration": {"en": "Collaboration", "sv": "samarbete"},
    "lane": {"en": "Lane", "sv": "simbana"},
    "sequenceFlow": {"en": "Sequence Flow", "sv": "sekvensflöde"},
    "messageFlow": {"en": "Message Flow", "sv": "meddelandeflöde"},
    "association": {"en": "Association", "sv": "association"},
}
_ELEMENT: Sentence = {"en": "Element", "sv": "element"}

#: The standard library's metadata fields of a process (:class:`~..model.extensions.ProcessMetadata`).
METADATA_NAMES: dict[str, Sentence] = {
    "title": {"en": "Title", "sv": "titel"},
    "identifier": {"en": "Identifier", "sv": "identifierare"},
    "version": {"en": "Version", "sv": "version"},
    "valid_from": {"en": "Valid-From Date", "sv": "giltighetsdatum"},
    "owner": {"en": "Owner", "sv": "ägare"},
    "category": {"en": "Category", "sv": "kategori"},
    "description": {"en": "Description", "sv": "beskrivning"},
}

#: Event trigger names: English before the type ("Timer Start Event"), Swedish after ("starthändelse med timer").
TRIGGER_NAMES: dict[str, Sentence] = {
    "message": {"en": "Message", "sv": "meddelande"},
    "timer": {"en": "Timer", "sv": "timer"},
    "error": {"en": "Error", "sv": "fel"},
    "escalation": {"en": "Escalation", "sv": "eskalering"},
    "signal": {"en": "Signal", "sv": "signal"},
    "conditional": {"en": "Conditional", "sv": "villkor"},
    "link": {"en": "Link", "sv": "länk"},
    "compensation": {"en": "Compensation", "sv": "kompensation"},
    "terminate": {"en": "Terminate", "sv": "terminering"},
    "cancel": {"en": "Cancel", "sv": "avbrytning"},
}

#: Edit names; ``{type}`` is a type name, ``{count}`` a number, ``{key}`` a property name.
EDIT_NAMES: dict[str, Sentence] = {
    "add": {"en": "Add {type}", "sv": "Lägg till {type}"},
    "connect": {"en": "Add {type}", "sv": "Lägg till {type}"},
    "delete": {"en": "Delete {type}", "sv": "Ta bort {type}"},
    "delete_many": {"en": "Delete {count} Elements", "sv": "Ta bort {count} element"},
    "move": {"en": "Move {type}", "sv": "Flytta {type}"},
    "move_many": {"en": "Move {count} Elements", "sv": "Flytta {count} element"},
    "resize": {"en": "Resize {type}", "sv": "Ändra storlek på {type}"},
    "rename": {"en": "Rename {type}", "sv": "Byt namn på {type}"},
    "change_type": {"en": "Change to {type}", "sv": "Ändra till {type}"},
    "add_lane": {"en": "Add Lane", "sv": "Lägg till simbana"},
    "remove_lane": {"en": "Remove Lane", "sv": "Ta bort simbana"},
    "move_lane": {"en": "Move Lane", "sv": "Flytta simbana"},
    "set_property": {"en": "Set Property '{key}'", "sv": "Ange egenskapen '{key}'"},
    "remove_property": {"en": "Remove Property '{key}'", "sv": "Ta bort egenskapen '{key}'"},
    "set_documentation": {"en": "Edit Documentation", "sv": "Ändra dokumentation"},
    "remove_documentation": {"en": "Remove Documentation", "sv": "Ta bort dokumentation"},
    "set_deadline": {"en": "Set Deadline", "sv": "Ange tidsgräns"},
    "change_deadline": {"en": "Change Deadline", "sv": "Ändra tidsgräns"},
    "remove_deadline": {"en": "Remove Deadline", "sv": "Ta bort tidsgräns"},
    "set_metadata": {"en": "Change {field}", "sv": "Ändra {field}"},
    "remove_metadata": {"en": "Remove {field}", "sv": "Ta bort {field}"},
    "tidy": {"en": "Tidy Up Layout", "sv": "Städa upp layouten"},
    "paste": {"en": "Paste {type}", "sv": "Klistra in {type}"},
    "paste_many": {"en": "Paste {count} Elements", "sv": "Klistra in {count} element"},
}


def say(template: str, **values: Sentence | str | int) -> Sentence:
    """Fill :data:`EDIT_NAMES` ``[template]`` in both languages.

    Parameters
    ----------
    template
        A key of :data:`EDIT_NAMES`.
    **values
        Per-language fragments (dicts) or plain values used in both languages.
    """
    return {
        language: EDIT_NAMES[template][language].format(
            **{key: value[language] if isinstance(value, dict) else value for key, value in values.items()}
        )
        for language in LANGUAGES
    }


def tag_name(tag: str) -> Sentence:
    """The name of a BPMN type by its tag (``Element`` for types without one)."""
    return TYPE_NAMES.get(tag, _ELEMENT)


def kind_name(kind: ShapeKind) -> Sentence:
    """The name of a palette kind: "Timer Start Event" / "starthändelse med timer"."""
    base = tag_name(kind.tag)
    if kind.trigger is None:
        return base
    trigger = TRIGGER_NAMES[kind.trigger]
    return {"en": f"{trigger['en']} {base['en']}", "sv": f"{base['sv']} med {trigger['sv']}"}


def element_name(record: XmlElement) -> Sentence:
    """The type name of an existing record, with its event trigger."""
    trigger = trigger_of(record)
    if trigger is not None and record.TAG in TYPES:
        return kind_name(ShapeKind(record.TAG, trigger))
    return tag_name(record.TAG)


#: Why a rule refuses; ``{id}``, ``{type}``, ``{new}`` and ``{trigger}`` are filled in.
REASONS: dict[str, Sentence] = {
    "unknown": {"en": "There is no element '{id}'.", "sv": "Det finns inget element '{id}'."},
    "no_diagram": {"en": "The document has no diagram to draw in.", "sv": "Dokumentet har inget diagram att rita i."},
    "self": {"en": "An element cannot connect to itself.", "sv": "Ett element kan inte kopplas till sig självt."},
    "not_connectable": {"en": "This {type} cannot be connected.", "sv": "Typen {type} kan inte kopplas."},
    "start_incoming": {"en": "Nothing may flow into a start event.", "sv": "Inget flöde får gå in i en starthändelse."},
    "end_outgoing": {
        "en": "Nothing may flow out of an end event.",
        "sv": "Inget flöde får gå ut från en sluthändelse.",
    },
    "boundary_incoming": {
        "en": "Nothing may flow into a boundary event.",
        "sv": "Inget sekvensflöde får gå in i en gränshändelse.",
    },
    "event_sub_process": {
        "en": "An event sub-process has no sequence flows in or out.",
        "sv": "En händelsedelprocess har inga sekvensflöden in eller ut.",
    },
    "scope": {
        "en": "Sequence flows stay within one process or sub-process level.",
        "sv": "Sekvensflöden stannar inom en process eller en delprocessnivå.",
    },
    "event_based_target": {
        "en": "An event-based gateway leads only to intermediate catch events and receive tasks.",
        "sv": "En händelsebaserad grind leder bara till mellanliggande mottagande händelser och mottagaraktiviteter.",
    },
    "same_pool": {"en": "Message flows connect different pools.", "sv": "Meddelandeflöden förbinder olika pooler."},
    "message_source": {
        "en": "This {type} cannot send a message flow.",
        "sv": "Typen {type} kan inte skicka ett meddelandeflöde.",
    },
    "message_target": {
        "en": "This {type} cannot receive a message flow.",
        "sv": "Typen {type} kan inte ta emot ett meddelandeflöde.",
    },
    "annotation_pair": {
        "en": "Two text annotations cannot be associated.",
        "sv": "Två textanteckningar kan inte associeras med varandra.",
    },
    "data": {
        "en": "Data associations are not supported yet.",
        "sv": "Dataassociationer stöds inte ännu.",
    },
    "no_container": {
        "en": "There is no process or sub-process '{id}'.",
        "sv": "Det finns ingen process eller delprocess '{id}'.",
    },
    "not_placeable": {
        "en": "A boundary event is attached to an activity, not placed on its own.",
        "sv": "En gränshändelse fästs vid en aktivitet och placeras inte fritt.",
    },
    "trigger": {
        "en": "This {type} cannot have the trigger {trigger}.",
        "sv": "Typen {type} kan inte ha utlösaren {trigger}.",
    },
    "needs_trigger": {"en": "This {type} needs a trigger.", "sv": "Typen {type} behöver en utlösare."},
    "sub_process_start": {
        "en": "A sub-process starts with a plain start event.",
        "sv": "En delprocess börjar med en enkel starthändelse.",
    },
    "outside": {
        "en": "Place the element inside its pool or sub-process.",
        "sv": "Placera elementet inuti sin pool eller delprocess.",
    },
    "not_renamable": {"en": "This {type} has no name.", "sv": "Typen {type} har inget namn."},
    "not_deletable": {"en": "This {type} cannot be deleted here.", "sv": "Typen {type} kan inte tas bort här."},
    "lane_delete": {"en": "Remove a lane with Remove Lane.", "sv": "Ta bort en simbana med Ta bort simbana."},
    "change_family": {
        "en": "This {type} cannot be changed to {new}.",
        "sv": "Typen {type} kan inte ändras till {new}.",
    },
    "same_type": {"en": "The element is already of type {type}.", "sv": "Elementet är redan av typen {type}."},
    "has_content": {
        "en": "The sub-process has content; it stays an expanded sub-process.",
        "sv": "Delprocessen har innehåll och förblir en expanderad delprocess.",
    },
    "carried_data": {
        "en": "The element carries data inputs or outputs that a {new} cannot hold.",
        "sv": "Elementet har dataingångar eller datautgångar som typen {new} inte kan ha.",
    },
    "has_incoming": {
        "en": "A start event has no incoming flows.",
        "sv": "En starthändelse har inga inkommande flöden.",
    },
    "has_outgoing": {"en": "An end event has no outgoing flows.", "sv": "En sluthändelse har inga utgående flöden."},
    "lane_move": {"en": "Reorder lanes with Move Lane.", "sv": "Ändra ordning på simbanor med Flytta simbana."},
    "boundary_move": {
        "en": "A boundary event moves with its activity.",
        "sv": "En gränshändelse flyttas med sin aktivitet.",
    },
    "not_movable": {"en": "This {type} cannot be moved.", "sv": "Typen {type} kan inte flyttas."},
    "not_resizable": {"en": "This {type} keeps its size.", "sv": "Typen {type} behåller sin storlek."},
    "too_small": {"en": "This {type} cannot be that small.", "sv": "Typen {type} kan inte vara så liten."},
    "lane_needs_pool": {
        "en": "Lanes are added to a pool or a lane.",
        "sv": "Simbanor läggs till i en pool eller en simbana.",
    },
    "lane_position": {"en": "There is no lane position {index}.", "sv": "Det finns ingen simbaneposition {index}."},
    "not_activity": {"en": "Deadlines are set on activities.", "sv": "Tidsgränser anges på aktiviteter."},
    "duration": {
        "en": "'{text}' is no ISO 8601 duration such as P14D.",
        "sv": "'{text}' är ingen ISO 8601-varaktighet som P14D.",
    },
    "date": {
        "en": "'{text}' is not a date: write year-month-day, such as 2026-03-01.",
        "sv": "'{text}' är inget datum: skriv år-månad-dag, till exempel 2026-03-01.",
    },
    "category": {
        "en": "'{text}' is no category: a standard is a referral or a certificate process.",
        "sv": "'{text}' är ingen kategori: en standard är en remiss- eller intygsprocess.",
    },
    "not_copyable": {"en": "This {type} cannot be copied yet.", "sv": "Typen {type} kan inte kopieras ännu."},
    "boundary_copy": {
        "en": "A boundary event is copied with its activity.",
        "sv": "En gränshändelse kopieras tillsammans med sin aktivitet.",
    },
    "no_graphviz": {
        "en": "Tidy up needs Graphviz, which is not installed.",
        "sv": "Att städa upp layouten kräver Graphviz, som inte är installerat.",
    },
    "layout_failed": {"en": "Tidy up failed: {text}", "sv": "Det gick inte att städa upp layouten: {text}"},
}


def reason(key: str, **values: Sentence | str | int) -> Sentence:
    """Fill :data:`REASONS` ``[key]`` in both languages (like :func:`say`)."""
    return {
        language: REASONS[key][language].format(
            **{name: value[language] if isinstance(value, dict) else value for name, value in values.items()}
        )
        for language in LANGUAGES
    }
