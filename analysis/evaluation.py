"""Score the analyser against gold annotations, set by set, with the shared scorer's rules.

Sets, real text first:
- `real`: ../shared/real, real VOA and government press texts with hand-made gold (kept outside
  the repository; read where it is);
- `polnear-dev` (and `polnear-train` on request): PolNeAR converted by scripts/polnear_gold.py into
  a directory outside the repository (default ~/.cache/stance-explorer/polnear);
- `seed`: the bundled seed article;
- `synthetic` and `synthetic-heldout`: articles the team wrote, kept as tests of single rules.

Figures are micro-averaged: counts are summed over the set's articles before dividing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from analysis.user_cache import user_cache_dir

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STANCE_EXPLORER_SHARED") or ROOT.parent / "shared")
SCORER_PATH = ROOT / "tests" / "score.py"  # a copy of ../shared/tools/score.py, unchanged
SEED_NAME = "starmer_albania_2025-05-15"


def real_extra_dir() -> Path:
    """A second set of real articles with gold, annotated blind, kept outside the repository (measure
    on it, never tune on it); STANCE_EXPLORER_REAL_EXTRA points elsewhere."""
    return Path(os.environ.get("STANCE_EXPLORER_REAL_EXTRA") or ROOT.parent / "real-extra")


def polnear_dir() -> Path:
    """Where scripts/polnear_gold.py writes its gold files (outside the repository)."""
    if os.environ.get("STANCE_EXPLORER_POLNEAR"):
        return Path(os.environ["STANCE_EXPLORER_POLNEAR"])
    return user_cache_dir() / "polnear"


@dataclass(frozen=True)
class GoldCase:
    """One article and its gold annotation."""

    name: str
    gold_path: Path
    article_path: Path
    published: str | None


@dataclass(frozen=True)
class EvalSet:
    """A named set of gold cases and which parts of the annotation it has."""

    name: str
    description: str
    cases: tuple[GoldCase, ...]
    figures: bool = True  # the gold lists every figure
    stance: bool = True  # the gold labels stance

    def checksum(self) -> str:
        """A digest of every gold file and article of the set: floors hold only for this content."""
        digest = hashlib.sha256()
        for case in sorted(self.cases, key=lambda c: c.name):
            digest.update(case.name.encode())
            digest.update(case.gold_path.read_bytes())
            digest.update(case.article_path.read_bytes())
        return digest.hexdigest()[:16]


def load_scorer() -> ModuleType:
    """The shared scorer, imported from its file so its rules are used unchanged."""
    spec = importlib.util.spec_from_file_location("gold_scorer", SCORER_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _iso_date(value: object) -> str | None:
    """The gold's date for the analyser: a day ("2020-06-22") or a month alone ("2020-06")."""
    return value if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value) else None


def cases_in(gold_dir: Path, article_dirs: Iterable[Path]) -> tuple[GoldCase, ...]:
    """Every gold file in `gold_dir` whose article is found in one of `article_dirs`."""
    dirs = list(article_dirs)
    cases = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        names = [n for n in (gold.get("source"), gold.get("article"), gold_path.stem + ".txt") if isinstance(n, str)]
        article = next((d / n for n in names for d in dirs if (d / n).is_file()), None)
        if article is not None:
            cases.append(GoldCase(gold_path.stem, gold_path, article, _iso_date(gold.get("published"))))
    return tuple(cases)


def evaluation_sets(*, polnear_train: bool = False) -> list[EvalSet]:
    """Every set available on this machine, real text first."""
    sets = []
    real = SHARED / "real"
    if (real / "gold").is_dir():
        sets.append(
            EvalSet(
                "real",
                "../shared/real: real VOA and government press texts",
                cases_in(real / "gold", [real / "articles"]),
            )
        )
    extra = real_extra_dir()
    if (extra / "gold").is_dir():
        # alternate articles: one half to develop on, the other half kept back to measure on
        extra_cases = cases_in(extra / "gold", [extra / "articles"])
        sets.append(
            EvalSet("real-extra-dev", "a second real set annotated blind: the half to develop on", extra_cases[0::2])
        )
        sets.append(
            EvalSet(
                "real-extra-heldout", "the other half of that set: measure only, never tune on it", extra_cases[1::2]
            )
        )
    pol = polnear_dir()
    for split in ("dev", "train") if polnear_train else ("dev",):
        if (pol / split / "gold").is_dir():
            sets.append(
                EvalSet(
                    f"polnear-{split}",
                    f"PolNeAR {split} (US political news, 2016)",
                    cases_in(pol / split / "gold", [pol / split / "articles"]),
                    figures=False,
                    stance=False,
                )
            )
    tuning = cases_in(ROOT / "tests" / "gold", [ROOT / "seeds", ROOT / "tests" / "articles"])
    sets.append(EvalSet("seed", "the bundled seed article", tuple(c for c in tuning if c.name == SEED_NAME)))
    sets.append(
        EvalSet(
            "synthetic",
            "articles the team wrote (tests of single rules)",
            tuple(c for c in tuning if c.name != SEED_NAME),
        )
    )
    sets.append(
        EvalSet(
            "synthetic-heldout",
            "synthetic articles written blind (never tuned on)",
            cases_in(ROOT / "tests" / "heldout" / "gold", [ROOT / "tests" / "heldout" / "articles"]),
        )
    )
    return [s for s in sets if s.cases]


