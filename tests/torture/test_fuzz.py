"""Issue 14: property-based fuzzing of ``process_bytes`` (bounded for CI).

Only the project's own refusals may escape (an ExtractError that is not a StageError,
i.e. not a stage's bug), the output validates against schemas/document.schema.json and
every evidence equals its span.  Inputs are mutated real documents and generated
Chinese policy text (tests/torture/fuzzgen.py), plus raw bytes.  CI runs a fixed,
derandomized budget; ``make fuzz`` runs long randomized campaigns
(``FUZZ_EXAMPLES`` overrides the budget here).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzgen import check, fuzz_input

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
CI = settings(max_examples=EXAMPLES, deadline=None, derandomize="FUZZ_EXAMPLES" not in os.environ,
              database=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ["x.txt", "x.html", "x.md", "x.json", "x.jsonl", "x.pdf", "x.docx", "x"]


@CI
@given(st.integers(min_value=0, max_value=2**63 - 1))
def test_fuzz_process_bytes_on_mutated_and_generated_documents(seed: int) -> None:
    data, name = fuzz_input(seed)
    assert check(data, name) is None, f"seed {seed}"


@CI
@given(st.binary(max_size=600), st.sampled_from(NAMES))
def test_fuzz_process_bytes_on_raw_bytes(data: bytes, name: str) -> None:
    assert check(data, name) is None


@CI
@given(st.text(alphabet=st.sampled_from(list("到2025年能耗下降13.5%以上（）()“”《》、，。；：\n\t <>/bp-#*[]{}:\"牵头负责市发展改革委")),
               max_size=400), st.sampled_from(NAMES[:5]))
def test_fuzz_process_bytes_on_policy_alphabet(text: str, name: str) -> None:
    assert check(text.encode(), name) is None


def _broken_variants(out: dict) -> list[dict]:
    """Outputs with one contract break each: a wrong type, a missing field, an extra kind."""
    import copy

    variants = []
    for key in list(out)[:6]:
        missing = copy.deepcopy(out)
        del missing[key]
        variants.append(missing)
        wrong = copy.deepcopy(out)
        wrong[key] = 5 if not isinstance(out[key], int) else "5"
        variants.append(wrong)
    for kind in ("targets", "deadlines", "responsibilities"):
        if out.get(kind):
            record = copy.deepcopy(out)
            record[kind][0]["span"] = "0-1"
            variants.append(record)
    return variants


def test_fast_validator_agrees_with_jsonschema_on_real_and_broken_outputs() -> None:
    from extract.pipeline import process_bytes

    from .fuzzgen import SEEDS, _fast_validator, _validator

    outputs = [doc.to_dict(with_text=True) for path in sorted(SEEDS.glob("*.txt"))
               for doc in process_bytes(path.read_bytes(), path.name)]
    assert outputs
    cases = outputs + [v for out in outputs for v in _broken_variants(out)]
    verdicts = [(_fast_validator().is_valid(o), _validator().is_valid(o)) for o in cases]
    assert all(fast == slow for fast, slow in verdicts)
    assert sum(not slow for _, slow in verdicts) > len(outputs)  # the broken ones are refused
