"""Facet counts are the same whichever way a match set is counted: a large set
through a mask over the whole column, a small one document by document."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.facets import FacetColumn

VALUES = st.lists(st.lists(st.sampled_from(["甲", "乙", "丙", "丁", ""]), max_size=4), max_size=60)


@settings(max_examples=100, deadline=None)
@given(VALUES, st.data())
def test_both_ways_of_counting_agree_with_counting_by_hand(per_doc, data):
    column = FacetColumn(iter(per_doc))
    docs = sorted(data.draw(st.sets(st.integers(0, max(len(per_doc) - 1, 0)))
                            if per_doc else st.just(set())))
    docnums = np.array(docs, dtype=np.int64)
    mask = np.zeros(len(per_doc), dtype=bool)
    mask[docnums] = True
    by_hand: dict[str, int] = {}
    for doc in docs:
        for value in per_doc[doc]:
            if value:
                by_hand[value] = by_hand.get(value, 0) + 1
    assert column.count(docnums, None) == by_hand
    assert column.count(docnums, mask) == by_hand
