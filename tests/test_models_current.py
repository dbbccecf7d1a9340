"""The shipped models read the features they were trained on.

Each training script records its model's features on a fixed page (``snapshot.py``,
``models/features.json``). A change to the tokens, the phrase families, the line shapes, the
title candidates or the DOM features that is not followed by training the models again
fails here."""

import copy

from cleanpage import snapshot


def test_the_shipped_models_read_the_features_they_were_trained_on():
    problems = snapshot.differences(snapshot.shipped())
    assert not problems, ("the features changed since the models were trained; rebuild them "
                          "(text: training/text/README.md, train_linescore.py --cv, train_linescore.py, "
                          "train_title.py; HTML: training/html/dataset.py, train.py): " + "; ".join(problems))


def test_a_changed_feature_or_phrase_family_is_found():
    recorded = snapshot.shipped()
    moved = copy.deepcopy(recorded)
    moved["line"]["features"][3][7] += 0.5  # as if a line feature were computed differently now
    assert snapshot.differences(moved) == ["line features: 1 values differ (first at row 3, column 7: "
                                           f"{recorded['line']['features'][3][7] + 0.5:.6g} then, "
                                           f"{recorded['line']['features'][3][7]:.6g} now)"]
    moved = copy.deepcopy(recorded)
    moved["line"]["phrase_families"] = "0" * 64  # as if a family's patterns had changed since
    moved["title"]["candidates"] = moved["title"]["candidates"][1:]  # and the title candidates
    moved["dom"]["blocks"] = moved["dom"]["blocks"][:-1]  # and the DOM walk's blocks
    assert snapshot.differences(moved) == ["line phrase_families: differ", "title candidates: differ",
                                           "dom blocks: differ"]
