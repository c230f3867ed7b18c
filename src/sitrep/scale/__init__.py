"""Scaling out: the Ray engine (``sitrep ingest --engine ray``) and its Parquet shards.

``sources`` and ``shards`` need no Ray (they are plain Python over files and Parquet),
so they are tested without a cluster; ``ray_engine`` imports Ray only when it runs.
"""
