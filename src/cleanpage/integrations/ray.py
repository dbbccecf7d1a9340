"""cleanpage over a Ray Dataset (``pip install 'cleanpage[ray]'``).

    import ray
    from cleanpage.integrations.ray import clean_dataset

    ray.init()                      # or ray.init(address="auto") on a cluster
    ds = ray.data.read_parquet("s3://bucket/crawl/")
    clean_dataset(ds, column="html").write_parquet("s3://bucket/clean/")
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from ..api import Cleaner
from ..batch import Record, Work, arrow_columns, arrow_schema
from ..config import Config


def clean_dataset(ds: Any, column: str = "text", *, url_column: str | None = "url", config: Config | None = None,
                  explain: bool = False, batch_size: int | None = 256, **map_batches_kwargs: Any) -> Any:
    """``ds`` with cleanpage's columns added: ``title``, ``body``, ``metadata`` (a map),
    ``sidebar`` (a list of structs), ``removed`` (with ``explain``) and ``error``.

    ``column`` holds the page (text or HTML, string or binary); ``url_column``, if the
    dataset has it, the page's URL. Every row stays, in order: a row that cannot be cleaned
    has ``error = {"type": ..., "message": ...}`` and nulls in the other new columns. The
    input columns are kept; one whose name cleanpage uses is renamed ``input_<name>``.
    Extra keyword arguments go to ``Dataset.map_batches`` (``concurrency``, ``num_cpus``, ...).
    """
    config = config or Config()
    Cleaner(config)  # a bad config fails here, not in every task
    return ds.map_batches(_clean_batch, batch_format="pyarrow", batch_size=batch_size,
                          fn_kwargs={"column": column, "url_column": url_column, "config": config,
                                     "explain": explain},
                          **map_batches_kwargs)


_WORK: dict[Config, Work] = {}  # per worker process: rules are bound once, not per batch


def _clean_batch(table: pa.Table, *, column: str, url_column: str | None, config: Config,
                 explain: bool) -> pa.Table:
    work = _WORK.get(config)
    if work is None:
        work = _WORK[config] = Work(config)
    sources = table.column(column).to_pylist()
    has_url = url_column is not None and url_column in table.column_names
    urls = table.column(url_column).to_pylist() if has_url else [None] * len(sources)
    records = []
    for i, (source, url) in enumerate(zip(sources, urls)):
        rec = Record(i, source, url=url if isinstance(url, str) else None)
        records.append(work.clean(rec).to_dict(explain=explain))
    schema = arrow_schema(explain)
    added = [(f, a) for f, a in zip(schema, arrow_columns(records, schema)) if f.name not in ("id", "url")]
    taken = {f.name for f, _ in added}
    used = taken | set(table.column_names)
    names = []
    for name in table.column_names:
        if name in taken:
            while name in used:
                name = f"input_{name}"
            used.add(name)
        names.append(name)
    out = table.rename_columns(names)
    for f, array in added:
        out = out.append_column(f, array)
    return out
