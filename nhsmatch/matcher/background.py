"""Which sentences of a challenge say what the problem is, and which are about the asker.

Leaders often wrap a problem in sentences about themselves ("Our ICS serves 1.4 million people
across four places, with three acute trusts and a mental health trust ..."). Read as part of the
problem, those sentences bring concepts (*mental health*), words and meaning that pull in
precedents about something else. A logistic regression over the model's sentence vectors, fitted
at index build on curated sentences of both kinds (corpus/data/challenge_sentences.json), gives
each sentence the chance that it is about the problem. Its weight is that chance relative to
FULL_WEIGHT_AT: a sentence as likely to be about the problem as that counts in full, so a question
that names what it asks ("How did other trusts get patients home sooner?") keeps its weight, while
plain background ("We are a teaching hospital trust with 12,000 staff") keeps next to none, and a
bare "What have others done?", which says nothing of the problem, a seventh. The weights scale a
sentence's share of the challenge's vector (focus.py), of its words in the lexical score, and
whether the concepts it names count. README, *background about the asker*, has the measurements.

A question that names a condition or an approach ("Has anyone used NT-proBNP testing in primary
care?") asks about the problem, whatever the classifier reads: after a problem, its vector read less
the whole challenge has lost the topic it shares with it and looks like a generic ask ("How much did
it cost?"). So a question (`is_question`) that names a topic of the vocabulary (a condition or an
approach, `Vocabulary.topics`) counts at least as a sentence whose concepts count. So does a
statement of what the asker intends to try (`intended`: "We want to try inclisiran clinics run by
the PCN pharmacists."), which the classifier misreads for the same reason: of its own examples, none
of the 441 about the asker states an intent naming a topic, 13 of the 417 about the problem do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .interfaces import Embedder, Vectors

FULL_WEIGHT_AT = 0.3  # chance of being about the problem at which a sentence counts in full
# The classifier's inverse regularisation: the C with the best 5-fold log loss on the examples read
# in context, as a match reads them (1 underrated how little background is about the problem).
REGULARISATION_C = 10.0
CONCEPT_WEIGHT = 0.5  # from this weight up, the concepts a sentence names are the challenge's; below it, the
# sentence is shown to the user as read as background (MatchResult.read_as_background)
# A question typed without its question mark opens as one: "any examples of ...", "how did other PCNs ...".
_QUESTION_OPENING = re.compile(
    r"^\W*(?:has|have|did|does|do|is|are|was|were|can|could|would|will|should|how|what|whats|which|who|why"
    r"|anyone|anybody|any)\b",
    re.IGNORECASE,
)


# A plan or a wish within a sentence's first few words, after its subject ("we", "the immunisation
# team", "I'm"): "We'd like to pilot ...", "Keen to explore ...", "The board is minded to commission
# ...", "Our plan is to ...". "Looking for" is left out: it asks for precedents, not what to try.
# Words are runs of letters, so "We'd like" reads as "We", "d like".
_INTENT_CUES = (
    r"wants?\s+(?:to|a|an)",
    r"wanting\s+to",
    r"(?:would|d)\s+(?:like|love)\s+(?:to|a|an)",
    r"(?:keen|minded)\s+to",
    r"(?:hope|hopes|hoping|aim|aims|aiming|intend|intends|intending)\s+to",
    r"interested\s+in",
    r"plan(?:s|ning)?\s+(?:to|on)",
    r"planning\s+an?",
    r"(?:will|ll|going\s+to)\s+(?:try|trial|pilot|test)",
    r"thinking\s+(?:about|of)",
    r"consider(?:s|ing)",
    r"look(?:ing)?\s+(?:to|at|into)",
    r"explor(?:e|es|ing)",
    r"propos(?:e|es|ed|ing)",
    r"asked\s+to",
    r"(?:are|re)\s+after",
    r"(?:preparing|getting\s+ready)\s+to",
    r"ideally",
    r"(?:plan|thinking|intention|idea|aim|ambition|proposal|option|preference|next\s+step)\s+is",
)
_INTENT = re.compile(rf"^\W*(?:\w+\W+){{0,5}}?(?:{'|'.join(_INTENT_CUES)})\b", re.IGNORECASE)
# The same put last, what is intended first: "A fracture liaison service is what we're after",
# "... is something the network plans to adopt", "... is our current thinking".
_INTENT_VERBS = (
    r"want|wants|like|love|need|needs|after|mind|hope|hoping|intend|intends|aim|aiming|plan|plans|planning"
    r"|propose|proposes|proposing|pushing|heading|considering|thinking|exploring|commission|adopt|introduce"
    r"|trial|pilot|try|test|set\s+up"
)
_INTENT_LAST = re.compile(
    r"[\s,;:–—-]+(?:is|are|would\s+be)\s+(?:exactly\s+|precisely\s+|really\s+)?"
    rf"(?:(?:what|something|the\s+(?:thing|direction|option|route))(?:\W+\w+){{0,5}}?\W+(?:{_INTENT_VERBS})"
    r"|our\s+(?:\w+\s+){0,2}?(?:plan|thinking|idea|aim|ambition|proposal|preference|choice|option|move|step))\b",
    re.IGNORECASE,
)
# What an organisation plans to change about itself rather than try for the problem: "The trust also
# plans to join a pathology network", "... to move the community respiratory team into the new hub".
_REORGANISING = re.compile(
    r"\W*(?:(?:relocat|merg|restructur|refurbish|complet|appoint|recruit|consolidat)\w*|join(?:s|ing)?|form"
    r"|mov\w*\s+(?:the|our|its|their))\b",
    re.IGNORECASE,
)


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_QUESTION_OPENING.match(sentence))


def intended(sentence: str) -> str | None:
    """What the sentence says its writer wants, plans or is considering doing: the words after its
    statement of intent, so a topic in its subject ("Our digital lead would like a quick chat ...")
    is not taken for what is intended; None if it states no intent, or one to reorganise."""
    if found := _INTENT.match(sentence):
        wanted = sentence[found.end() :]
    elif put_last := _INTENT_LAST.search(sentence):
        wanted = sentence[: put_last.start()]
    else:
        return None
    return None if _REORGANISING.match(wanted) else wanted


@dataclass(frozen=True)
class ChallengeSentences:
    """Example sentences of each kind; `sha256` identifies the file they came from."""

    about_the_asker: tuple[str, ...]
    about_the_problem: tuple[str, ...]
    sha256: str = ""


class ProblemSentences:
    """A linear classifier over sentence vectors: coefficients and intercept of a logistic regression."""

    def __init__(self, coefficients: npt.NDArray[np.float32], intercept: float) -> None:
        self.coefficients = np.asarray(coefficients, dtype=np.float32)
        self.intercept = float(intercept)

    @classmethod
    def fit(cls, embedder: Embedder, examples: ChallengeSentences) -> ProblemSentences:
        """Fitted on the examples' vectors from `embedder` (one encode call, about 1.5 s for the
        bundled model and examples on two cores), L2-regularised with REGULARISATION_C."""
        from sklearn.linear_model import LogisticRegression

        if not examples.about_the_asker or not examples.about_the_problem:
            raise ValueError("challenge sentences need examples of both kinds")
        sentences = [*examples.about_the_asker, *examples.about_the_problem]
        labels = np.r_[np.zeros(len(examples.about_the_asker)), np.ones(len(examples.about_the_problem))]
        model = LogisticRegression(C=REGULARISATION_C, max_iter=5000).fit(embedder.encode(sentences), labels)
        return cls(model.coef_[0], float(model.intercept_[0]))

    def as_array(self) -> npt.NDArray[np.float32]:
        """The coefficients, then the intercept: how an index build saves the classifier."""
        return np.append(self.coefficients, np.float32(self.intercept))

    @classmethod
    def from_array(cls, saved: npt.NDArray[np.float32]) -> ProblemSentences:
        if saved.ndim != 1 or len(saved) < 2:
            raise ValueError(f"a saved sentence classifier is a vector of 2+ numbers, not shape {saved.shape}")
        return cls(saved[:-1], float(saved[-1]))

    def chances(self, sentence_vectors: Vectors) -> npt.NDArray[np.float32]:
        """Per sentence: the chance that it is about the problem."""
        logits = np.asarray(sentence_vectors, dtype=np.float32) @ self.coefficients + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-logits)), dtype=np.float32)

    def weights(self, sentence_vectors: Vectors) -> npt.NDArray[np.float32]:
        """Per sentence of one challenge: 1 from FULL_WEIGHT_AT up, less in proportion below it.
        A challenge none of whose sentences reaches it gives its likeliest one full weight."""
        chances = self.chances(sentence_vectors)
        if len(chances) == 0:
            return chances
        full_at = max(min(FULL_WEIGHT_AT, float(chances.max())), 1e-12)
        return np.asarray(np.minimum(1.0, chances / full_at), dtype=np.float32)
