"""Fixed thresholds for the C allocator, so a long ingest gives freed memory back.

glibc raises its mmap threshold each time a large mmapped block is freed (up to 32 MB on
64-bit Linux). After that, large buffers come from the arenas, where freed memory stays and
fragments: a 5,000-report ingest's writer kept 12 → 69 MB free in its arenas, most of its
growth (``bench/volume.py --writer-memory``; docs/SCALE.md, "Session 8"). Fixing both
thresholds also turns the raise off: blocks of 128 KiB or more are mapped on their own and
unmapped when freed, and the heap's top is trimmed above 256 KiB. The same run then kept
2 → 24 MB free, at no measured CPU cost to the writer.
"""

from __future__ import annotations

import ctypes
import os
import sys

# mallopt's parameter numbers (glibc's malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# Blocks this large or larger get their own mapping: the writer's batch buffers and
# DuckDB result arrays, never the small objects Python allocates by the million.
MMAP_THRESHOLD_BYTES = 128 * 1024
# Free memory at the heap's top beyond this goes back to the system.
TRIM_THRESHOLD_BYTES = 256 * 1024
# A user's own setting in the environment wins (glibc reads these at start-up).
_USER_SETTINGS = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES")


def fix_allocator_thresholds() -> bool:
    """Set the fixed thresholds in this process (and the processes it forks later), where
    the C library is glibc and the user has set none; True when they were set."""
    if not sys.platform.startswith("linux") or any(os.environ.get(v) for v in _USER_SETTINGS):
        return False
    libc = ctypes.CDLL(None)  # the C library this process already runs on
    if not hasattr(libc, "gnu_get_libc_version") or not hasattr(libc, "mallopt"):
        return False  # musl and others: no such thresholds to fix
    mallopt = libc.mallopt
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    mapped = int(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) == 1
    trimmed = int(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)) == 1
    return mapped and trimmed
