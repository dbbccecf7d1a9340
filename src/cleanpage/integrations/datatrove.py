"""cleanpage as a datatrove pipeline step (``pip install 'cleanpage[datatrove]'``).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanpage.integrations.datatrove import CleanpageStep

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),
        CleanpageStep(),
        JsonlWriter("clean/"),
    ], tasks=4).run()
"""

from __future__ import annotations

import contextlib
from collections import Counter
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..api import Cleaner
from ..config import Config


class CleanpageStep(PipelineStep):
    """Clean each document's text (scraped text or HTML, as a reader left it in ``doc.text``).

    ``doc.text`` becomes the clean body; ``doc.metadata[metadata_key]`` (default
    ``"cleanpage"``) gets ``{"title": ..., "metadata": {...}, "sidebar": [...]}``, plus
    ``"removed"`` with ``explain=True``. The url is read from ``doc.metadata["url"]``.

    Stats: ``removed_<rule>`` counts what each rule removed; ``error_<Type>`` counts
    documents that failed. A document that fails, or whose body comes out empty (with
    ``drop_empty``), is dropped from the pipeline, and written to ``exclusion_writer`` if
    one is given, with the error or the result in its metadata: nothing is lost unnoticed.
    """

    name = "🧹 cleanpage"
    type = "🛢 - EXTRAC"

    def __init__(self, config: Config | None = None, *, metadata_key: str = "cleanpage", explain: bool = False,
                 drop_empty: bool = True, exclusion_writer: Any = None) -> None:
        super().__init__()
        self.config = config or Config()
        self.metadata_key, self.explain, self.drop_empty = metadata_key, explain, drop_empty
        self.exclusion_writer = exclusion_writer
        Cleaner(self.config)  # a bad config fails here, not in every task

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        cleaner = Cleaner(self.config)
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as writer:
            for doc in data:
                self.stat_update(StatHints.total)
                kept = self._clean(cleaner, doc)
                if kept:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)
                    if writer is not None:
                        writer.write(doc, rank)

    def _clean(self, cleaner: Cleaner, doc: Document) -> bool:
        url = doc.metadata.get("url")
        with self.track_time():
            try:
                page = cleaner.clean(doc.text, url=url if isinstance(url, str) else None)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the task
                self.stat_update("error", f"error_{type(exc).__name__}")
                doc.metadata[self.metadata_key] = {"error": {"type": type(exc).__name__, "message": str(exc)}}
                return False
        for rule, n in Counter(r.rule for r in page.removed).items():
            self.stat_update(f"removed_{rule}", value=n)
        out: dict[str, Any] = {"title": page.title, "metadata": dict(page.metadata),
                               "sidebar": [item.to_dict() for item in page.sidebar]}
        if self.explain:
            out["removed"] = [r.to_dict() for r in page.removed]
        doc.metadata[self.metadata_key] = out
        if self.drop_empty and not page.body:
            self.stat_update("dropped_empty")
            return False  # the excluded document keeps its text
        doc.text = page.body
        return True
