"""Stable identifiers derived from content, so re-running never renumbers anything."""

import hashlib


def stable_id(*parts: object) -> str:
    """A 16-hex-digit id from the parts; the same parts always give the same id."""
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()
