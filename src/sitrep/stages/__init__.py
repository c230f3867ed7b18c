"""Per-document stages: one module per stage, registered in ``registry``.

(Named ``stages``, not ``extract``, so that ``sitrep.extract(text)`` stays the API function.)
"""
