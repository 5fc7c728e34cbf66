"""Property-based tests: no exception escapes a stage on any input, and every located record
points at its text. A short run here; bench/fuzz.py runs the same properties for longer."""

import pytest
from fuzz_targets import TARGETS
from hypothesis import HealthCheck, given, settings

# Enough to catch a regression in CI; the long run is bench/fuzz.py.
CI_EXAMPLES = 60


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_no_stage_breaks_its_contract_on_any_input(target: str) -> None:
    prop, strategies = TARGETS[target]
    run = settings(
        max_examples=CI_EXAMPLES,
        deadline=None,
        derandomize=True,  # the same inputs on every run: CI stays reproducible
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )(given(*strategies)(prop))
    run()
