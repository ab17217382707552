"""Checks for lesson 05_augmented_intelligence, Christie's *Augmented Intelligence* (2025).

Every expected value is computed from ``data/`` when a check runs; no hint holds it.

- ``christies.sell_through``: lots sold / lots offered (facts.csv), in per cent, within
  half a percentage point (82 and 82.4 both pass), or as a fraction within 0.005.
- ``christies.top_lot_share``: the top lot's price (sales.csv) / the sale's total
  (facts.csv), in per cent within half a point, or as a fraction within 0.005.
- ``christies.average_per_sold_lot``: the total / lots sold, in US dollars, within 0.5 %.
- ``christies.signatures_per_day``: signatures added per day between the first and the
  last dated count of the open letter (facts.csv rows with an ``as_of`` date), within 1 %.
- ``christies.letter_claim_verdict``: the corrections table's verdict on the SCMP
  feature's (S01) signature count, as a word, exact (case and spaces ignored).
- ``christies.bidders_show`` (reasoning, figure reading): what the young-bidders share shows
  and does not show.
- ``christies.card`` (reasoning, argument card): a position on the sale, its strongest
  argument, the strongest objection, the principle at stake and a reply citing evidence.
"""

from __future__ import annotations

from artethics.i18n import N_, _
from artethics.tables import fact_number as _fact

from . import exercise, near, number_verdict, unreadable_number
from .reasoning import Option, argument_card, figure_reading

POINTS = 0.5  # percentage points
MONEY_REL = 0.005
MISTAKE_REL = 0.0001
RATE_REL = 0.01
S01 = "S01"


def _table(name: str):
    from artethics import data

    return data.load(name)


def _top_lot_price() -> float:
    sales = _table("sales")
    return float(sales.loc[sales["case_id"] == "christies", "price"].max())


def _second_lot_price() -> float:
    sales = _table("sales")
    prices = sorted(sales.loc[sales["case_id"] == "christies", "price"], reverse=True)
    return float(prices[1]) if len(prices) > 1 else float("nan")


def _is_share(value: float, fraction: float) -> bool:
    """``value`` equals ``fraction`` given in per cent or as a fraction."""
    return abs(value - 100 * fraction) <= POINTS or abs(value - fraction) <= POINTS / 100


def _share(fraction: float):
    """A test for number_verdict: the answer is ``fraction``, in per cent or as a fraction."""
    return lambda value: _is_share(value, fraction)


# --- sell-through -----------------------------------------------------------------


def expected_sell_through() -> float:
    """Lots sold / lots offered, as a fraction."""
    return _fact("christies_lots_sold") / _fact("christies_lots_offered")


def other_reported_shares() -> list[float]:
    """Sell-through percentages other reports give (their own rows in facts.csv)."""
    from artethics.cases.christies import other_reports

    return [float(v) for v in other_reports("christies_sell_through")["value_num"]]


@exercise("christies.sell_through",
          N_("the share of the lots offered that sold, in per cent, from the lot counts in "
             "facts.csv."))
def sell_through(answer):
    sold, offered = _fact("christies_lots_sold"), _fact("christies_lots_offered")
    weak = _fact("christies_lots_weak")
    reported = other_reported_shares()
    return number_verdict(
        answer, unreadable=unreadable_number(_("a percentage")),
        right=_share(sold / offered),
        ok=_("correct: that is the sell-through by lot."),
        wrong=_("not the share the lot counts give."),
        mistakes=[
            (_share(offered / sold), _("You divided the wrong way round: lots sold go on top.")),
            (_share((offered - sold) / offered), _("That is the share of lots that did not "
                                                   "sell.")),
            (_share(weak / offered), _("That is AFP's count of weak lots; the question asks "
                                       "about lots sold.")),
            (_share((offered - weak) / offered), _("A lot that sold below its estimate still "
                                                   "sold: use the count of lots sold.")),
            (lambda v: any(abs(v - r) <= POINTS for r in reported),
             _("That is the figure one report gives; compute the share from the two lot counts "
               "yourself.")),
        ],
        otherwise=_("Divide christies_lots_sold by christies_lots_offered (facts.csv, value_num) "
                    "and multiply by 100."))