# ----- one article ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One thing worth a look in a per-item report: a miss, a wrong speaker, a false alarm."""

    article: str
    what: str  # "missed", "wrong speaker", "false alarm", "stance", "figure missed", ...
    kind: str
    text: str
    gold: str = ""
    predicted: str = ""


@dataclass
class CaseResult:
    """Counts for one article, ready to be summed over a set."""

    name: str
    counts: dict[str, int] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)


def _snippet(text: str, width: int = 90) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def score_prediction(
    case: GoldCase,
    prediction: dict[str, Any],
    *,
    scorer: ModuleType | None = None,
    figures: bool = True,
    stance: bool = True,
) -> CaseResult:
    """The shared scorer's counts for one article, plus a per-item view of what went wrong."""
    scorer = scorer or load_scorer()
    gold = json.loads(case.gold_path.read_text(encoding="utf-8"))
    article = case.article_path.read_text(encoding="utf-8")
    scores = scorer.score(gold, prediction, article)
    res = CaseResult(case.name)
    c = res.counts
    for kind in ("direct", "indirect", "all"):
        s = scores[kind]
        c[f"{kind}_gold"], c[f"{kind}_pred"], c[f"{kind}_matched"] = s["gold"], s["pred"], s["matched"]
        c[f"{kind}_speaker_ok"] = s["speaker_ok"]
    if stance:
        for k, (ok, n) in scores["stance_counts"].items():
            c[f"stance_{k}_ok"], c[f"stance_{k}_n"] = ok, n
        c.update(_stance_band_counts(scorer, gold, prediction, article))
    if figures:
        n = scores["numbers"]
        c["figures_gold"], c["figures_pred"], c["figures_matched"] = n["gold"], n["pred"], n["matched"]
        c["figures_value_ok"], c["figures_cited_ok"] = n["value_ok"], n["cited_ok"]
    _quote_items(scorer, gold, prediction, article, res, stance=stance)
    if figures:
        _figure_items(scorer, gold, prediction, res)
    return res


# Confidence bands for the stance report: does a higher confidence mean more agreement?
CONFIDENCE_BANDS = (("low", 0.0, 0.5), ("medium", 0.5, 0.7), ("high", 0.7, 1.01))


def confidence_band(confidence: float) -> str:
    """'low' (< 0.5), 'medium' (0.5-0.7) or 'high' (>= 0.7)."""
    return next(name for name, lo, hi in CONFIDENCE_BANDS if lo <= confidence < hi)


def _stance_band_counts(scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any], article: str) -> dict[str, int]:
    """Stance agreement counted per confidence band, over the quotes the scorer matches."""
    gq = [dict(q, kind="direct" if q["kind"] == "mixed" else q["kind"]) for q in gold["quotes"]]
    pq = scorer.split_paragraphs(pred.get("quotes", []), article)
    out: dict[str, int] = {}
    for gi, pi in scorer.match(gq, pq):
        gst, pst = gq[gi].get("stance") or {}, pq[pi].get("stance") or {}
        band = confidence_band(float(pst.get("confidence") or 0.0))
        for key, old in (("migration", "restriction"), ("government", "government_policy")):
            gv = scorer._label(gst.get(key, gst.get(old)))
            if gv in ("", "n/a", "none"):
                continue
            out[f"band_{band}_{key}_n"] = out.get(f"band_{band}_{key}_n", 0) + 1
            out[f"band_{band}_{key}_ok"] = out.get(f"band_{band}_{key}_ok", 0) + int(scorer._label(pst.get(key)) == gv)
    return out


