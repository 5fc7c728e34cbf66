"""Score story assignment: pairwise F1 against labelled stories, through a real `newsfacts run`.

The labelled pages: the 60 pages of ../shared/bench/boilerplate with ../shared/stories-dev.jsonl
(two multi-outlet stories, the rest singletons) plus the five sample pages of raw/ (one story).
They are copied into a fresh raw folder, `newsfacts run` builds a warehouse from them, and the
stories it assigned (articles.story_id) are scored pair by pair: a pair of pages is predicted
together when they share a story, gold together when their labels agree.

Dev and validation: a labelled story is in *validation* when the sha1 of its smallest doc_id
starts with an even hex digit (whole stories fall on one side); the samples are dev. Stories
were designed and tuned looking at dev pages only; validation is the held-out figure. Pairs
across the two sides count in "all" only.

Baseline: a plain TF-IDF cosine grouping of the cleaned bodies (the same warehouse's
articles.body), pages joined when their cosine passes one threshold (connected components),
the threshold tuned for F1 on dev, and alternatively on all pages.

With ``--quotes``, the same is done on the 420 political articles of ../shared/bench/quotes
(seven outlets, overlapping dates), given as a feed with each file's outlet and date, against
the hand labels in bench/data/quotes_stories.tsv (keys are sha1 of the doc_id: no text here).
Nothing was tuned on them; the baseline keeps its threshold from the labelled pages.

    python bench/eval_stories.py [--quotes] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb
import numpy as np
from newsfacts_runs import run_to_end

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BOILERPLATE_DOCS = SHARED / "bench" / "boilerplate" / "docs"
QUOTES_DOCS = SHARED / "bench" / "quotes" / "docs"
LABELS = SHARED / "stories-dev.jsonl"
QUOTES_LABELS = REPO / "bench" / "data" / "quotes_stories.tsv"
SAMPLES_STORY = "samples"
QUOTES_NAME = re.compile(r"polnear-train-(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d\d-\d\d)_")
# A first paragraph this short is the headline of a quotes-corpus file.
MAX_TITLE_CHARS = 200
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)


def is_validation(story_docs: Iterable[str]) -> bool:
    """The fixed split: by the sha1 of the story's smallest doc_id (even first hex digit)."""
    first = hashlib.sha1(min(story_docs).encode()).hexdigest()[0]
    return int(first, 16) % 2 == 0


def gold_labels() -> tuple[dict[str, str], dict[str, str]]:
    """doc -> gold story, and doc -> 'dev' or 'validation', for the 60 pages and the samples."""
    gold = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["doc_id"]] = row["story"]
    for path in sorted((REPO / "raw").glob("*.txt")):
        gold[path.stem] = SAMPLES_STORY
    by_story: dict[str, list[str]] = {}
    for doc, story in gold.items():
        by_story.setdefault(story, []).append(doc)
    side = {}
    for story, docs in by_story.items():
        held_out = story != SAMPLES_STORY and is_validation(docs)
        for doc in docs:
            side[doc] = "validation" if held_out else "dev"
    return gold, side


