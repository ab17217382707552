"""Helpers for lesson 06_synthesis: the five cases side by side.

Everything is read from data/ when called; nothing prints or plots on import. The
notebook calls one function per cell::

    from artethics.cases import synthesis
    synthesis.comparison_grid()          # case x dimension, status words (a DataFrame)
    synthesis.plot_comparison()          # the same as a figure; sources printed under it
    synthesis.remuneration()             # a sale's proceeds spread over training sets
    synthesis.per_work_share(432500, 15000)
    synthesis.record_policy(policy, lesson=..., student=..., class_folder=...)
    synthesis.class_summary(class_folder)     # where the class stands (course poll)
    synthesis.glossary()                 # key terms with the Chinese term (glossary.csv)
    synthesis.course_arguments()         # the course question's own arguments, both sides
    synthesis.rules_by_place()           # CN, HK, US, EU, UK rules, with review dates
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from artethics import i18n, tables
from artethics.data import DIMENSIONS  # the grid's columns, in course order
from artethics.i18n import N_, _, pgettext
from artethics.kit import COURSE_CASES, MAIN_CASES
from artethics.tables import sources_of, split_ids  # noqa: F401  (lesson API)
from artethics.text import text_length

if TYPE_CHECKING:
    import pandas as pd

    from artethics.responses import Response

# Short labels for the figure's column heads (marked with N_; shown with _()).
DIMENSION_LABELS = {"consent": N_("consent"), "credit": N_("credit"),
                    "compensation": N_("compensation"), "response": N_("response"),
                    "law": N_("law"), "access_and_benefit": N_("access &\nbenefit")}
COURSE_CASE = COURSE_CASES[0]  # "synthesis", cases.csv kind 'course': the course question
# The rules that bear on the course question (training data, labels, authorship), one or
# more per jurisdiction, in the order CN, HK, US, EU, UK.
COURSE_RULES = ("cn_deep_synthesis_art14", "cn_interim_measures_art7", "cn_labelling_measures",
                "hk_copyright_s11_3", "hk_tdm_proposal", "us_co_report_part2",
                "eu_ai_act_art53_1c", "eu_ai_act_art53_1d", "uk_getty_secondary")
STATUSES = ("yes", "partly", "no", "disputed", "unknown")
# Colour, hatch and word for each status: colour is never the only channel.
# (The words are marked with N_ and drawn with _(), like the short titles.)
STATUS_LOOK = {
    "yes": ("#009E73", "", N_("YES")),
    "partly": ("#E69F00", "//", N_("partly")),
    "no": ("#D55E00", "xx", N_("NO")),
    "disputed": ("#CC79A7", "\\\\", N_("disputed")),
    "unknown": ("#DDDDDD", "..", N_("unknown")),
}
SHORT_TITLES = {"rembrandt": N_("Next Rembrandt (2016)"), "belamy": N_("Belamy (2018)"),
                "lofter": N_("LOFTER (2023)"), "trik": N_("Trik AI (2023)"),
                "christies": N_("Augmented Intelligence (2025)")}
COUNT_WORDS = {5: N_("five"), 6: N_("six"), 7: N_("seven")}
POLICY_PARTS = ("consent", "credit", "compensation", "transparency", "redress")
POLICY_ACTIVITY = "synthesis.policy"
#: Terms of data/glossary.csv the lesson uses, in the order a reader meets them.
GLOSSARY_TERMS = ("training data", "GAN (generative adversarial network)", "buyer's premium",
                  "human authorship", "machine-spun copy")
STANCES = ("strongly_against", "against", "undecided", "for", "strongly_for")
# The stance ids as class_summary prints them (English: the ids themselves).
STANCE_WORDS = {"strongly_against": N_("strongly_against"), "against": N_("against"),
                "undecided": N_("undecided"), "for": N_("for"),
                "strongly_for": N_("strongly_for")}


def _load(name: str) -> pd.DataFrame:
    from artethics import data

    return data.load(name)


def _fact(fact_id: str) -> float:
    return tables.fact_number(fact_id)


def _fact_sources(*fact_ids: str) -> str:
    return ";".join(sources_of(_load("facts").set_index("fact_id").loc[list(fact_ids)]))


def glossary(terms: str | Iterable[str] = GLOSSARY_TERMS) -> pd.DataFrame:
    """:func:`artethics.tables.glossary` of this lesson's terms."""
    return tables.glossary(terms)