def stance_bands(results: list[CaseResult]) -> dict[str, dict[str, tuple[int, int]]]:
    """Band -> {'migration': (agreed, n), 'government': (agreed, n)}, summed over a set."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for band, _, _ in CONFIDENCE_BANDS:
        out[band] = {}
        for key in ("migration", "government"):
            ok = sum(r.counts.get(f"band_{band}_{key}_ok", 0) for r in results)
            n = sum(r.counts.get(f"band_{band}_{key}_n", 0) for r in results)
            out[band][key] = (ok, n)
    return out


def _gold_speaker_label(gold: dict[str, Any], sid: str | None) -> str:
    if sid in (None, "", "narrator"):
        return "narrator"
    sp = next((s for s in gold["speakers"] if s["id"] == sid), None)
    return sp["name"] if sp else str(sid)


def _quote_items(
    scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any], article: str, res: CaseResult, *, stance: bool
) -> None:
    gs = {s["id"]: s for s in gold["speakers"]}
    ps = {s.get("id"): s for s in pred.get("speakers", []) if isinstance(s, dict)}
    gq = [dict(q, kind="direct" if q["kind"] == "mixed" else q["kind"]) for q in gold["quotes"]]
    pq = scorer.split_paragraphs(pred.get("quotes", []), article)
    pairs = _matched_pairs(scorer, gq, pq)
    proper_ok = proper_n = exact = 0
    for gi, pi in pairs:
        g, p = gq[gi], pq[pi]
        if g.get("optional"):
            continue
        name = scorer.pred_speaker_name(p, ps)
        ok = scorer.speaker_ok(name, g["speaker"], gs)
        if _same_words(g["text"], p.get("text", "")):
            exact += 1
        if g.get("proper_speaker"):
            proper_n += 1
            proper_ok += int(ok)
        if not ok:
            res.items.append(
                Item(
                    res.name,
                    "wrong speaker",
                    g["kind"],
                    _snippet(g["text"]),
                    _gold_speaker_label(gold, g["speaker"]),
                    name or "(none)",
                )
            )
        if stance:
            res.items += _stance_items(scorer, res.name, g, p)
    res.counts["all_exact"] = exact
    res.counts["all_proper_speaker_n"], res.counts["all_proper_speaker_ok"] = proper_n, proper_ok
    res.items += _unmatched_items(scorer, res.name, gold, gq, pq, ps, pairs)


def _matched_pairs(scorer: ModuleType, gq: list[dict[str, Any]], pq: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) of matched quotes, matched kind by kind as the scorer's precision
    and recall are: a false alarm here is one there."""
    pairs: list[tuple[int, int]] = []
    for kind in ("direct", "indirect"):
        gi_k = [i for i, q in enumerate(gq) if q["kind"] == kind]
        pi_k = [i for i, q in enumerate(pq) if q.get("kind") == kind]
        pairs += [(gi_k[g], pi_k[p]) for g, p in scorer.match([gq[i] for i in gi_k], [pq[i] for i in pi_k])]
    return pairs


def _stance_items(scorer: ModuleType, name: str, g: dict[str, Any], p: dict[str, Any]) -> list[Item]:
    """A stance label of a matched quote that differs from the gold one."""
    out = []
    for key, old in (("migration", "restriction"), ("government", "government_policy")):
        gv = scorer._label((g.get("stance") or {}).get(key, (g.get("stance") or {}).get(old)))
        pv = scorer._label((p.get("stance") or {}).get(key))
        if gv not in ("", "n/a", "none") and gv != pv:
            out.append(Item(name, f"stance:{key}", g["kind"], _snippet(g["text"]), gv, pv))
    return out


def _unmatched_items(
    scorer: ModuleType,
    name: str,
    gold: dict[str, Any],
    gq: list[dict[str, Any]],
    pq: list[dict[str, Any]],
    ps: dict[Any, dict[str, Any]],
    pairs: list[tuple[int, int]],
) -> list[Item]:
    """Gold quotes the analyser missed, and quotes it found that the gold does not have."""
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    out = []
    for gi, g in enumerate(gq):
        if gi not in matched_gold and not g.get("optional"):
            out.append(
                Item(name, "missed", g["kind"], _snippet(g["text"]), _gold_speaker_label(gold, g["speaker"]), "")
            )
    for pi, p in enumerate(pq):
        if pi not in matched_pred:
            speaker = scorer.pred_speaker_name(p, ps) or "(none)"
            out.append(Item(name, "false alarm", str(p.get("kind")), _snippet(p.get("text", "")), "", speaker))
    return out


def _same_words(a: str, b: str) -> bool:
    """Exact span match up to spacing, quote marks and edge punctuation."""

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"[\"“”‘’'«»]", "", s)).strip(" .,;:—–-").lower()

    return norm(a) == norm(b)


