"""Registered spaCy components for policy text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..dates import mask_dates, mask_noise
from ..numbers import find_quantities

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)


@Language.component(
    "policy_quantities",
    assigns=["doc.ents", "doc._.quantities"],
)
def policy_quantities(doc: Doc) -> Doc:
    """Mark every quantity ("2000万千瓦以上", "百分之十五") as a QUANTITY entity.

    The exact character spans stay in ``doc._.quantities`` (jieba may cut "万千瓦" inside a
    token; the entity is expanded to whole tokens, the Quantity keeps the written span).
    """
    masked = mask_dates(mask_noise(doc.text))
    quantities = find_quantities(masked)
    doc._.quantities = quantities
    spans = [doc.char_span(q.start, q.stop, label="QUANTITY", alignment_mode="expand") for q in quantities]
    doc.ents = filter_spans([s for s in spans if s is not None])
    return doc
