"""Does the matcher say so when a challenge is not in English, and never when it is? `python -m bench.languages` (5 s).

The model reads English only: a challenge in Welsh or Urdu finds weak or wrong matches, and the
asker should be told why (`not_in_english`, spelling.py). A false flag would tell an English-writing
leader that their challenge was not understood, so the English side counts every English text the
project holds: the dev challenges, every bench's challenges and rewrites, and each record's challenge
and intervention. The other side is the same few problems (heart failure found only on emergency
admission, AF not anticoagulated, long dermatology waits, ...) put by this bench's author in the
languages most spoken in England and Wales after English, in Latin script and not. They are not
fluent translations, as an asker's own words would not be either. Prints how many are flagged on each
side, for the English texts each sentence too (in a text read as English, a sentence that is not has
no typing slips corrected: a bilingual Welsh and English challenge), and for the other languages how
many were also flagged as having no strong precedent.
"""

from __future__ import annotations

from bench import context, new_topics, no_precedent, paraphrase, questions
from nhsmatch.api.cli import load_configured_matcher
from nhsmatch.corpus import DEFAULT_DEV_QUERIES_PATH
from nhsmatch.matcher.evaluation import load_judged_queries
from nhsmatch.matcher.passages import sentence_spans
from nhsmatch.matcher.search import Matcher

OTHER_LANGUAGES = {
    "Welsh": [
        "Mae gormod o gleifion â methiant y galon yn cael eu derbyn i'r ysbyty mewn argyfwng.",
        "Nid yw llawer o bobl â ffibriliad atrïaidd yn cael gwrthgeulyddion, ac mae gennym ormod o strôc.",
        "Mae'r rhestrau aros dermatoleg yn hir iawn ac nid oes digon o feddygon croen yn yr ardal.",
        "Mae cleifion â chlefyd yr ysgyfaint yn dod i'r adran achosion brys yn rhy aml yn ystod y gaeaf.",
    ],
    "French": [
        "Trop de patients atteints d'insuffisance cardiaque ne sont diagnostiqués qu'au moment d'une "
        "hospitalisation en urgence; nos infirmières communautaires sont débordées.",
        "Beaucoup de patients avec une fibrillation auriculaire ne reçoivent pas d'anticoagulants et nous avons "
        "trop d'accidents vasculaires cérébraux.",
        "Les délais d'attente en dermatologie dépassent un an et nous manquons de dermatologues.",
    ],
    "Spanish": [
        "Demasiados pacientes con insuficiencia cardíaca solo se diagnostican cuando ingresan de urgencia en el "
        "hospital; nuestras enfermeras comunitarias están desbordadas.",
        "Muchas personas con fibrilación auricular no reciben anticoagulantes y tenemos demasiados ictus.",
        "Los pacientes con diabetes tipo 2 no alcanzan sus objetivos de hemoglobina glicada y las consultas de "
        "atención primaria están saturadas.",
    ],
    "German": [
        "Zu viele Patienten mit Herzinsuffizienz werden erst bei einer Notaufnahme ins Krankenhaus diagnostiziert; "
        "unsere Gemeindeschwestern sind überlastet.",
        "Viele Menschen mit Vorhofflimmern erhalten keine Gerinnungshemmer, und wir haben zu viele Schlaganfälle.",
    ],
    "Polish": [
        "Zbyt wielu pacjentów z niewydolnością serca jest diagnozowanych dopiero po nagłym przyjęciu do szpitala; "
        "nasze pielęgniarki środowiskowe są przeciążone.",
        "Wiele osób z migotaniem przedsionków nie otrzymuje leków przeciwzakrzepowych i mamy zbyt wiele udarów.",
    ],
    "Portuguese": [
        "Muitos doentes com insuficiência cardíaca só são diagnosticados quando são internados de urgência; os "
        "nossos enfermeiros comunitários estão sobrecarregados."
    ],
    "Italian": [
        "Troppi pazienti con scompenso cardiaco vengono diagnosticati solo al momento di un ricovero urgente; i "
        "nostri infermieri di comunità sono sovraccarichi."
    ],
    "Romanian": [
        "Prea mulți pacienți cu insuficiență cardiacă sunt diagnosticați doar atunci când sunt internați de "
        "urgență; asistentele noastre comunitare sunt suprasolicitate."
    ],
    "Turkish": [
        "Kalp yetmezliği olan pek çok hasta ancak acil olarak hastaneye yatırıldığında teşhis ediliyor; toplum "
        "hemşirelerimiz aşırı yüklü."
    ],
    "Somali": [
        "Bukaanno badan oo qaba wadne xanuun ayaa la ogaadaa kaliya marka ay isbitaalka si degdeg ah u yimaadaan."
    ],
    "Urdu": ["دل کی ناکامی کے بہت سے مریضوں کی تشخیص صرف اس وقت ہوتی ہے جب وہ ایمرجنسی میں ہسپتال داخل ہوتے ہیں"],
    "Arabic": ["يتم تشخيص الكثير من مرضى قصور القلب فقط عند دخولهم المستشفى في حالات الطوارئ"],
    "Chinese": ["太多心力衰竭患者只有在急诊入院时才被诊断出来，我们的社区护士人手不足。"],
    "Bengali": ["অনেক হৃদরোগীর রোগ শুধুমাত্র জরুরি ভর্তির সময় নির্ণয় করা হয়"],
    "Punjabi": ["ਬਹੁਤ ਸਾਰੇ ਦਿਲ ਦੀ ਅਸਫਲਤਾ ਵਾਲੇ ਮਰੀਜ਼ਾਂ ਦਾ ਨਿਦਾਨ ਸਿਰਫ਼ ਐਮਰਜੈਂਸੀ ਦਾਖਲੇ ਵੇਲੇ ਹੁੰਦਾ ਹੈ"],
}


