"""Evaluation against gold annotations: ``policy-extract eval`` and the floors gate.

>>> from extract.evaluate import evaluate_dirs                       # doctest: +SKIP
>>> print(evaluate_dirs("../shared/gold", "corpora/seeds").format_table())  # doctest: +SKIP

Matching rules are documented in :mod:`extract.evaluate.scorer`.
"""

from .report import EvalReport
from .runner import evaluate_dirs
from .scorer import evaluate_predictions

__all__ = ["EvalReport", "evaluate_dirs", "evaluate_predictions"]