def run_newsfacts(raw: Path, db: Path) -> None:
    done = run_to_end(raw, db)
    if done.returncode != 0:
        sys.exit(f"newsfacts run failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def warehouse_stories(db: Path) -> tuple[dict[str, str], dict[str, str]]:
    """source_id -> story_id, and source_id -> cleaned body, from the warehouse."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT source_id, story_id, body FROM articles").fetchall()
    return {s: story for s, story, _ in rows}, {s: body or "" for s, _, body in rows}


def pairwise(pred: Mapping[str, object], gold: Mapping[str, str], docs: Iterable[str]) -> dict:
    """Pairwise precision, recall and F1 over the pairs of these docs."""
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(docs), 2):
        together, should = pred[a] == pred[b], gold[a] == gold[b]
        tp += together and should
        fp += together and not should
        fn += should and not together
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": round(f1, 3), "p": round(p, 3), "r": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def tfidf_groups(bodies: Mapping[str, str], threshold: float, sims=None) -> dict[str, int]:
    """The baseline: connected components of pages whose TF-IDF cosine passes the threshold."""
    docs = sorted(bodies)
    if sims is None:
        sims = tfidf_similarities(bodies)
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(sims >= threshold, k=1)), strict=True):
        parent[find(int(i))] = find(int(j))
    return {d: find(i) for i, d in enumerate(docs)}


def tfidf_similarities(bodies: Mapping[str, str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    docs = sorted(bodies)
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [bodies[d] for d in docs]
    )
    return cosine_similarity(matrix)


def best_threshold(bodies, gold, docs, sims) -> float:
    scores = [(pairwise(tfidf_groups(bodies, t, sims), gold, docs)["f1"], -t) for t in THRESHOLDS]
    return -max(scores)[1]


def labelled_pages(keep: Path | None) -> dict:
    gold, side = gold_labels()
    work = Path(tempfile.mkdtemp(prefix="eval_stories_")) if keep is None else keep
    raw = work / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for doc in gold:
        source = REPO / "raw" / f"{doc}.txt"
        if not source.exists():
            source = BOILERPLATE_DOCS / f"{doc}.txt"
        shutil.copy(source, raw / source.name)
    db = work / "stories.duckdb"
    run_newsfacts(raw, db)
    pred, bodies = warehouse_stories(db)
    missing = sorted(set(gold) - set(pred))
    if missing:
        raise SystemExit(f"not loaded: {missing}")
    sims = tfidf_similarities(bodies)
    subsets = {
        "dev": [d for d in gold if side[d] == "dev"],
        "validation": [d for d in gold if side[d] == "validation"],
        "all": list(gold),
    }
    tuned = {name: best_threshold(bodies, gold, subsets[name], sims) for name in ("dev", "all")}
    result: dict = {"pages": len(gold), "stories": len(set(pred.values()))}
    for name, docs in subsets.items():
        result[name] = {
            "stories": pairwise(pred, gold, docs),
            f"tfidf@{tuned['dev']} (dev-tuned)": pairwise(
                tfidf_groups(bodies, tuned["dev"], sims), gold, docs
            ),
            f"tfidf@{tuned['all']} (all-tuned)": pairwise(
                tfidf_groups(bodies, tuned["all"], sims), gold, docs
            ),
        }
    samples = {pred[d] for d in gold if gold[d] == SAMPLES_STORY}
    intruders = sorted(d for d in gold if gold[d] != SAMPLES_STORY and pred[d] in samples)
    result["samples_one_story"] = len(samples) == 1
    result["samples_false_merges"] = intruders
    result["thresholds"] = tuned
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return result


def quotes_feed(folder: Path) -> None:
    """The quotes corpus as one feed: each file's outlet and date from its name."""
    with (folder / "quotes.jsonl").open("w", encoding="utf-8") as out:
        for path in sorted(QUOTES_DOCS.glob("*.txt")):
            match = QUOTES_NAME.match(path.name)
            text = path.read_text(encoding="utf-8")
            first, _, rest = text.partition("\n\n")
            title = first.strip() if len(first) < MAX_TITLE_CHARS else None
            record = {
                "id": path.stem,
                "outlet": match["outlet"] if match else None,
                "published": match["date"] if match else None,
                "title": title,
                "text": rest if title else text,
            }
            out.write(json.dumps(record) + "\n")


def quotes_labels() -> dict[str, str]:
    """doc -> story for every quotes-corpus file; unlabelled files are singletons."""
    keyed = {}
    for line in QUOTES_LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, story = line.split("\t")[:2]
            keyed[key] = story
    gold = {}
    for path in sorted(QUOTES_DOCS.glob("*.txt")):
        key = hashlib.sha1(path.stem.encode()).hexdigest()[:16]
        gold[path.stem] = keyed.get(key, f"single:{path.stem}")
    return gold


def quotes_corpus(keep: Path | None, thresholds: Mapping[str, float]) -> dict:
    work = Path(tempfile.mkdtemp(prefix="eval_quotes_")) if keep is None else keep / "quotes"
    raw = work / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    quotes_feed(raw)
    db = work / "stories.duckdb"
    run_newsfacts(raw, db)
    pred, bodies = warehouse_stories(db)
    gold = quotes_labels()
    docs = sorted(gold)
    sims = tfidf_similarities(bodies)
    result = {"articles": len(docs), "stories": len(set(pred.values()))}
    result["stories_f1"] = pairwise(pred, gold, docs)
    for name, t in thresholds.items():
        result[f"tfidf@{t} ({name}-tuned on pages)"] = pairwise(
            tfidf_groups(bodies, t, sims), gold, docs
        )
    t_best = best_threshold(bodies, gold, docs, sims)
    result[f"tfidf@{t_best} (tuned here: its ceiling)"] = pairwise(
        tfidf_groups(bodies, t_best, sims), gold, docs
    )
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", action="store_true", help="also score the quotes corpus")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    if not LABELS.exists():
        raise SystemExit(f"{LABELS} not found (../shared is needed)")
    pages = labelled_pages(args.keep)
    print(json.dumps(pages, indent=1))
    if args.quotes:
        print(json.dumps({"quotes": quotes_corpus(args.keep, pages["thresholds"])}, indent=1))
    f1 = {k: pages[k]["stories"]["f1"] for k in ("dev", "validation", "all")}
    print(f"F1 dev={f1['dev']} validation={f1['validation']} all={f1['all']}")


if __name__ == "__main__":
    main()