# --- the comparison -------------------------------------------------------------------


def comparison(case: str | None = None) -> pd.DataFrame:
    """The comparison table (long form), in case and dimension order; one case if given."""
    import pandas as pd

    frame = _load("comparison")
    if case is not None:
        if case not in MAIN_CASES:
            raise ValueError(_("case {case} is not a main case; use one of {cases}.").format(
                case=repr(case), cases=", ".join(MAIN_CASES)))
        frame = frame[frame["case_id"] == case]
    frame = frame.assign(
        case_id=pd.Categorical(frame["case_id"], MAIN_CASES, ordered=True),
        dimension=pd.Categorical(frame["dimension"], DIMENSIONS, ordered=True))
    frame = frame.sort_values(["case_id", "dimension"])
    return frame.astype({"case_id": str, "dimension": str}).reset_index(drop=True)


def comparison_grid() -> pd.DataFrame:
    """Case x dimension, each cell the status word (rows in course order)."""
    wide = comparison().pivot(index="case_id", columns="dimension", values="status")
    wide = wide.loc[list(MAIN_CASES), list(DIMENSIONS)]
    wide.index = [_(SHORT_TITLES[c]) for c in wide.index]
    wide.index.name, wide.columns.name = "case", None
    return wide


def plot_comparison() -> None:
    """The grid as a figure: colour, hatch and a word per cell; sources printed under it."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    from artethics import plotting
    from artethics.sources import cite

    plotting.setup()
    grid = comparison_grid()
    fig, ax = plt.subplots(figsize=(10, 4.4))
    for row, (_i, statuses) in enumerate(grid.iterrows()):
        for col, status in enumerate(statuses):
            colour, hatch, word = STATUS_LOOK[status]
            word = _(word)
            ax.add_patch(Rectangle((col, row), 1, 1, facecolor=colour, hatch=hatch,
                                   edgecolor="black", linewidth=1))
            ax.text(col + 0.5, row + 0.5, word, ha="center", va="center", fontsize=10,
                    bbox={"facecolor": "white", "edgecolor": "none",
                                             "pad": 1.5})
    ax.set_xlim(0, len(DIMENSIONS))
    ax.set_ylim(len(grid), 0)
    ax.set_xticks([i + 0.5 for i in range(len(DIMENSIONS))],
                  [_(DIMENSION_LABELS[d]) if d in DIMENSION_LABELS else d for d in DIMENSIONS])
    ax.set_yticks([i + 0.5 for i in range(len(grid))], list(grid.index))
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    handles = [Patch(facecolor=c, hatch=h, edgecolor="black", label=_(w))
               for c, h, w in (STATUS_LOOK[s] for s in STATUSES)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              title=_("status"))
    n = len(DIMENSIONS)
    count = _(COUNT_WORDS[n]) if n in COUNT_WORDS else str(n)
    ax.set_title(_("Five cases, {count} questions: what the sources say").format(count=count),
                 pad=34)
    ids = sources_of(comparison())
    fig.text(0.01, 0.01, _("Sources: data/comparison.csv, citing {ids} (references "
                           "below)").format(ids="; ".join(ids)), fontsize=7, wrap=True)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    plt.show()
    print(cite(*ids))


def status_counts() -> pd.DataFrame:
    """How many cases have each status, per dimension (dimensions as rows)."""
    table = comparison().pivot_table(index="dimension", columns="status", values="case_id",
                                     aggfunc="count", fill_value=0)
    table = table.reindex(index=list(DIMENSIONS), columns=list(STATUSES), fill_value=0)
    table.columns.name = None
    return table.astype(int)


# --- remuneration arithmetic ----------------------------------------------------------


def per_work_share(proceeds: float, works: float) -> float:
    """``proceeds`` spread equally over ``works`` training works (same currency)."""
    for name, value in (("proceeds", proceeds), ("works", works)):
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value):
            raise ValueError(_("{name}={value} is not a number; give a plain number such as "
                               "432500 (no commas, no currency sign).").format(
                name=name, value=repr(value)))
    if works <= 0:
        raise ValueError(_("works={value}: a training set needs at least one work.").format(
            value=repr(works)))
    if proceeds < 0:
        raise ValueError(_("proceeds={value}: proceeds cannot be negative.").format(
            value=repr(proceeds)))
    return proceeds / works


def _anadol_price() -> float:
    sales = _load("sales").set_index("lot_id")
    return float(sales.at["christies_anadol", "price"])


def count_words(n: float) -> str:
    """15000 -> '15,000'; 1200000 -> '1.2 million'; 5850000000 -> '5.85 billion'
    (Chinese counts in 萬/万 and 億/亿: '1.5萬', '120萬', '58.5億')."""
    if i18n.is_chinese():
        for size, word in ((1e8, pgettext("number word", "hundred million")),
                           (1e4, pgettext("number word", "ten thousand"))):
            if n >= size:
                return f"{n / size:.3g}{word}"
        return f"{n:,.0f}"
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if n >= size:
            return f"{n / size:.3g} {word}"
    return f"{n:,.0f}"


def remuneration() -> pd.DataFrame:
    """Sale proceeds spread over training sets, from data/: two real sales, two what-ifs."""
    import pandas as pd

    belamy = _fact("belamy_price")
    portraits = _fact("belamy_training_portraits")
    anadol_images = _fact("christies_anadol_images")
    paintings = _fact("rembrandt_paintings_analysed")
    pairs = _fact("carlini_laion5b_pairs")
    rows = [
        (_("Belamy's price over its {n} training portraits").format(n=count_words(portraits)),
         _("actual sale"), belamy, portraits,
         _fact_sources("belamy_price", "belamy_training_portraits")),
        (_("Anadol's top lot over its {n}+ training images").format(
            n=count_words(anadol_images)),
         _("actual sale; share is an upper bound"), _anadol_price(), anadol_images,
         _fact_sources("christies_anadol_images")),
        (_("Belamy's price over a set the size of The Next Rembrandt's {n} paintings").format(
            n=count_words(paintings)), _("what-if: no sale of it is recorded"),
         belamy, paintings, _fact_sources("rembrandt_paintings_analysed")),
        (_("Belamy's price over LAION-5B's {n} image-text pairs").format(
            n=count_words(pairs)), _("what-if"),
         belamy, pairs, _fact_sources("carlini_laion5b_pairs")),
    ]
    frame = pd.DataFrame(rows, columns=["scenario", "kind", "proceeds_usd", "works",
                                        "source_ids"])
    frame["per_work_usd"] = [per_work_share(p, w) for p, w in
                             zip(frame["proceeds_usd"], frame["works"], strict=True)]
    return frame[["scenario", "kind", "proceeds_usd", "works", "per_work_usd", "source_ids"]]


def format_usd(value: float) -> str:
    """US$ with sensible precision: 'US$28.83', 'US$0.23', 'US$0.000074'."""
    if value >= 0.01:
        return f"US${value:,.2f}"
    if value <= 0:
        return "US$0"
    digits = max(2, 1 - math.floor(math.log10(value)))
    return f"US${value:.{digits}f}"


def plot_remuneration(table: pd.DataFrame) -> None:
    """Per-work share of each scenario on a log scale; value written on each bar."""
    import matplotlib.pyplot as plt

    from artethics import plotting
    from artethics.sources import cite

    plotting.setup()
    fig, ax = plt.subplots(figsize=(9, 3.7))
    labels = [f"{s}\n[{k}]" for s, k in zip(table["scenario"], table["kind"], strict=True)]
    for i, value in enumerate(table["per_work_usd"]):
        look = plotting.style(i)
        ax.barh(i, value, color=look["color"], hatch=look["hatch"], edgecolor="black")
        ax.annotate(format_usd(value), (value, i), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=9)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xscale("log")
    low, high = table["per_work_usd"].min(), table["per_work_usd"].max()
    ax.set_xlim(low / 30, high * 300)
    ax.set_xlabel(_("US dollars per training work if the proceeds were shared equally "
                    "(log scale)"))
    ax.set_title(_("What one sale would pay each work in its training set"))
    ids = sources_of(table)
    fig.text(0.01, 0.01, _("Sources: {ids} (references below)").format(ids="; ".join(ids)),
             fontsize=8)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    plt.show()
    print(cite(*ids))


# --- the policy -----------------------------------------------------------------------


def _too_short(text: str) -> bool:
    """Fewer than three words, or in Chinese (no spaces between words) fewer than five
    characters, each Latin word among them counting as one."""
    length, in_characters = text_length(text)
    return length < (5 if in_characters else 3)


def missing_policy_parts(policy: object) -> list[str]:
    """The parts of a policy draft that are absent or empty (all of them for a non-dict)."""
    if not isinstance(policy, dict):
        return list(POLICY_PARTS)
    return [p for p in POLICY_PARTS
            if not isinstance(policy.get(p), str) or _too_short(policy[p])]


def record_policy(policy: object, *, lesson: str, student: str = "anonymous",
                  class_folder: str = "", display: bool = True) -> None:
    """Record the draft (kind "policy") whatever its completeness, so a draft is never
    lost; the check cell gives the verdict. No draft yet: says so and records nothing."""
    from artethics.responses import Response, record

    if not isinstance(policy, dict) or not any(str(v or "").strip() for v in policy.values()):
        print(_("Nothing recorded for {activity}: write your policy between the empty quotes "
                "of the dict first.").format(activity=POLICY_ACTIVITY))
        return

    parts = {p: str(policy.get(p) or "").strip() for p in POLICY_PARTS}
    response = Response(lesson=lesson, activity=POLICY_ACTIVITY, kind="policy",
                        student=student, data={"policy": parts,
                              "complete": not missing_policy_parts(policy)})
    record(response, class_folder=class_folder, display=display)


# --- where the class stands -------------------------------------------------------------


def class_positions(responses: Iterable[Response]) -> pd.DataFrame:
    """Students per stance on the course question, before (lesson 00) and after (06).

    ``responses`` are :class:`artethics.responses.Response` objects; each student's latest
    answer per poll counts. Rows are the five stances in order, with zeros kept.
    """
    import pandas as pd

    latest: dict[tuple[str, str], object] = {}  # the stance as recorded (checked below)
    for r in sorted(responses, key=lambda r: (r.recorded_at, r.student)):
        if r.activity in ("course.poll_before", "course.poll_after"):
            latest[(r.activity.rsplit("_", 1)[1], r.student)] = r.data.get("stance")
    table = pd.DataFrame(0, index=list(STANCES), columns=["before", "after"])
    for (when, _student), stance in sorted(latest.items()):
        if stance in STANCES:
            table.loc[stance, when] += 1
    table.index.name = "stance"
    return table


def class_summary(class_folder: str) -> str:
    """Where the class stands, read from the class folder, as deterministic text lines."""
    import os

    from artethics.responses import read_class_folder

    folder = class_folder or os.environ.get("ARTETHICS_CLASS_DIR", "")
    if not folder:
        return _("No class folder is set, so there is no class to compare with.")
    responses, problems = read_class_folder(folder)
    table = class_positions(responses)
    if not table.to_numpy().any():
        return _("The class folder holds no answers to the course poll yet.")
    lines = [_("Where the class stands ({after} final answers, {before} from lesson "
               "00):").format(after=int(table["after"].sum()), before=int(table["before"].sum()))]
    lines += ["  " + _("{stance} before {before}   after {after}").format(
                  stance=f"{_(STANCE_WORDS[stance]):<16}",
                  before=f"{row['before']:>3}", after=f"{row['after']:>3}")
              for stance, row in table.iterrows()]
    if problems:
        lines.append(_("({n} unreadable file(s) in the class folder were skipped.)").format(
            n=len(problems)))
    return "\n".join(lines)


# --- the course question: arguments and law ----------------------------------------------


def course_arguments(stance: str | None = None) -> pd.DataFrame:
    """The course question's own arguments (arguments.csv, case 'synthesis'), 'for' first;
    one side only when ``stance`` is 'for' or 'against'."""
    arguments = _load("arguments")
    rows = arguments[arguments["case_id"] == COURSE_CASE]
    if stance is not None:
        if stance not in ("for", "against"):
            raise ValueError(_("stance={stance}: use 'for', 'against' or None for "
                               "both.").format(stance=repr(stance)))
        rows = rows[rows["stance"] == stance]
    order = rows["argument_id"].str.extract(r"_(\d+)$")[0].astype(int)
    rows = rows.assign(_n=order).sort_values(["stance", "_n"], ascending=[False, True])
    return rows[["argument_id", "stance", "claim", "principle", "lens", "source_ids"]
                ].set_index("argument_id")


def short_status(status: str) -> str:
    """The first clause of a rule's status ('proposed, not in force', 'in force', ...)."""
    from artethics.cases.christies import short_status as first_clause

    return first_clause(status)


