"""Sources and legal products (SOP A.1 factual; SOP E.1.b.1 announcements).

- Educational posts, counselling material and announcements name their ``source`` or their
  ``legal_product``; a link there is a well-formed ``https://`` address.
- An announcement (``pengumuman``) announces a legal product of an allowed kind, described in
  full (kind, number, year, subject, JDIH link), and its caption cites it recognisably.
- A caption citing the same kind of product with a number or a year that differs from the
  metadata by one of the two is flagged as a likely typo.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urlsplit

from ..core.i18n import t
from ..core.model import LegalProduct, Post
from ..core.problems import Problem, Severity
from ..text.citations import (
    allowed_kinds,
    family,
    find_citations,
    is_allowed_kind,
    leading_number,
    metadata_year,
    short_citation,
)
from .registry import Context, Finding, rule
from .wording import line_in_text, stage_severity, wordings

NEEDS_SOURCE = ("edukasi-kepemiluan", "edukasi-non-kepemiluan", "materi-penyuluhan",
                "pengumuman")
ANNOUNCEMENT = "pengumuman"
KIND_HINT_CUTOFF = 0.8  # "Keputusan KPU Kota Singkawng" gets a hint, "Peraturan Menteri" none
URL_IN_TEXT = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>\"']+")
# A citation right after these words names another product: the one amended or revoked.
AMENDS = re.compile(r"(?i)\b(?:atas|mengubah|diubah|mencabut|dicabut)\s*$")
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@rule("sources.required", Severity.ERROR)
def source_required(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Educational, counselling and announcement posts name a source or a legal product: a
    warning from the proposal (``usulan``) and while drafted, an error once handed in
    (SOP A.1: the source is part of the idea, not of the finishing)."""
    severity = stage_severity(post.status) or Severity.WARNING
    if post.type in NEEDS_SOURCE and not post.source and not post.legal_product:
        yield finding(("type",), "content.source_required", severity=severity, type=post.type)


