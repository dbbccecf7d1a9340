import pytest

import cleanpage
from cleanpage.pipeline import decide


@pytest.mark.parametrize("line", [
    "5 min read", "12 Min Read", "3 MIN. READ", "10min read", "4 minute read time", "21 Minutes to Read",
    "Reading time: 8 minutes", "Estimated reading time: 11 minutes", "| Reading Time: 7 minutes", "Read time: 14 min",
    "· 6 mins read", "3 Min. Lesezeit", "Lesezeit: 5 Minuten", "Lecture : 4 min", "5 min de lecture",
    "Tiempo de lectura: 5 minutos", "5 min de leitura", "Tempo di lettura: 6 minuti",
])
def test_drop_reading_time_label(line):
    assert decide("reading.time_label", line).action == "drop"


@pytest.mark.parametrize("line", [
    "Most readers need 5 minutes to read the report, the authors said.",
    "Read more", "5 minutes", "Reading", "The 5 min read that changed my mind",
    "Lecture 5: Thermodynamics",  # a course outline, not a reading time
])
def test_reading_time_keeps_other_lines(line):
    assert decide("reading.time_label", line) is None


def test_reading_time_leaves_the_article():
    page = cleanpage.clean("How we moved the garden\n5 min read\n"
                           "For years the tomatoes split in the afternoon sun, so we moved every bed.\n")
    assert page.paragraphs == ("For years the tomatoes split in the afternoon sun, so we moved every bed.",)
    assert [(r.rule, r.text) for r in page.removed] == [("reading.time_label", "5 min read")]
