"""A post's front matter as read and its line numbers, packed while ``kalender serve`` waits.

After a build, ``kalender serve`` keeps every post object for the next one, and with it two
dictionaries per post that only the rules read (``Post.meta``: which captions the file
wrote; ``Post.lines``: the line of a key, to name a finding's line), and the rules check a
post once per post object (their findings are remembered with it). At 10,000 posts those
are some 100,000 small dicts, lists and strings, alive under every rebuild (issue 23,
branch ``memory12``: the peak memory of the server). :func:`pack_front_matter` turns each
into one :class:`Packed` (its pickle, compressed: one ``bytes`` object), read again on use.

A post's key (:func:`kalender.core.postmemo.post_key`, the pickle of the post) is the same
bytes whether the post was packed or not (:class:`UnpackedPickler`), and a packed mapping
pickles as the dict it packs (:meth:`Packed.__reduce__`): the posts' cache holds dicts, as
``kalender build`` writes and reads them (its strings shared with the file's other posts:
packed blobs made the file 1.8 times as large).
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, TypeVar

from .sharedtext import share_texts

V = TypeVar("V")


class Packed(Mapping[str, V]):
    """A read-only mapping kept as its pickle, unpickled on each use (a fresh dict, so
    nothing changes the packed value in place)."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    @classmethod
    def of(cls, value: Mapping[str, V]) -> Packed[V]:
        """``value`` packed: its pickle, compressed (zlib's fastest level: 470 -> 340 bytes
        a post's front matter on average; a few microseconds each way)."""
        return cls(zlib.compress(pickle.dumps(dict(value), protocol=pickle.HIGHEST_PROTOCOL),
                                 1))

    def unpacked(self) -> dict[str, V]:
        value: dict[str, V] = pickle.loads(zlib.decompress(self.data))
        return value

    def __getitem__(self, key: str) -> V:
        return self.unpacked()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.unpacked())

    def __len__(self) -> int:
        return len(self.unpacked())

    def __contains__(self, key: object) -> bool:
        return key in self.unpacked()

    def get(self, key: str, default: Any = None) -> Any:
        return self.unpacked().get(key, default)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as a dict (with the items of this one): read back, a plain dict."""
        return (dict, (), None, None, iter(share_texts(self.unpacked()).items()))

    def __repr__(self) -> str:
        return repr(self.unpacked())


def unpacked(value: object) -> object:
    """``value`` itself, or the dict a :class:`Packed` holds."""
    return value.unpacked() if isinstance(value, Packed) else value


class UnpackedPickler(pickle.Pickler):
    """Pickles an object of ``kinds`` whose slots hold a :class:`Packed` as if they held
    the dict it packs: the same bytes as before it was packed."""

    def __init__(self, out: IO[bytes], kinds: tuple[type, ...], protocol: int) -> None:
        super().__init__(out, protocol=protocol)
        self.kinds, self.protocol = kinds, protocol

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) not in self.kinds:
            return NotImplemented
        reduced = obj.__reduce_ex__(self.protocol)
        state = reduced[2]  # (None, {slot: value}): a class with slots and no __dict__
        slots = state[1] if isinstance(state, tuple) and len(state) == 2 else None
        if not isinstance(slots, dict) or not any(type(v) is Packed for v in slots.values()):
            return reduced
        slots = {name: unpacked(value) for name, value in slots.items()}
        return (reduced[0], reduced[1], (state[0], slots), *reduced[3:])


def pack_front_matter(posts: Iterable[Any]) -> int:
    """Pack the front matter and line numbers of each post not packed yet; posts that
    shared one ``lines`` dict (written from one template: the loader's ``shared_lines``)
    share one :class:`Packed`. The number of posts packed."""
    shared: dict[int, tuple[object, Packed[Any]]] = {}
    count = 0
    for post in posts:
        meta, lines = post.meta, post.lines
        if type(meta) is dict and meta:
            post.meta = Packed.of(meta)
            count += 1
        if type(lines) is dict and lines:
            known = shared.get(id(lines))
            if known is None:  # (the dict is held in ``known`` so its id stays its own)
                known = shared[id(lines)] = (lines, Packed.of(lines))
            post.lines = known[1]
    return count