@rule("sources.url", Severity.ERROR)
def source_url(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """Every link in ``source``, and ``legal_product.url``, is a well-formed https address."""
    if post.source:
        for match in URL_IN_TEXT.finditer(post.source):
            problem = url_problem(match.group().rstrip(".,;)"))
            if problem:
                yield finding(("source",), problem, key="source", url=match.group())
    legal = post.legal_product
    if legal is not None and legal.url:
        problem = url_problem(legal.url.strip())
        if problem:
            yield finding(("legal_product", "url"), problem, key="legal_product.url",
                          url=legal.url)


def url_problem(url: str) -> str | None:
    """The message key of what is wrong with ``url``, or None when it is a good https link."""
    if any(c.isspace() for c in url):
        return "content.url_malformed"
    parts = urlsplit(url if "://" in url else f"//{url}")
    if parts.scheme.lower() != "https":
        return "content.url_not_https"
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "content.url_malformed"
    host = (parts.hostname or "").rstrip(".")
    labels = host.split(".")
    if len(labels) < 2 or not all(HOST_LABEL.match(label) for label in labels):
        return "content.url_malformed"
    return None


@rule("legal.required", Severity.ERROR)
def legal_required(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """An announcement has a legal product with kind, number, year, subject and JDIH link."""
    severity = stage_severity(post.status)
    if post.type != ANNOUNCEMENT or severity is None:
        return
    legal = post.legal_product
    if legal is None:
        yield finding(("type",), "content.legal_required", severity=severity)
        return
    missing = [name for name, value in (("tahun", legal.tahun), ("tentang", legal.tentang),
                                        ("url", legal.url)) if not value]
    if missing:
        yield finding(("legal_product",), "content.legal_incomplete", severity=severity,
                      fields=", ".join(f"legal_product.{m}" for m in missing))


@rule("legal.kind", Severity.ERROR)
def legal_kind(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """An announcement's legal product is of a kind the SOP allows."""
    legal = post.legal_product
    if post.type != ANNOUNCEMENT or legal is None or is_allowed_kind(legal.jenis):
        return
    allowed = allowed_kinds(office_region(context.calendar.satker.name))
    close = difflib.get_close_matches(legal.jenis, allowed, n=1, cutoff=KIND_HINT_CUTOFF)
    hint = t("schema.did_you_mean", word=close[0]) if close else ""
    yield finding(("legal_product", "jenis"), "content.legal_kind", found=legal.jenis,
                  allowed="; ".join(allowed), hint=hint)


def office_region(name: str) -> str:
    """``Komisi Pemilihan Umum Kota Singkawang`` -> ``Kota Singkawang`` (empty: national)."""
    match = re.search(r"\b(Provinsi|Kabupaten|Kota)\s+(.+)$", name)
    return f"{match.group(1)} {match.group(2).strip()}" if match else ""


@rule("legal.jdih_link", Severity.WARNING)
def jdih_link(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """An announcement links the product's page on a JDIH website."""
    legal = post.legal_product
    if post.type != ANNOUNCEMENT or legal is None or not legal.url:
        return
    host = (urlsplit(legal.url).hostname or "").lower()
    office = (urlsplit(context.calendar.satker.jdih_url).hostname or "").lower()
    if not (host.startswith("jdih.") or (office and host == office)):
        yield finding(("legal_product", "url"), "content.legal_not_jdih", url=legal.url,
                      jdih=context.calendar.satker.jdih_url or "https://jdih.kpu.go.id")


@rule("legal.citation", Severity.ERROR)
def legal_citation(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """An announcement's caption (or title) cites its legal product on every platform."""
    severity = stage_severity(post.status)
    legal = post.legal_product
    if post.type != ANNOUNCEMENT or legal is None or severity is None:
        return
    for wording in wordings(post, context):
        if wording.platform is None:
            continue
        texts = [wording.text, wording.title or ""]
        if not any(cites(text, legal) for text in texts):
            yield finding(wording.caption_key, "content.legal_not_cited", severity=severity,
                          for_platform=wording.platform, where=wording.where,
                          long=_long(legal), short=short_citation(
                              legal.jenis, legal.nomor, metadata_year(legal.nomor, legal.tahun)))


def _long(legal: LegalProduct) -> str:
    year = metadata_year(legal.nomor, legal.tahun)
    if year and str(year) in legal.nomor:
        return t("content.citation_long_no_year", jenis=legal.jenis, nomor=legal.nomor)
    return t("content.citation_long", jenis=legal.jenis, nomor=legal.nomor, tahun=year or "…")


def cites(text: str, legal: LegalProduct) -> bool:
    """True when ``text`` cites ``legal``: same kind, same number, same year."""
    year = metadata_year(legal.nomor, legal.tahun)
    number = leading_number(legal.nomor)
    return any(family(c.jenis) == family(legal.jenis) and c.number == number
               and c.tahun == year for c in find_citations(text))


@rule("legal.citation_mismatch", Severity.WARNING)
def citation_mismatch(post: Post, context: Context, finding: Finding) -> Iterator[Problem]:
    """A citation of the same kind whose number or year (one of the two) differs from the
    metadata: most likely a typo ("PKPU Nomor 9 Tahun 2019" for PKPU 8/2019). Products the
    metadata's ``tentang`` names, and products cited after ``atas``, ``mengubah`` or
    ``mencabut`` (the product amended or revoked) are other products, not typos."""
    legal = post.legal_product
    if legal is None:
        return
    year = metadata_year(legal.nomor, legal.tahun)
    number = leading_number(legal.nomor)
    related = {(family(c.jenis), c.number, c.tahun) for c in find_citations(legal.tentang)}
    for wording in wordings(post, context):
        for citation in find_citations(wording.text):
            if (family(citation.jenis) != family(legal.jenis) or citation.tahun is None
                    or (family(citation.jenis), citation.number, citation.tahun) in related
                    or AMENDS.search(wording.text[:citation.start])):
                continue
            if (citation.number == number) != (citation.tahun == year):
                problem = finding(wording.caption_key, "content.citation_mismatch",
                                  for_platform=wording.platform, where=wording.where,
                                  found=citation.text, expected=_long(legal))
                yield replace(problem, line=line_in_text(post, wording, citation.start))
