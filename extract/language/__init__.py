"""The grammar every extractor shares, and nothing extractor-specific.

* :mod:`.data` reads the packaged tables in ``extract/data``;
* :mod:`.patterns` names the regexes of dates, numbers, units and sentence bounds;
* :mod:`.clauses`, :mod:`.dates`, :mod:`.numbers` split sentences and read dates and
  quantities; :mod:`.sections` reads the outline (一、 / （一） / 1. / （1））;
* :mod:`.lexicon` and :mod:`.nlp` are the spaCy blank ``zh`` + jieba pipeline and the words it
  keeps whole.

This package imports no extractor: the import direction is checked by
``tests/test_import_direction.py``.
"""
