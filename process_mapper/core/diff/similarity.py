"""Label similarity between the steps of two models (core layer, no Qt).

Each label becomes a short list of *terms* (:class:`LabelAnalyser`):

1. words are normalised and cut (:mod:`.text`); abbreviations are written out
   (``BEK`` → ``remissbekräftelse``);
2. words or phrases of a thesaurus synonym group become one concept term, so
   ``vårdadministratör`` and ``medicinsk sekreterare`` are the same term (a one-word
   term is recognised through typos too);
3. stop words and single letters go (digits stay: "Task 4" is not "Task 6"); Swedish
   compounds are cut into words known from either model or the thesaurus
   (``remissbekräftelse`` → ``remiss`` + ``bekräftelse``), and the parts are
   looked up again;
4. the rest is stemmed in the model's language (detected from all its labels);
5. a step that only receives messages (a catching message event, or a step with
   incoming message flows) gets the implicit action "receive", one that only sends gets
   "send", at half weight: the message event "Accepted" reads "(receive) accepted".

Two labels are then compared by a symmetric, weighted Monge-Elkan measure
(:class:`LabelSimilarity`): each term is paired with its most similar term on the other
side, and the pair scores are averaged with rare terms weighing more (inverse document
frequency over both models). Terms are similar when equal (1.0) or, for plain words of
four letters or more, spelt alike (a typo; the rapidfuzz ratio when at least 0.85).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy.sparse import csr_matrix

from .steps import ProcessGraph, Step, StepKind
from .text import STOP_WORDS, Language, detect_language, split_compound, stem, tokenise
from .thesaurus import Thesaurus

__all__ = ["AnalysedLabel", "LabelAnalyser", "LabelSimilarity"]

CONCEPT_PREFIX = "~"
FUZZY_CUTOFF = 0.85
FUZZY_MIN_LENGTH = 4
IMPLICIT_WEIGHT = 0.5
#: The words for what a catching or throwing message event implicitly does.
IMPLICIT_ACTIONS: dict[str, dict[Language, str]] = {
    "receive": {"en": "receive", "sv": "ta emot"},
    "send": {"en": "send", "sv": "skicka"},
}


@dataclass(frozen=True, slots=True)
class AnalysedLabel:
    """A label as comparable terms.

    Attributes
    ----------
    terms : tuple of str
        Stems, or concept keys (``~3``) for thesaurus matches; no repeats.
    words : tuple of str
        For each term, the words of the label it came from (for explanations).
    implicit : tuple of bool
        For each term, whether it was implied by the element type rather than written.
    """

    terms: tuple[str, ...]
    words: tuple[str, ...]
    implicit: tuple[bool, ...]


class LabelAnalyser:
    """Turns labels into terms, with one thesaurus and the vocabulary of the compared models.

    Parameters
    ----------
    thesaurus : Thesaurus
        Synonyms and abbreviations.
    labels : sequence of str
        Every label of the models being compared: words seen here are the vocabulary
        that compound splitting may cut into.
    """

    def __init__(self, thesaurus: Thesaurus, labels: Sequence[str]) -> None:
        self.thesaurus = thesaurus
        self._phrase_indexes: dict[Language, dict[tuple[str, ...], str]] = {}
        self._single_words: dict[Language, dict[str, str]] = {}
        self._concept_words: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
        self._phrases: list[tuple[str, tuple[str, ...]]] = []
        for number, (terms, sources) in enumerate(thesaurus.concepts()):
            key = f"{CONCEPT_PREFIX}{number}"
            self._concept_words[key] = (terms, sources)
            # Sorted, not in set order, which changes with PYTHONHASHSEED: the phrase index and
            # the typo candidates are built in this order, and the first of equals wins.
            self._phrases += [(key, tuple(term.split())) for term in sorted(terms)]
        self._longest = max((len(words) for _, words in self._phrases), default=0)
        self._known: dict[Language, set[str]] = {}
        self._fuzzy_concepts: dict[tuple[str, Language], str | None] = {}
        self._fuzzy_choices: dict[Language, list[str]] = {}
        self._analysed: dict[tuple[str, Language, str | None], AnalysedLabel] = {}
        words = {w for label in labels for w in tokenise(label)}
        words |= {w for _, phrase in self._phrases for w in phrase}
        self._vocabulary = words

    def _phrase_index(self, language: Language) -> dict[tuple[str, ...], str]:
        index = self._phrase_indexes.get(language)
        if index is None:
            index = {}
            for key, phrase in self._phrases:
                index.setdefault(phrase, key)
                index.setdefault(tuple(stem(w, language) for w in phrase), key)
            self._phrase_indexes[language] = index
        return index

    def _is_known(self, language: Language) -> set[str]:
        known = self._known.get(language)
        if known is None:
            known = {stem(w, language) for w in self._vocabulary if len(w) >= 3}
            known -= STOP_WORDS[language]
            self._known[language] = known
        return known

    def _expand(self, words: list[str]) -> list[str]:
        out: list[str] = []
        for word in words:
            abbreviation = self.thesaurus.abbreviations.get(word)
            out += abbreviation.expansion.split() if abbreviation else [word]
        return out

    def _concept_terms(self, words: list[str], language: Language) -> list[tuple[str, str | None]]:
        """Pair each word with a concept key where a thesaurus phrase covers it (longest first)."""
        index = self._phrase_index(language)
        stems = [stem(w, language) for w in words]
        result: list[tuple[str, str | None]] = []
        position = 0
        while position < len(words):
            for length in range(min(self._longest, len(words) - position), 0, -1):
                span = slice(position, position + length)
                key = index.get(tuple(words[span])) or index.get(tuple(stems[span]))
                if key is not None:
                    result.append((" ".join(words[span]), key))
                    position += length
                    break
            else:
                result.append((words[position], self._fuzzy_concept(stems[position], language)))
                position += 1
        return result

    def _fuzzy_concept(self, word_stem: str, language: Language) -> str | None:
        """The concept of a one-word thesaurus term spelt almost like ``word_stem`` (a typo)."""
        if len(word_stem) < FUZZY_MIN_LENGTH:
            return None
        if (word_stem, language) in self._fuzzy_concepts:
            return self._fuzzy_concepts[word_stem, language]
        singles = self._single_words.get(language)
        if singles is None:
            singles = {k[0]: v for k, v in self._phrase_index(language).items() if len(k) == 1}
            self._single_words[language] = singles
            self._fuzzy_choices[language] = list(singles)
        found = process.extractOne(word_stem, self._fuzzy_choices[language], scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF * 100)
        concept = singles[found[0]] if found else None
        self._fuzzy_concepts[word_stem, language] = concept
        return concept

    def analyse(self, label: str, language: Language, implicit_action: str | None = None) -> AnalysedLabel:
        """Return the terms of one label in ``language``.

        Parameters
        ----------
        label : str
            The label as drawn.
        language : {"sv", "en"}
            The language of the label's model.
        implicit_action : {"receive", "send"} or None
            An action implied by the element type, added at half weight.
        """
        key = (label, language, implicit_action)
        analysed = self._analysed.get(key)
        if analysed is None:
            analysed = self._analysed[key] = self._analyse(label, language, implicit_action)
        return analysed

    def _analyse(self, label: str, language: Language, implicit_action: str | None) -> AnalysedLabel:
        terms: dict[str, tuple[str, bool]] = {}
        known = self._is_known(language)
        for word, key in self._concept_terms(self._expand(tokenise(label)), language):
            if key is not None:
                terms.setdefault(key, (word, False))
                continue
            if word in STOP_WORDS[language] or (len(word) < 2 and not word.isdigit()):
                continue
            parts = split_compound(word, lambda p: stem(p, language) in known) if language == "sv" else (word,)
            for part, part_key in self._concept_terms(list(parts), language):
                terms.setdefault(part_key or stem(part, language), (part, False))
        if implicit_action is not None:
            action = IMPLICIT_ACTIONS[implicit_action][language]
            for word, key in self._concept_terms(action.split(), language):
                terms.setdefault(key or stem(word, language), (word, True))
        return AnalysedLabel(
            tuple(terms), tuple(word for word, _ in terms.values()), tuple(flag for _, flag in terms.values())
        )

    def concept_sources(self, key: str) -> tuple[str, ...]:
        """Where the synonym lines behind a concept term were written (``file:line``)."""
        return self._concept_words[key][1] if key in self._concept_words else ()


def _distinct(labels: Sequence[AnalysedLabel]) -> tuple[list[AnalysedLabel], np.ndarray]:
    """The distinct labels in first-seen order, and for each label its position among them."""
    positions: dict[AnalysedLabel, int] = {}
    codes = np.array([positions.setdefault(label, len(positions)) for label in labels], dtype=np.intp)
    return list(positions), codes


def implicit_action(step: Step, graph: ProcessGraph) -> str | None:
    """What a step does with messages without saying so in its label.

    "receive" for catching message events and for steps with incoming message flows
    only; "send" for throwing message events and steps with outgoing message flows
    only; None otherwise.
    """
    receives = bool(graph.messages_in.get(step.id)) or (step.is_catching and "message" in step.event_definitions)
    sends = bool(graph.messages_out.get(step.id)) or (
        step.kind is StepKind.EVENT and not step.is_catching and "message" in step.event_definitions
    )
    if receives == sends:
        return None
    return "receive" if receives else "send"


class LabelSimilarity:
    """All label similarities between the steps of two models, computed at once.

    Parameters
    ----------
    graph_a, graph_b : ProcessGraph
        The models; the matrix rows and columns follow the order of their steps.
    thesaurus : Thesaurus
        Synonyms and abbreviations.

    Attributes
    ----------
    matrix : numpy.ndarray
        ``matrix[i, j]`` in [0, 1]: how alike the labels of step ``i`` of model A and
        step ``j`` of model B are; 0 where either is unnamed.
    languages : tuple of str
        The detected language of each model.
    """

    def __init__(self, graph_a: ProcessGraph, graph_b: ProcessGraph, thesaurus: Thesaurus) -> None:
        steps_a, steps_b = list(graph_a), list(graph_b)
        labels_a = [s.label for s in steps_a]
        labels_b = [s.label for s in steps_b]
        self.languages: tuple[Language, Language] = (detect_language(labels_a), detect_language(labels_b))
        self.analyser = LabelAnalyser(thesaurus, labels_a + labels_b)
        self.analysed_a = [self._analyse(s, graph_a, self.languages[0]) for s in steps_a]
        self.analysed_b = [self._analyse(s, graph_b, self.languages[1]) for s in steps_b]
        self.matrix = self._compute(steps_a, steps_b)

    def _analyse(self, step: Step, graph: ProcessGraph, language: Language) -> AnalysedLabel:
        if not step.label:
            return AnalysedLabel((), (), ())
        return self.analyser.analyse(step.label, language, implicit_action(step, graph))

    def _compute(self, steps_a: Sequence[Step], steps_b: Sequence[Step]) -> np.ndarray:
        vocabulary = sorted({t for label in (*self.analysed_a, *self.analysed_b) for t in label.terms})
        position = {term: i for i, term in enumerate(vocabulary)}
        term_sim = self._term_similarity(vocabulary)
        documents = len(self.analysed_a) + len(self.analysed_b)
        frequency = np.zeros(len(vocabulary))
        for label in (*self.analysed_a, *self.analysed_b):
            for term in label.terms:
                frequency[position[term]] += 1
        idf = np.log1p(documents / np.maximum(frequency, 1.0))
        # Equal analysed labels score alike: compute once per distinct label, then spread.
        distinct_a, codes_a = _distinct(self.analysed_a)
        distinct_b, codes_b = _distinct(self.analysed_b)
        weights_a, totals_a = self._weights(distinct_a, position, idf)
        weights_b, totals_b = self._weights(distinct_b, position, idf)
        best_in_b = self._best_matches(term_sim, distinct_b, position)
        best_in_a = self._best_matches(term_sim, distinct_a, position)
        covered_a = csr_matrix(weights_a) @ best_in_b  # weighted share of a's terms found in b (a label has few terms)
        covered_b = (csr_matrix(weights_b) @ best_in_a).T
        denominator = totals_a[:, None] + totals_b[None, :]
        with np.errstate(invalid="ignore", divide="ignore"):
            distinct = np.where(denominator > 0, (covered_a + covered_b) / denominator, 0.0)
        matrix = distinct[np.ix_(codes_a, codes_b)]
        same_text = self._same_text(steps_a, steps_b)
        matrix[same_text] = 1.0
        empty_a = np.array([not label.terms for label in self.analysed_a], dtype=bool)
        empty_b = np.array([not label.terms for label in self.analysed_b], dtype=bool)
        matrix[empty_a, :] = 0.0
        matrix[:, empty_b] = 0.0
        return matrix

    @staticmethod
    def _same_text(steps_a: Sequence[Step], steps_b: Sequence[Step]) -> np.ndarray:
        texts_b: dict[str, list[int]] = {}
        for j, step in enumerate(steps_b):
            if step.label:
                texts_b.setdefault(" ".join(tokenise(step.label)), []).append(j)
        mask = np.zeros((len(steps_a), len(steps_b)), dtype=bool)
        for i, step in enumerate(steps_a):
            for j in texts_b.get(" ".join(tokenise(step.label)), []) if step.label else []:
                mask[i, j] = True
        return mask

    @staticmethod
    def _best_matches(term_sim: np.ndarray, labels: Sequence[AnalysedLabel], position: dict[str, int]) -> np.ndarray:
        """For every vocabulary term (rows), its best similarity with a term of each label (columns)."""
        if not labels:
            return np.zeros((len(term_sim), 0))
        return np.stack(
            [term_sim[:, [position[t] for t in label.terms]].max(axis=1) if label.terms else np.zeros(len(term_sim))
             for label in labels], axis=1,
        )

    @staticmethod
    def _weights(
        labels: Sequence[AnalysedLabel], position: dict[str, int], idf: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per label, the weight of each vocabulary term (rows), and the row totals."""
        weights = np.zeros((len(labels), len(idf)))
        for row, label in enumerate(labels):
            for term, implicit in zip(label.terms, label.implicit, strict=True):
                weights[row, position[term]] = idf[position[term]] * (IMPLICIT_WEIGHT if implicit else 1.0)
        return weights, weights.sum(axis=1)

    @staticmethod
    def _term_similarity(vocabulary: list[str]) -> np.ndarray:
        """1 on the diagonal; the spelling similarity of plain words of 4+ letters elsewhere."""
        size = len(vocabulary)
        similarity = np.eye(size)
        plain = [i for i, t in enumerate(vocabulary) if not t.startswith(CONCEPT_PREFIX) and len(t) >= FUZZY_MIN_LENGTH]
        if len(plain) > 1:
            words = [vocabulary[i] for i in plain]
            scores = process.cdist(words, words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF * 100) / 100.0
            similarity[np.ix_(plain, plain)] = np.maximum(similarity[np.ix_(plain, plain)], scores)
        return similarity

    def explain(self, i: int, j: int) -> str:
        """Say in a few words why the labels of ``steps_a[i]`` and ``steps_b[j]`` are alike."""
        a, b = self.analysed_a[i], self.analysed_b[j]
        shared = [t for t in a.terms if t in b.terms]
        notes: list[str] = []
        for term in shared:
            word_a, word_b = a.words[a.terms.index(term)], b.words[b.terms.index(term)]
            if term.startswith(CONCEPT_PREFIX) and stem(word_a, self.languages[0]) != stem(word_b, self.languages[1]):
                sources = ", ".join(self.analyser.concept_sources(term))
                notes.append(f"synonyms {word_a!r} ~ {word_b!r} ({sources})")
        for term, word in zip(a.terms, a.words, strict=True):
            if term in shared or term.startswith(CONCEPT_PREFIX):
                continue
            close = [(fuzz.ratio(term, other), w) for other, w in zip(b.terms, b.words, strict=True)
                     if other not in shared and not other.startswith(CONCEPT_PREFIX)]
            score, other_word = max(close, default=(0.0, ""))
            if score >= FUZZY_CUTOFF * 100:
                notes.append(f"spelt alike {word!r} ~ {other_word!r}")
        if not notes and shared:
            notes.append("shares " + ", ".join(repr(a.words[a.terms.index(t)]) for t in shared))
        return "; ".join(notes)

