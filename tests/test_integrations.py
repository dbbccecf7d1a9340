"""datatrove and Ray Data run cleanpage as a pipeline step. Both run here, in CI too."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Config

from extras import need

ARTICLE = "Oil prices fall\nOil prices fell 3.5% on Monday, analysts said.\nAdvertisement\nNo comments yet...\n"
HTML = ("<html><head><title>Oil | Example</title></head><body><h1>Oil prices fall</h1>"
        "<p>Oil prices fell 3.5% on Monday, analysts said.</p><p>Advertisement</p></body></html>")
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_datatrove_step_in_a_local_executor(tmp_path):
    need("datatrove")
    need("orjson")  # datatrove's JSONL reader and writer
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleanpage.integrations.datatrove import CleanpageStep

    pages = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    docs = [{"id": f"t{i}", "text": t, "metadata": {"url": f"https://example.com/{i}"}} for i, t in enumerate(pages)]
    docs += [{"id": "html", "text": HTML}, {"id": "chrome-only", "text": "Advertisement\nNo comments yet..."}]
    (tmp_path / "in").mkdir()
    with gzip.open(tmp_path / "in" / "shard.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(d) + "\n" for d in docs)

    executor = LocalPipelineExecutor(pipeline=[
        JsonlReader(str(tmp_path / "in")),
        CleanpageStep(exclusion_writer=JsonlWriter(str(tmp_path / "excluded"))),
        JsonlWriter(str(tmp_path / "out")),
    ], tasks=1, logging_dir=str(tmp_path / "logs"))
    executor.run()

    out = [json.loads(line) for f in sorted((tmp_path / "out").glob("*.jsonl.gz"))
           for line in gzip.open(f, "rt", encoding="utf-8")]
    assert [d["id"] for d in out] == [f"t{i}" for i in range(len(pages))] + ["html"]
    for doc, text in zip(out, pages):
        page = cleanpage.clean(text, url=doc["metadata"]["url"])
        assert doc["text"] == page.body
        assert doc["metadata"]["cleanpage"] == {"title": page.title, "metadata": dict(page.metadata),
                                                "sidebar": [i.to_dict() for i in page.sidebar]}
    assert out[-1]["text"] == "Oil prices fell 3.5% on Monday, analysts said."
    excluded = [json.loads(line) for f in (tmp_path / "excluded").glob("*.jsonl.gz")
                for line in gzip.open(f, "rt", encoding="utf-8")]
    assert [d["id"] for d in excluded] == ["chrome-only"]
    assert excluded[0]["text"] == "Advertisement\nNo comments yet..."  # kept as it came

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = {k: v if isinstance(v, int) else v["total"]  # a count, or a metric with its total
            for k, v in next(s for s in stats if "cleanpage" in s["name"])["stats"].items()}
    removed = [r.rule for t in [*pages, HTML, "Advertisement\nNo comments yet..."] for r in cleanpage.clean(t).removed]
    assert {k: v for k, v in step.items() if k.startswith("removed_")} == \
        {f"removed_{rule}": removed.count(rule) for rule in set(removed)}
    assert step["total"] == len(docs) and step["forwarded"] == len(docs) - 1 and step["dropped"] == 1


def test_datatrove_step_counts_errors_and_keeps_going():
    need("datatrove")
    from datatrove.data import Document

    from cleanpage.integrations.datatrove import CleanpageStep

    step = CleanpageStep(explain=True)
    docs = [Document(text=ARTICLE, id="a"), Document(text=None, id="bad"), Document(text=ARTICLE, id="c")]  # type: ignore[arg-type]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["a", "c"]
    assert out[0].metadata["cleanpage"]["removed"][0]["rule"] == "ads.marker_line"
    assert docs[1].metadata["cleanpage"]["error"]["type"] == "InputError"
    assert step.stats["error_InputError"].total == 1


@pytest.fixture(scope="session")
def ray_local():
    ray = need("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def test_ray_clean_dataset(ray_local):
    from cleanpage.integrations.ray import clean_dataset

    rows = [{"id": i, "url": f"https://example.com/{i}", "html": HTML if i % 2 else ARTICLE, "title": f"scraped {i}"}
            for i in range(40)]
    rows[7]["html"] = None
    ds = ray_local.data.from_items(rows)
    out = clean_dataset(ds, column="html", explain=True, batch_size=8)
    got = sorted(out.take_all(), key=lambda r: r["id"])
    assert len(got) == 40
    assert got[0]["body"] == cleanpage.clean(ARTICLE).body and got[0]["input_title"] == "scraped 0"
    assert got[1]["title"] == cleanpage.clean(HTML).title and got[1]["url"] == "https://example.com/1"
    assert got[0]["removed"][0]["rule"] == "ads.marker_line"
    assert got[7]["error"]["type"] == "InputError"
    assert got[7]["error"]["message"].startswith("clean() takes str or bytes, got NoneType")
    assert got[7]["body"] is None and got[7]["html"] is None
    assert sum(r["error"] is not None for r in got) == 1
    names = out.schema().names
    assert names == ["id", "url", "html", "input_title", "title", "body", "metadata", "sidebar", "removed", "error"]
    with pytest.raises(cleanpage.ConfigError):
        clean_dataset(ds, config=Config(disabled={"no.such_rule"}))
