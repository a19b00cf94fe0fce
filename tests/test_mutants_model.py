"""Behaviour of the model's validators that mutation testing found unguarded.

Each test names the mutmut mutant it kills (see docs/development.md); it asserts what a
user sees (a value accepted, or an error naming the field), never how the code is
written.
"""

from __future__ import annotations

import pytest

from interviewdecide import Policy


class TestPolicyCounts:
    """Policy's whole-number fields take ints at or above their floor (x__int_at_least).

    ``_int_at_least`` builds its check when the module is imported, before mutmut can
    switch a mutant on, so mutmut reports its mutants as surviving whatever the tests
    do; these tests were checked against each mutant by hand (docs/development.md).
    """

    @pytest.mark.parametrize(
        ("field", "floor"),
        [("fit_clashes_to_decline", 1), ("targeting_min_batch", 1), ("max_interviews", 0)],
    )
    def test_the_floor_is_accepted(self, field: str, floor: int) -> None:
        """The smallest allowed count is a valid policy."""
        assert floor == getattr(Policy(**{field: floor}), field)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("field", "below"),
        [("fit_clashes_to_decline", 0), ("targeting_min_batch", -3), ("max_interviews", -1)],
    )
    def test_below_the_floor(self, field: str, below: int) -> None:
        """One under the floor is a ValueError that names the field, the floor and the value."""
        floor = 0 if field == "max_interviews" else 1

        with pytest.raises(ValueError, match=rf"^{field}: must be >= {floor}, got {below}$"):
            Policy(**{field: below})  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [True, 2.0, "4", None])
    def test_not_an_int(self, value: object) -> None:
        """A bool, a float, text or None is a TypeError that names the field and the type."""
        kind = type(value).__name__

        with pytest.raises(TypeError, match=rf"^targeting_min_batch: must be an int, not {kind}$"):
            Policy(targeting_min_batch=value)  # type: ignore[arg-type]

    def test_no_cap_is_allowed(self) -> None:
        """max_interviews alone may be None: no cap."""
        assert None is Policy(max_interviews=None).max_interviews
