"""The writer's allocator gives freed large blocks back instead of keeping them in its arenas
(sitrep.allocator; docs/SCALE.md, "Session 8")."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import textwrap

import pytest

GLIBC = sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "mallinfo2")
pytestmark = pytest.mark.skipif(not GLIBC, reason="needs glibc 2.33+ (mallinfo2)")

# Frees a 4 MB block once (glibc then raises its mmap threshold past 4 MB, unless it was
# fixed), then allocates 4 MB again, pins the heap top with a small block and frees the
# 4 MB: prints how much more free memory the arenas keep afterwards.
_PROBE = textwrap.dedent(
    """
    import ctypes, sys
    libc = ctypes.CDLL(None)
    if sys.argv[1] == "fixed":
        from sitrep.allocator import fix_allocator_thresholds
        assert fix_allocator_thresholds()
    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost")]
    libc.mallinfo2.restype = MallInfo2
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    MB = 1 << 20
    libc.free(libc.malloc(4 * MB))
    before = libc.mallinfo2().fordblks
    block = libc.malloc(4 * MB)
    pin = libc.malloc(64)
    libc.free(block)
    print(libc.mallinfo2().fordblks - before)
    """
)


def _kept_free_bytes(mode: str) -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "GLIBC_"))}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode], env=env, capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    return int(done.stdout.strip())


def test_by_default_glibc_keeps_a_freed_large_block_in_its_arenas() -> None:
    assert _kept_free_bytes("default") >= 4 << 20


def test_fixed_thresholds_give_a_freed_large_block_back() -> None:
    assert _kept_free_bytes("fixed") < 128 << 10


def test_a_users_own_allocator_setting_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.allocator import fix_allocator_thresholds

    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "1048576")
    assert fix_allocator_thresholds() is False