def _figure_items(scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any], res: CaseResult) -> None:
    gs = {s["id"]: s for s in gold["speakers"]}
    ps = {s.get("id"): s for s in pred.get("speakers", []) if isinstance(s, dict)}
    gn, pn = gold["numbers"], pred.get("numbers", [])
    pairs = scorer.match(gn, pn)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = gn[gi], pn[pi]
        if not scorer._num_ok(g["value"], p.get("value")):
            res.items.append(Item(res.name, "figure value", "figure", g["text"], str(g["value"]), str(p.get("value"))))
        cited = scorer._cited(p, ps)
        if not scorer.speaker_ok(cited, g["cited_by"], gs):
            res.items.append(
                Item(
                    res.name,
                    "figure cited_by",
                    "figure",
                    g["text"],
                    _gold_speaker_label(gold, g["cited_by"]),
                    cited or "narrator",
                )
            )
    for gi, g in enumerate(gn):
        if gi not in matched_gold:
            res.items.append(Item(res.name, "figure missed", "figure", g["text"], str(g["value"]), ""))
    for pi, p in enumerate(pn):
        if pi not in matched_pred:
            res.items.append(
                Item(res.name, "figure false alarm", "figure", str(p.get("text")), "", str(p.get("value")))
            )


# ----- a set ----------------------------------------------------------------------------------


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def summarise(results: list[CaseResult], *, figures: bool = True, stance: bool = True) -> dict[str, float | None]:
    """Micro-averaged figures of a set: counts summed over its articles, then divided."""
    t: dict[str, int] = {}
    for res in results:
        for k, v in res.counts.items():
            t[k] = t.get(k, 0) + v
    out: dict[str, float | None] = {}
    for kind in ("direct", "indirect", "all"):
        p = _ratio(t.get(f"{kind}_matched", 0), t.get(f"{kind}_pred", 0))
        r = _ratio(t.get(f"{kind}_matched", 0), t.get(f"{kind}_gold", 0))
        out[f"{kind}_precision"], out[f"{kind}_recall"], out[f"{kind}_f1"] = p, r, _f1(p, r)
    out["speaker_accuracy"] = _ratio(t.get("all_speaker_ok", 0), t.get("all_matched", 0))
    out["attributed_recall"] = _ratio(t.get("all_speaker_ok", 0), t.get("all_gold", 0))
    if t.get("all_proper_speaker_n"):
        out["speaker_accuracy_proper_names"] = _ratio(t["all_proper_speaker_ok"], t["all_proper_speaker_n"])
    ep, er = _ratio(t.get("all_exact", 0), t.get("all_pred", 0)), _ratio(t.get("all_exact", 0), t.get("all_gold", 0))
    out["exact_f1"] = _f1(ep, er)
    if figures:
        fp, fr = (
            _ratio(t.get("figures_matched", 0), t.get("figures_pred", 0)),
            _ratio(t.get("figures_matched", 0), t.get("figures_gold", 0)),
        )
        out["figures_f1"] = _f1(fp, fr)
        out["figures_value"] = _ratio(t.get("figures_value_ok", 0), t.get("figures_matched", 0))
        out["figures_cited_by"] = _ratio(t.get("figures_cited_ok", 0), t.get("figures_matched", 0))
    if stance:
        for k in ("migration", "government", "about_migration"):
            out[f"stance_{k}"] = _ratio(t.get(f"stance_{k}_ok", 0), t.get(f"stance_{k}_n", 0))
    return out


Analyse = Callable[[list[GoldCase]], list[dict[str, Any]]]


def evaluate_set(eval_set: EvalSet, analyse: Analyse) -> tuple[dict[str, float | None], list[CaseResult]]:
    """Analyse every case of a set (one batch) and score it: (summary, per-article results)."""
    scorer = load_scorer()
    predictions = analyse(list(eval_set.cases))
    results = [
        score_prediction(case, pred, scorer=scorer, figures=eval_set.figures, stance=eval_set.stance)
        for case, pred in zip(eval_set.cases, predictions)
    ]
    return summarise(results, figures=eval_set.figures, stance=eval_set.stance), results


def analyse_with_pipeline(cases: list[GoldCase], nlp: Any = None) -> list[dict[str, Any]]:
    """The analyser's JSON for each case, as `python -m analysis` prints it."""
    from analysis.ingest import decode_bytes
    from analysis.pipeline import analyze_many
    from analysis.serialization import analysis_to_dict

    texts = [decode_bytes(c.article_path.read_bytes()) for c in cases]
    return [analysis_to_dict(a) for a in analyze_many(texts, published=[c.published for c in cases], nlp=nlp)]
