"""The cross-document stage: stories of copies, people and events across reports, timelines.

Linking is incremental: ``link.link_batch`` runs inside the store's write transaction for
each batch of new reports, and touches only the candidates selected by the new reports'
keys (LSH bands, names, place cells), which are stored in the ``link_keys`` table. Queries
over the linked records live in ``queries``. Nothing is re-exported here: the store and
this package import each other's modules.
"""