# --- the top lot's share of the total ---------------------------------------------


def expected_top_lot_share() -> float:
    """The top lot's price / the sale's total, as a fraction."""
    return _top_lot_price() / _fact("christies_total")


@exercise("christies.top_lot_share",
          N_("the top lot's price (sales.csv) as a share of the sale's total (facts.csv), "
             "in per cent."))
def top_lot_share(answer):
    top, total = _top_lot_price(), _fact("christies_total")
    estimate = float(_table("sales").set_index("lot_id").loc["christies_anadol",
                                                                "estimate_high"])
    return number_verdict(
        answer, unreadable=unreadable_number(_("a percentage")),
        right=_share(top / total),
        ok=_("correct: one lot brought in a large part of the money."),
        wrong=_("not the share the tables give."),
        mistakes=[
            (near(total / top, 0.01), _("You divided the wrong way round: the lot goes on top."),
             _("not the share.")),
            (_share(top / _fact("christies_presale_estimate")), _("Use the total actually sold "
               "(christies_total), not the estimate made before the sale.")),
            (_share(estimate / total), _("Use the price paid, not the lot's estimate.")),
            (_share(_second_lot_price() / total), _("Take the lot with the highest price.")),
            (_share(top / (total - top)), _("Compare with the whole total, not with the other "
                                            "lots only.")),
        ],
        otherwise=_("Divide the highest price among the christies rows of sales.csv by "
                    "christies_total in facts.csv, then multiply by 100."))


# --- average per sold lot ---------------------------------------------------------


def expected_average_per_sold_lot() -> float:
    return _fact("christies_total") / _fact("christies_lots_sold")


@exercise("christies.average_per_sold_lot",
          N_("the sale's total divided by the number of lots sold, in US dollars (facts.csv)."))
def average_per_sold_lot(answer):
    total, sold = _fact("christies_total"), _fact("christies_lots_sold")
    top = _top_lot_price()
    # tight: two of these mistakes lie within 0.03 % of each other
    return number_verdict(
        answer, unreadable=unreadable_number(_("US dollars")),
        right=near(total / sold, MONEY_REL),
        ok=_("correct: the average sold lot, in US dollars."),
        wrong=_("not the average the tables give."),
        mistakes=[
            (near(total / _fact("christies_lots_offered"), MISTAKE_REL),
             _("Unsold lots brought in nothing: divide by the lots that sold.")),
            (near((total - top) / (sold - 1), MISTAKE_REL),
             _("The question asks about every sold lot, the top lot included (leaving it out is "
               "a good follow-up question).")),
            (near(_fact("christies_presale_estimate") / sold, MISTAKE_REL),
             _("Use the total actually sold, not the pre-sale estimate.")),
            (near(sold / total, MISTAKE_REL), _("You divided the wrong way round: dollars go on "
                                                "top.")),
        ],
        otherwise=_("Divide christies_total by christies_lots_sold (facts.csv, value_num)."))


# --- the letter's growth ----------------------------------------------------------


def expected_signatures_per_day() -> float:
    from artethics.cases.christies import signature_counts

    counts = signature_counts()
    first, last = counts.iloc[0], counts.iloc[-1]
    return (last["signatures"] - first["signatures"]) / (last["date"] - first["date"]).days


def _signature_mistakes() -> list:
    from artethics.cases.christies import sale_events, signature_counts

    counts = signature_counts()
    first, last = counts.iloc[0], counts.iloc[-1]
    added, days = last["signatures"] - first["signatures"], (last["date"] - first["date"]).days
    online = sale_events().set_index("event_id").loc["christies_letter_online", "date"]
    return [
        (near(added, RATE_REL), _("That is the total growth; divide it by the number of days "
                                  "between the counts.")),
        (near(-added / days, RATE_REL), _("You subtracted the wrong way round: the later count "
                                          "comes first.")),
        (near(added / (days + 1), RATE_REL), _("Count the days between the two dates, not both "
                                               "end days.")),
        (near(last["signatures"] / days, RATE_REL), _("Use the growth (later count minus earlier "
                                                      "count), not the final count.")),
        (near(last["signatures"] / (last["date"] - online).days, RATE_REL),
         _("Start from the first dated count, not from the day the letter went online.")),
    ]


