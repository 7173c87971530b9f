"""Shape rules for the vocabulary's regular expressions (not timings: shapes that are
known to be slow on every input).

A pattern that opens with a long look-behind makes the engine try that look-behind at
every position of every sentence; the word the pattern is about should match first and
the look-behind follow it (``có(?<=...có)`` instead of ``(?<=...)có``).
"""
import pytest

from vnplan import patterns

TRAPS = patterns.load("traps")["traps"]


@pytest.mark.parametrize("trap", TRAPS, ids=lambda t: t["name"])
def test_no_trap_opens_with_a_positive_look_behind(trap):
    assert not trap["re"].lstrip().startswith("(?<="), trap["re"][:80]