def english_texts(matcher: Matcher) -> dict[str, list[str]]:
    """Every English text the project holds, by where it comes from."""
    follow_ups = [text for texts in questions.FOLLOW_UPS.values() for text in texts]
    return {
        "dev challenges": [q.query for q in load_judged_queries(DEFAULT_DEV_QUERIES_PATH)],
        "rewrites (3 sets)": [
            *paraphrase.REWRITES.values(),
            *paraphrase.BLIND_REWRITES.values(),
            *paraphrase.BLIND_REWRITES_2.values(),
        ],
        "questions and follow-ups": [*questions.TOPICAL, *questions.GENERIC, *follow_ups],
        "new topics": [*new_topics.OPEN.values(), *new_topics.HELD_OUT.values()],
        "background sentences": [*context.BACKGROUND.values(), *context.HELD_OUT, *context.BLIND],
        "no-precedent challenges": no_precedent.OUT_OF_SCOPE,
        "records' challenges and interventions": [
            text for record in matcher.records for text in (record.challenge, record.intervention)
        ],
    }


def not_english(matcher: Matcher, texts: list[str]) -> list[str]:
    return [text for text in texts if not matcher.speller.read(text).in_english]


def sentences(texts: list[str]) -> list[str]:
    """Each text's sentences: in a text read as English, one that is not is left as typed."""
    return [text[start:end] for text in texts for start, end in sentence_spans(text)]


def main() -> None:
    matcher = load_configured_matcher()
    print(f"{'English texts':40}{'texts':>8}{'flagged':>10}{'sentences':>12}{'flagged':>10}")
    for source, texts in english_texts(matcher).items():
        flagged = not_english(matcher, texts)
        each = sentences(texts)
        flagged_sentences = not_english(matcher, each)
        print(f"{source:40}{len(texts):>8}{len(flagged):>10}{len(each):>12}{len(flagged_sentences):>10}")
        for text in [*flagged, *flagged_sentences]:
            print(f"  flagged: {text[:90]}")
    print(f"\n{'other languages':40}{'texts':>8}{'flagged':>10}{'no strong precedent':>22}")
    total = flagged_total = 0
    for language, texts in OTHER_LANGUAGES.items():
        flagged = not_english(matcher, texts)
        weak = sum(matcher.match(text, limit=10).no_strong_precedent for text in texts)
        total, flagged_total = total + len(texts), flagged_total + len(flagged)
        print(f"{language:40}{len(texts):>8}{len(flagged):>10}{weak:>22}")
    print(f"{'all':40}{total:>8}{flagged_total:>10}")


if __name__ == "__main__":
    main()