def rules_by_place(rule_ids: Sequence[str] = COURSE_RULES) -> pd.DataFrame:
    """The rules on training data, labels and authorship in CN, HK, US, EU and UK
    (teaching, not advice), with each rule's status, date and last review date."""
    from artethics.sources import format_date

    rules = _load("rules").set_index("rule_id")
    missing = [r for r in rule_ids if r not in rules.index]
    if missing:
        raise KeyError(_("rules.csv has no rule {rule}; see data/rules.csv for ids.").format(
            rule=repr(missing[0])))
    rows = rules.loc[list(rule_ids)].reset_index()
    rows["status"] = rows["status"].map(short_status)
    rows["date"] = [format_date(w, "day").replace(_("n.d."), "—") for w in rows["date_in_force"]]
    rows["last_reviewed"] = [format_date(w, "day") for w in rows["last_reviewed"]]
    return rows[["jurisdiction", "instrument", "article", "status", "date", "requires",
                 "last_reviewed", "source_ids"]].set_index("jurisdiction")


# --- reading list -----------------------------------------------------------------------

READING_NOTES = {
    "S03": N_("A machine-reworded copy of a trade-press report: names are garbled, so use it "
              "only for what the panel argued, and check every name against S62 and S63."),
    "S16": N_("A wire report written on the night of the sale: reliable on the price, thin on "
              "who did the work."),
    "S17": N_("Technology news that broke the story of the borrowed code: the programmer's "
              "side is heard most."),
    "S25": N_("CNN's report as quoted by a cultural-exchange site: good on the artists' side, "
              "brief on the platform's."),
    "S35": N_("A magazine report on the open letter: it tells you what the signatories asked, "
              "not whether their claims about each lot were true."),
    "S37": N_("Campaign copy published for Huawei: it shows how the company framed the project, "
              "so read it as advocacy."),
    "S45": N_("The research paper itself: read which model each figure is about before quoting "
              "a headline number."),
    "S62": N_("A Hong Kong daily's report on the festival's opening: reliable on dates and "
              "organisers, not a critical review."),
    "S66": N_("The dataset paper: its size counts links with captions, not images anyone stored "
              "or paid for."),
}


def reading_list(source_ids: str | Iterable[str] = tuple(READING_NOTES)) -> pd.DataFrame:
    """:func:`artethics.tables.reading_list` with this lesson's reading notes."""
    return tables.reading_list(source_ids, {k: _(v) for k, v in READING_NOTES.items()})


def side_case_figures() -> pd.DataFrame:
    """The Schubert and Kling/festival figures and dated events the lesson quotes."""
    import pandas as pd

    facts = _load("facts")
    events = _load("events")
    wanted = ("schubert", "kling_festival")
    f = facts[facts["case_id"].isin(wanted)][["case_id", "claim", "value", "unit",
                                              "confidence", "source_ids"]]
    e = events[events["case_id"].isin(wanted)]
    e = pd.DataFrame({"case_id": e["case_id"], "claim": e["event"],
                      "value": e["date"].dt.strftime(_("%d %b %Y")), "unit": "date",
                      "confidence": e["confidence"], "source_ids": e["source_ids"]})
    out = pd.concat([f, e], ignore_index=True)
    return out.sort_values(["case_id", "unit", "claim"]).reset_index(drop=True)
