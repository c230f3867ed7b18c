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
