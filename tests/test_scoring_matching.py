"""One-to-one matching of gold items to predictions: as many pairs as can be made."""

from __future__ import annotations

from sitrep.evaluation.scoring import match_one_to_one


def near(gold: tuple[str, int], predicted: tuple[str, int]) -> bool:
    """A toy 'within reach' test: positions at most 1 apart."""
    return abs(gold[1] - predicted[1]) <= 1


def test_an_earlier_gold_item_gives_up_a_prediction_a_later_one_needs() -> None:
    # A greedy pass pairs Khiam with the first prediction in reach (Marj, 1 away) and
    # leaves Marj's own gold event nothing: one pair where two can be made.
    gold = [("Khiam", 1), ("Marj", 0)]
    predicted = [("Marj", 0), ("Khiam", 2)]
    pairs = match_one_to_one(gold, predicted, near)
    assert pairs == [(("Khiam", 1), ("Khiam", 2)), (("Marj", 0), ("Marj", 0))]


def test_a_preferred_prediction_is_taken_before_an_earlier_one_in_reach() -> None:
    gold = [("Khiam", 1)]
    predicted = [("Marj", 0), ("Khiam", 1)]
    same_name = lambda g, p: g[0] == p[0]  # noqa: E731
    assert match_one_to_one(gold, predicted, near) == [(("Khiam", 1), ("Marj", 0))]
    assert match_one_to_one(gold, predicted, near, prefer=same_name) == [
        (("Khiam", 1), ("Khiam", 1))
    ]


def test_each_prediction_pairs_once_and_pairs_come_in_gold_order() -> None:
    gold = [("a", 5), ("b", 5), ("c", 5), ("d", 9)]
    predicted = [("x", 5), ("y", 6)]
    pairs = match_one_to_one(gold, predicted, near)
    assert [g for g, _ in pairs] == [("a", 5), ("b", 5)]
    assert sorted(p for _, p in pairs) == sorted(predicted)
    assert match_one_to_one([], predicted, near) == []
    assert match_one_to_one(gold, [], near) == []


def test_a_gold_item_keeps_its_exact_twin_when_another_can_take_a_free_prediction() -> None:
    # The shelling of Adra on 3 May (gold A) has an exact twin among the predictions and a
    # looser match; gold B matches the twin loosely and a free prediction too. Moving A off
    # its twin would make as many pairs, but a worse one for A.
    gold = ["A", "B"]
    predicted = ["twin of A", "loose A", "loose B"]
    closeness = {("A", "twin of A"): 2, ("A", "loose A"): 0, ("B", "twin of A"): 1,
                 ("B", "loose B"): 0}  # fmt: skip
    pairs = match_one_to_one(
        gold, predicted, lambda g, p: (g, p) in closeness,
        prefer=lambda g, p: closeness[g, p],
    )  # fmt: skip
    assert pairs == [("A", "twin of A"), ("B", "loose B")]


def test_a_preference_never_costs_a_pair() -> None:
    # Preferring B's closest prediction would leave A with nothing: two pairs come first.
    gold = ["A", "B"]
    predicted = ["p0", "p1"]
    closeness = {("A", "p0"): 0, ("B", "p0"): 5, ("B", "p1"): 0}
    pairs = match_one_to_one(
        gold, predicted, lambda g, p: (g, p) in closeness,
        prefer=lambda g, p: closeness[g, p],
    )  # fmt: skip
    assert pairs == [("A", "p0"), ("B", "p1")]


def test_equal_preferences_go_to_the_earliest_prediction() -> None:
    pairs = match_one_to_one(["A"], ["p0", "p1", "p2"], lambda g, p: p != "p0",
                             prefer=lambda g, p: 1)  # fmt: skip
    assert pairs == [("A", "p1")]