@exercise("christies.signatures_per_day",
          N_("the signatures added per day between the first and the last dated count in "
             "the signature table (facts.csv), as a number."))
def signatures_per_day(answer):
    if hasattr(answer, "days") and not isinstance(answer, (int, float)):
        return (False, _("a time span is not a rate."),
                _("Divide the signatures added by the number of days (a Timedelta's .days)."))
    return number_verdict(
        answer, unreadable=unreadable_number(_("signatures per day")),
        right=near(expected_signatures_per_day(), RATE_REL),
        ok=_("correct: the letter kept growing through the sale."),
        wrong=_("not the rate the dated counts give."),
        mistakes=_signature_mistakes(),
        otherwise=_("Take the last signatures value minus the first, and divide by the days "
                    "between their dates."))


# --- source criticism: S01's signature count -----------------------------------------


def _verdicts():
    corrections = _table("corrections")
    rows = corrections[(corrections["source_id"] == S01)
                       & corrections["correction_id"].str.contains("signature")]
    if rows.empty:
        raise KeyError("corrections.csv has no row on S01's signature count")
    return rows


def expected_letter_claim_verdict() -> str:
    return str(_verdicts()["verdict"].iloc[0]).strip().lower()


@exercise("christies.letter_claim_verdict",
          N_("the verdict corrections.csv gives on the signature count in the SCMP feature "
             "(source S01), as a word."))
def letter_claim_verdict(answer):
    if not isinstance(answer, str):
        return (False, _("a {type} is not a word.").format(type=type(answer).__name__),
                _("Give the verdict as text, e.g. the value in the verdict column."))
    given = answer.strip().lower()
    if given == expected_letter_claim_verdict():
        return True, (_("correct: close to the checked count, but it says more than the "
                        "sources do.")), ""
    verdicts = set(_table("corrections")["verdict"].str.lower())
    if given in {"confirmed", "ok", "correct", "right", "true"}:
        hint = (_("Compare claim_in_source with verified_value: do 'over' and 'nearly' say the "
                  "same thing?"))
    elif given in verdicts:
        hint = (_("Use the row whose source_id is S01 and whose claim is about signatories, and "
                  "read its verdict column."))
    else:
        hint = (_("Give one of the words used in the verdict column of corrections.csv, from the "
                  "row on S01's signature count."))
    return False, _("not the verdict the corrections table gives."), hint


# --- Checked reasoning exercises (issue 13) ---------------------------------------------
# What a figure shows: Christie's own count of young bidders, read as approval, as a claim
# about a generation, or as a share of the money (three real misreadings).
figure_reading(
    "christies.bidders_show", "christies_young_bidders",
    options={
        "a": Option(N_("Who took part: nearly half of the people who bid were Millennials or "
                       "Gen Z, by the auction house's own count.")),
        "b": Option(N_("That holding the sale was right, because a young audience welcomed it."),
                    hint=N_("Placing a bid shows interest in buying, not a judgment on how the "
                            "models were trained. Can a count of bidders answer an 'ought' "
                            "question?")),
        "c": Option(N_("That young people in general now prefer AI art."),
                    hint=N_("These are the bidders at one online sale, not a survey of a "
                            "generation. Who was counted, and who was not?")),
        "d": Option(N_("That most of the money came from young buyers."),
                    hint=N_("The figure counts bidders, not money and not winners: one large "
                            "bid can outweigh many small ones (remember the top lot's share).")),
    },
    answer="a",
    why=N_("the figure counts bidders (not winners or money), comes from the seller's results "
           "release, and says nothing about whether the sale was right."))

# Argument card: position, strongest argument, strongest objection (other side), the
# principle or lens at stake, and a reply that cites a fact id or source id.
argument_card("christies.card", "christies", reply_words=(25, 120))
