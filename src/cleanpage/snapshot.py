"""What the shipped models were trained to read: their features on fixed pages.

The line model, the title picker and the DOM model read features that code computes:
tokens, phrase families, line shapes, title candidates, the DOM walk's facts. Change that
code without training the models again and nothing fails; the models just read features
they never saw, and their scores drift. So each training script also writes its part of
``models/features.json``: the features of ``PAGE`` or ``HTML_PAGE`` (invented pages with a
little of everything the features look at) and, for the line model, a digest of the phrase
families. ``tests/test_models_current.py`` computes them again; a difference means the
models must be rebuilt (``training/text/README.md``, ``training/html/train.py``).
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .lines.scorer import LineScorer
from .lines.title import candidate_features
from .phrases import DEFAULT_FAMILIES

FORMAT = "cleanpage.features-snapshot/1"
FILE = "features.json"

#: invented: a <title> line with its site, navigation, a breadcrumb, the headline, a byline and
#: a date, paragraphs, chrome in German and French, a related list, share prompts and a footer
PAGE = """How to keep basil alive indoors | The Green Fork
Skip to content
Home
Recipes
Gardening
Log in
Subscribe
Home > Gardening > Herbs

How to keep basil alive indoors
By Jane Smith
Published 12 March 2025 · 5 min read

Basil wants light more than anything else: a south-facing window gives it six hours of sun, and without it the plant grows tall and weak.
Water it when the top of the soil is dry, from below if you can, and never leave the pot standing in water for long.
Pinch out the tips every week; the plant branches where you pinch it and gives more leaves for longer – all summer, in fact.

Zum Inhalt springen
Wir verwenden Cookies, um Ihnen das beste Erlebnis auf unserer Website zu bieten.
Nous utilisons des cookies pour améliorer votre expérience. Tout accepter
Related Articles
Ten herbs that grow on a windowsill - The Green Fork
Why your mint keeps dying: 3 fixes
10 hours ago
Share on Facebook
Follow us on Instagram
Privacy Policy
Terms of Use
© 2025 The Green Fork. All rights reserved.
"""


#: invented: a <title>, navigation, an article with a byline and date, an aside of related
#: links, a share bar, a cookie notice and a footer
HTML_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>How to keep basil alive indoors | The Green Fork</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{"@type": "Article", "headline": "How to keep basil alive indoors"}</script>
</head><body>
<header class="site-header"><nav class="main-menu"><a href="/">Home</a> <a href="/recipes">Recipes</a>
<a href="/garden">Gardening</a> <a href="/login">Log in</a></nav></header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/garden">Gardening</a> &gt; Herbs</div>
<main><article class="post-content">
<h1>How to keep basil alive indoors</h1>
<p class="byline">By <a href="/jane">Jane Smith</a> <time datetime="2025-03-12">12 March 2025</time></p>
<p>Basil wants light more than anything else: a south-facing window gives it six hours of sun, and without
it the plant grows tall and weak.</p>
<h2>Water from below</h2>
<p>Water it when the top of the soil is dry, from below if you can, and never leave the pot standing in water.</p>
<figure><img src="basil.jpg" alt="Basil"><figcaption>Basil on a windowsill. Photo: Jane Smith</figcaption></figure>
<ul><li>Pinch out the tips every week.</li><li>Turn the pot so every side gets light.</li></ul>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
</article>
<aside class="sidebar related-posts"><h3>Related Articles</h3><ul>
<li><a href="/mint">Why your mint keeps dying</a></li><li><a href="/herbs">Ten herbs for a windowsill</a></li>
</ul></aside></main>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<footer class="site-footer"><a href="/privacy">Privacy Policy</a> <a href="/terms">Terms of Use</a>
<p>&copy; 2025 The Green Fork. All rights reserved.</p></footer>
</body></html>"""


def families_digest() -> str:
    """A digest of the default phrase families' patterns, words and limits."""
    return hashlib.sha256(repr(DEFAULT_FAMILIES).encode("utf-8")).hexdigest()


def line_part(scorer: LineScorer | None = None) -> dict[str, Any]:
    """The line model's inputs on ``PAGE``: every line's features (both passes' columns)."""
    s = (scorer or LineScorer()).score(PAGE)
    return {"phrase_families": families_digest(), "lines": list(s.lines.texts),
            "features": np.asarray(s._X2, np.float64).tolist()}  # noqa: SLF001 - the matrix the passes read


def title_part(scorer: LineScorer | None = None) -> dict[str, Any]:
    """The title picker's inputs on ``PAGE``: its candidates and their features (which read the
    line model's verdicts, so a new line model means a new title model too)."""
    s = (scorer or LineScorer()).score(PAGE)
    cands, X = candidate_features(list(s.lines.texts), s.keep.tolist(), list(s.family),
                                  s.probability.tolist(), list(s.lines.gaps))
    return {"candidates": [[c.line, c.title, c.site] for c in cands], "features": np.asarray(X, np.float64).tolist()}


def dom_part(scorer: LineScorer | None = None) -> dict[str, Any]:  # noqa: ARG001 - the parts' one signature
    """The DOM model's inputs on ``HTML_PAGE``: its blocks' text and every block's features."""
    from .dom.features import matrix
    from .parse.html import walk

    dom = walk(HTML_PAGE.encode("utf-8"))
    return {"blocks": list(dom.texts), "features": np.asarray(matrix(dom), np.float64).tolist()}


PARTS = {"line": line_part, "title": title_part, "dom": dom_part}


def shipped() -> dict[str, Any]:
    """The snapshot written with the shipped models."""
    return json.loads(resources.files("cleanpage").joinpath("models", FILE).read_text(encoding="utf-8"))


def differences(recorded: dict[str, Any], scorer: LineScorer | None = None) -> list[str]:
    """How the features computed now differ from ``recorded``; empty when they agree."""
    out: list[str] = []
    for name, part in PARTS.items():
        then = recorded.get(name)
        if then is None:
            out.append(f"{name}: nothing recorded")
            continue
        for key, value in part(scorer).items():
            if key == "features":
                a, b = np.asarray(then[key], np.float64), np.asarray(value, np.float64)
                if a.shape != b.shape:
                    out.append(f"{name} features: shape {a.shape} then, {b.shape} now")
                elif not np.allclose(a, b, rtol=1e-6, atol=1e-6):
                    rows, cols = np.nonzero(~np.isclose(a, b, rtol=1e-6, atol=1e-6))
                    out.append(f"{name} features: {len(rows)} values differ (first at row {rows[0]}, "
                               f"column {cols[0]}: {a[rows[0], cols[0]]:.6g} then, {b[rows[0], cols[0]]:.6g} now)")
            elif then.get(key) != value:
                out.append(f"{name} {key}: differ")
    return out


def write(path: str | Path, part: str, scorer: LineScorer | None = None) -> None:
    """Record ``part`` ("line", "title" or "dom") of the snapshot in the JSON file at ``path``,
    keeping the other parts: each training script writes its own."""
    p = Path(path)
    data = json.loads(p.read_text(encoding="utf-8")) if p.exists() else {"format": FORMAT}
    data[part] = PARTS[part](scorer)
    p.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
