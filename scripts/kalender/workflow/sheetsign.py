"""Signed sheets: the office certificate authority, members' document certificates, PAdES
signatures on the Lembar Persetujuan and the Nota Dinas (pyHanko), and checking a signed
sheet against the records.

The office CA is a self-made root (ECDSA P-256): its private key stays, locked with a
passphrase, in the git-ignored ``.kalender/otoritas/`` of the computer that made it; its
certificate is public, in ``calendar/otoritas-kantor.pem``, to be installed as a trusted root
on the office's computers (docs/persetujuan.md). A member's document certificate names the
member (``UID``), their name, the office, and the id of their record-signing key from
``tim.yml`` (``serialNumber``): that ties the PDF signature to the records' signatures.
A PKCS#12 the member already holds (an official electronic-signature certificate) signs too;
``verify`` then needs its issuer's root (``--trust``).

The signature is PAdES baseline B-B (no time-stamp authority: the tool stays offline); the
visible block names the member, the time, the certificate's and the record key's
fingerprints and the posts' content fingerprints.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

with warnings.catch_warnings():  # pyHanko imports DSA support the tool never uses
    warnings.simplefilter("ignore")
    from pyhanko.sign import fields, signers

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from ..core.atomic import write_bytes
from ..core.errors import KalenderError
from .sheet import MANIFEST

CA_YEARS, MEMBER_YEARS = 10, 2
KEY_PREFIX = "kunci-"  # the serialNumber of a member certificate: kunci-<record key id>
MM = 72 / 25.4  # points per millimetre
# A signature that does not validate is reported in our words; pyHanko's own log lines
# (tracebacks included) and fontTools' notes while embedding the font are not for users.
for _logger in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
    logging.getLogger(_logger).setLevel(logging.CRITICAL)
A4_HEIGHT = 297.0  # mm


# -- the office CA and members' certificates -----------------------------------------------


@dataclass(frozen=True)
class Authority:
    """The office CA: its private key and its (self-signed) certificate."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate


def _name(*parts: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in parts])


def make_authority(office: str, now: dt.datetime) -> Authority:
    """A new office CA, valid for ten years from ``now``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name((NameOID.COMMON_NAME, f"Otoritas Sertifikat {office}"),
                 (NameOID.ORGANIZATION_NAME, office))
    public = key.public_key()
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(public).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_usage(cert_sign=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(key, hashes.SHA256()))
    return Authority(key, cert)


def _usage(cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=not cert_sign, content_commitment=not cert_sign,
                         key_encipherment=False, data_encipherment=False,
                         key_agreement=False, key_cert_sign=cert_sign, crl_sign=cert_sign,
                         encipher_only=False, decipher_only=False)


def locked_authority(authority: Authority, passphrase: str) -> bytes:
    """The CA's private key as PEM, encrypted with ``passphrase``."""
    return authority.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")))


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def open_authority(key_pem: bytes, root_pem: bytes, passphrase: str) -> Authority:
    """The office CA from its files; refused when the passphrase does not open the key."""
    try:
        key = serialization.load_pem_private_key(key_pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise KalenderError("sheetsign.ca_wrong_passphrase") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise KalenderError("sheetsign.ca_wrong_passphrase")
    return Authority(key, x509.load_pem_x509_certificate(root_pem))


@dataclass(frozen=True)
class Holder:
    """Who a document certificate is for."""

    member: str
    name: str
    office: str
    key_id: str  # the member's record-signing key (tim.yml), or "" when they have none


def issue(authority: Authority, holder: Holder, now: dt.datetime,
          passphrase: str) -> bytes:
    """A PKCS#12 (key, certificate, CA) for ``holder``, encrypted with ``passphrase``."""
    key = ec.generate_private_key(ec.SECP256R1())
    parts = [(NameOID.COMMON_NAME, holder.name), (NameOID.USER_ID, holder.member),
             (NameOID.ORGANIZATION_NAME, holder.office)]
    if holder.key_id:
        parts.append((NameOID.SERIAL_NUMBER, KEY_PREFIX + holder.key_id))
    public = key.public_key()
    ca_public = authority.cert.public_key()
    assert isinstance(ca_public, ec.EllipticCurvePublicKey)
    cert = (x509.CertificateBuilder().subject_name(_name(*parts))
            .issuer_name(authority.cert.subject).public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=365 * MEMBER_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(cert_sign=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_public),
                           critical=False)
            .sign(authority.key, hashes.SHA256()))
    return pkcs12.serialize_key_and_certificates(
        holder.member.encode(), key, cert, [authority.cert],
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")))


# -- signing a sheet ------------------------------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    """The visible signature: where (page from 1, x, y, width, height in mm) and its lines."""

    page: int
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]

    def box(self) -> tuple[int, int, int, int]:
        """The box in PDF points (origin at the bottom left)."""
        return (round(self.x * MM), round((A4_HEIGHT - self.y - self.height) * MM),
                round((self.x + self.width) * MM), round((A4_HEIGHT - self.y) * MM))


def load_signer(p12: bytes, passphrase: str) -> signers.SimpleSigner:
    """The signing key and certificate of a PKCS#12; refused when the passphrase is wrong."""
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(p12, (), passphrase.encode("utf-8"))
    except ValueError:
        raise KalenderError("sheetsign.p12_wrong_passphrase") from None
    return signer


def fingerprint_of(cert: asn1_x509.Certificate) -> str:
    """SHA-256 of the certificate, in hex (what a PDF reader's certificate details show)."""
    return hashlib.sha256(cert.dump()).hexdigest()


def sign_pdf(data: bytes, signer: signers.SimpleSigner, stamp: Stamp, field_name: str,
             reason: str, location: str, font: Path) -> bytes:
    """``data`` with a PAdES signature (baseline B-B) added as an incremental update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        reason=reason, location=location)
    style = TextStampStyle(
        stamp_text="\n".join(line.replace("%", "%%") for line in stamp.lines),
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(font)), font_size=6),
        border_width=1)
    spec = fields.SigFieldSpec(field_name, on_page=stamp.page - 1, box=stamp.box())
    output = io.BytesIO()
    try:
        signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=spec).sign_pdf(
            writer, output=output)
    except SigningError as error:
        raise KalenderError("sheetsign.cannot_sign", why=str(error)) from None
    return output.getvalue()


def stamp_font(source: Path, cache: Path) -> Path:
    """The font of the visible signature: ``source`` cut to Latin letters and scaled to 1000
    units per em (pyHanko writes glyph widths unscaled, so DejaVu's 2048 would space every
    letter twice as wide), kept in ``cache`` (made once, about half a second)."""
    path = cache / f"{source.stem}-1000.ttf"
    if not path.is_file():
        font = TTFont(str(source))
        options = subset.Options()
        options.layout_features, options.name_IDs, options.notdef_outline = ["*"], ["*"], True
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=[*range(0x20, 0x250), *range(0x2010, 0x2027)])
        cutter.subset(font)
        scale_upem(font, 1000)
        data = io.BytesIO()
        font.save(data)
        cache.mkdir(parents=True, exist_ok=True)
        write_bytes(path, data.getvalue())
    return path


# -- reading a signed sheet back ------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """One signature of a sheet as validated: who, when, and whether it holds."""

    field: str
    signer_name: str
    member: str  # the certificate's UID ("" for a certificate from elsewhere)
    key_id: str  # the record key named in the certificate ("" when none)
    when: dt.datetime | None
    cert_fingerprint: str
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the cryptographic signature holds
    trusted: bool  # the certificate chains to a trusted root
    whole: bool  # nothing added after it but further signatures (form filling at most)


def signatures_of(data: bytes, roots: list[x509.Certificate]) -> list[Found]:
    """Every signature of the PDF ``data``, validated against ``roots`` (offline)."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    trust = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
             for c in roots]
    found = []
    for embedded in reader.embedded_signatures:
        context = ValidationContext(trust_roots=trust, allow_fetching=False)
        status = validate_pdf_signature(embedded, context)
        cert = status.signing_cert
        subject = cert.subject.native
        found.append(Found(
            embedded.field_name, str(subject.get("common_name", "")),
            str(subject.get("user_id", "")),
            str(subject.get("serial_number", "")).removeprefix(KEY_PREFIX),
            status.signer_reported_dt, fingerprint_of(cert), status.intact, status.valid,
            status.trusted, _nothing_but_signatures_after(status)))
    return found


def _nothing_but_signatures_after(status: PdfSignatureStatus) -> bool:
    """The signature covers the file, or what came after it is other signatures only."""
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    level = status.modification_level
    return level is not None and level <= ModificationLevel.FORM_FILLING


_KEYWORDS = re.compile(rb'pdf:Keywords="([^"]*)"')


def manifest_of(data: bytes) -> dict[str, str] | None:
    """The posts and content fingerprints a sheet lists (its XMP Keywords); None when the
    PDF is not a kalender sheet."""
    found = _KEYWORDS.search(data)
    if found is None:
        return None
    words = found.group(1).decode("utf-8", errors="replace").split()
    if not words or words[0] != MANIFEST:
        return None
    return dict(w.split("=", 1) for w in words[1:] if "=" in w)
