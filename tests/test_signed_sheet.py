"""The signed Lembar Persetujuan and Nota Dinas, read back: pyHanko validates the signature
against the office root, the visible block names the member, the time and the fingerprints,
``kalender verify`` matches the sheet with the records, and a byte changed in the PDF, a
record changed after signing or a root not trusted each fail it. The file is PDF/A-2B in what
can be checked here (XMP identification, embedded fonts, output intent, no encryption).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from cryptography import x509
from pypdf import PdfReader

from kalender.approval.keys import ROOT_CERT
from kalender.cli.main import _register_commands, cli
from kalender.core.calendar_data import load_calendar
from kalender.core.problems import Report
from kalender.workflow.sheetsign import signatures_of

ROOT = Path(__file__).resolve().parent.parent
WEEK = "2026-W50"  # six approved posts in the sample, all approved by sari, initialled by hendra
CA_SECRET, SARI_SECRET, RINA_SECRET = "sandi-otoritas-2026", "sandi-dokumen-sari", "sandi-rina-01"
HENDRA_SECRET = "sandi-dokumen-hendra"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample with an office CA and document certificates for sari and rina."""
    root = tmp_path_factory.mktemp("kantor")
    for folder in ("calendar", "posts"):
        shutil.copytree(ROOT / folder, root / folder)
    _register_commands()
    assert kalender(root, "key", "ca", "--password-stdin", secret=CA_SECRET).exit_code == 0
    for member, secret in (("sari", SARI_SECRET), ("rina", RINA_SECRET),
                           ("hendra", HENDRA_SECRET)):
        made = kalender(root, "key", "cert", member, "--password-stdin",
                        secret=f"{CA_SECRET}\n{secret}")
        assert made.exit_code == 0, made.output
    return root


def kalender(root: Path, *args: str, secret: str | None = None) -> Result:
    env = {"KALENDER_NOW": "2026-12-18T10:00", "KALENDER_USER": None, "KALENDER_KEYS": None}
    return CliRunner().invoke(cli, ["--root", str(root), *args], env=env,
                              input=None if secret is None else secret + "\n")


@pytest.fixture(scope="module")
def signed(office: Path) -> Path:
    done = kalender(office, "sheet", "--week", WEEK, "--sign", "--by", "sari",
                    "--password-stdin", secret=SARI_SECRET)
    assert done.exit_code == 0, done.output
    return office / "build" / "persetujuan" / f"lembar-persetujuan-{WEEK}.pdf"


def office_root(office: Path) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates((office / "calendar" / ROOT_CERT).read_bytes())


def test_pyhanko_validates_the_signature_against_the_office_root(office: Path,
                                                                  signed: Path) -> None:
    found = signatures_of(signed.read_bytes(), office_root(office))
    assert len(found) == 1
    signature = found[0]
    assert (signature.intact, signature.valid, signature.trusted, signature.whole) == (
        True, True, True, True)
    assert (signature.signer_name, signature.member) == ("Sari Wulandari, S.H., M.H.", "sari")
    assert signature.key_id == next((ROOT / "tests/data/kunci-contoh").glob("sari-*")).stem[5:]
    other = signatures_of(signed.read_bytes(), [])  # no root given: not trusted
    assert other[0].intact and not other[0].trusted


def test_the_visible_block_names_member_time_and_fingerprints(signed: Path) -> None:
    reader = PdfReader(signed)
    last = reader.pages[-1]
    widgets = [a.get_object() for a in last.get("/Annots", [])
               if a.get_object().get("/FT") == "/Sig"]
    assert len(widgets) == 1 and widgets[0]["/T"] == "Tanda tangan sari"
    left, bottom, right, top = (float(v) for v in widgets[0]["/Rect"])
    assert left > 595 / 2 and right < 595  # in the Divisi box, the right half of the page
    stream = widgets[0]["/AP"]["/N"].get_object()
    shown = _appearance_text(stream)
    assert "Ditandatangani secara elektronik oleh" in shown
    assert "Sari Wulandari, S.H., M.H. (Anggota KPU Divisi Hukum dan Pengawasan)" in shown
    assert re.search(r"Waktu: \w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB", shown)
    assert "Sertifikat SHA-256: " in shown and "Kunci catatan: " in shown
    assert re.search(r"Sidik isi: [0-9a-f]{12}, [0-9a-f]{12}, [0-9a-f]{12} dan 3 lagi", shown)


def _appearance_text(stream: object) -> str:
    """The text a reader shows in a signature's appearance: its /ActualText spans (the
    glyphs themselves are subset font ids)."""
    data = stream.get_data()  # type: ignore[attr-defined]
    spans = re.findall(rb"/ActualText\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", data)
    return "\n".join(_pdf_string(m) for m in spans)


def _pdf_string(raw: bytes) -> str:
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode())
    else:
        data = re.sub(rb"\\([0-7]{1,3}|.)", lambda m: bytes([int(m[1], 8)]) if m[1].isdigit()
                      else m[1], raw[1:-1])
    return data.decode("utf-16") if data.startswith(b"\xfe\xff") else data.decode("latin-1")


def test_verify_matches_the_sheet_with_the_records(office: Path, signed: Path) -> None:
    result = kalender(office, "verify", str(signed))
    assert result.exit_code == 0, result.output
    assert "tanda tangan 1: Sari Wulandari, S.H., M.H.," in result.output
    assert result.output.count("cocok dengan catatan 'approve' sari") == 6
    assert f"lembar-persetujuan-{WEEK}.pdf: tanda tangan sah terhadap akar yang dipercaya" in (
        result.output)


def test_a_byte_changed_in_the_pdf_fails_verify(office: Path, signed: Path,
                                                tmp_path: Path) -> None:
    data = bytearray(signed.read_bytes())
    at = data.index(b"LEMBAR PERSETUJUAN")  # the title in the metadata, within the signed bytes
    data[at + 1] = ord("O")
    changed = tmp_path / "diubah.pdf"
    changed.write_bytes(bytes(data))
    result = kalender(office, "verify", str(changed))
    assert result.exit_code != 0
    assert "isi PDF berubah setelah ditandatangani" in result.output
    assert "diubah.pdf tidak lolos pemeriksaan" in result.output


def test_a_record_changed_after_signing_fails_verify(office: Path, signed: Path,
                                                     tmp_path: Path) -> None:
    copy = tmp_path / "salinan"
    for folder in ("calendar", "posts"):
        shutil.copytree(office / folder, copy / folder)
    records = next((copy / "posts").rglob("2026-12-09-hari-antikorupsi-sedunia.persetujuan.yml"))
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace("at: 2026-12-07T14:15:00+07:00",
                                    "at: 2026-12-07T14:15:01+07:00"), encoding="utf-8")
    result = kalender(copy, "verify", str(signed))
    assert result.exit_code != 0
    line = text.split("\n").index("- action: approve") + 1
    assert ("2026-12-09-hari-antikorupsi-sedunia: catatannya tidak terverifikasi (posts/2026/12/"
            f"2026-12-09-hari-antikorupsi-sedunia.persetujuan.yml baris {line}): catatan "
            "'approve' oleh sari pada 2026-12-07T14:15:01+07:00 tidak terverifikasi") in (
        result.output), result.output


def test_a_sheet_signed_under_another_root_is_not_trusted(office: Path, signed: Path,
                                                          tmp_path: Path) -> None:
    other = tmp_path / "lain"
    for folder in ("calendar", "posts"):
        shutil.copytree(ROOT / folder, other / folder)
    assert kalender(other, "key", "ca", "--password-stdin", secret=CA_SECRET).exit_code == 0
    result = kalender(other, "verify", str(signed))
    assert result.exit_code != 0
    assert "sertifikatnya tidak berasal dari akar yang dipercaya" in result.output
    trusted = kalender(other, "verify", str(signed), "--trust",
                       str(office / "calendar" / ROOT_CERT))
    assert trusted.exit_code == 0, trusted.output


def test_only_a_member_whose_step_the_sheet_records_signs_it(office: Path) -> None:
    refused = kalender(office, "sheet", "--week", WEEK, "--sign", "--by", "rina",
                       "--password-stdin", secret=RINA_SECRET)
    assert refused.exit_code != 0
    assert ("rina tidak memberi persetujuan, paraf atau pengajuan pada pos mana pun di "
            f"lembar-persetujuan-{WEEK}.pdf") in refused.output
    wrong = kalender(office, "sheet", "--week", WEEK, "--sign", "--by", "sari",
                     "--password-stdin", secret="bukan-sandinya")
    assert "frasa sandi tidak membuka berkas PKCS#12" in wrong.output
    assert "Traceback" not in wrong.output + refused.output


def test_the_nota_dinas_is_signed_by_a_submitting_member(office: Path) -> None:
    done = kalender(office, "nota-dinas", "--week", WEEK, "--sign", "--by", "rina",
                    "--password-stdin", secret=RINA_SECRET)
    assert done.exit_code == 0, done.output
    memo = office / "build" / "persetujuan" / f"nota-dinas-{WEEK}.pdf"
    found = signatures_of(memo.read_bytes(), office_root(office))
    assert [(f.member, f.trusted, f.intact) for f in found] == [("rina", True, True)]
    result = kalender(office, "verify", str(memo))
    assert "cocok dengan catatan 'submit' rina" in result.output


def test_the_signed_sheet_is_pdf_a_2b_as_far_as_checked_here(signed: Path) -> None:
    reader = PdfReader(signed)
    assert not reader.is_encrypted
    xmp = reader.xmp_metadata
    assert xmp is not None
    xml = xmp.stream.get_data().decode("utf-8")
    # the signature's update rewrites the XMP (attributes instead of elements): still PDF/A-2B
    assert re.search(r'pdfaid:part(="2"|>2<)', xml) and re.search(
        r'pdfaid:conformance(="B"|>B<)', xml), xml
    intents = reader.trailer["/Root"]["/OutputIntents"]
    assert intents[0].get_object()["/S"] == "/GTS_PDFA1"
    assert intents[0].get_object()["/DestOutputProfile"].get_object().get_data()[36:40] == (
        b"acsp")  # an ICC profile (sRGB)
    for page in reader.pages:
        for font in _fonts(page):
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if (
                "/DescendantFonts" in font) else font["/FontDescriptor"]
            assert any(k in descriptor.get_object() for k in
                       ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def _fonts(page: object) -> list[dict[str, object]]:
    """Every font of a page and of its annotations' appearances."""
    found = []
    resources = page["/Resources"]  # type: ignore[index]
    found += [f.get_object() for f in resources.get("/Font", {}).values()]
    for annotation in page.get("/Annots", []):  # type: ignore[attr-defined]
        appearance = annotation.get_object().get("/AP")
        if appearance is None:
            continue
        stream = appearance["/N"].get_object()
        for xobject in stream.get("/Resources", {}).get("/XObject", {}).values():
            inner = xobject.get_object().get("/Resources", {})
            found += [f.get_object() for f in inner.get("/Font", {}).values()]
    return found


def test_the_calendar_holds_only_the_public_root(office: Path) -> None:
    calendar = load_calendar(office, Report())
    assert calendar is not None
    pem = (office / "calendar" / ROOT_CERT).read_text(encoding="ascii")
    assert pem.startswith("-----BEGIN CERTIFICATE-----") and "PRIVATE" not in pem
    key = office / ".kalender" / "otoritas" / "otoritas-kantor.key.pem"
    assert "ENCRYPTED PRIVATE KEY" in key.read_text(encoding="ascii")
    assert oct(key.stat().st_mode & 0o777) == "0o600"


def test_the_kasubbag_adds_a_second_signature_in_his_box(office: Path, signed: Path,
                                                         tmp_path: Path) -> None:
    both = tmp_path / "dua.pdf"
    both.write_bytes(signed.read_bytes())
    done = kalender(office, "sheet", "--week", WEEK, "--sign", "--by", "hendra", "-o", str(both),
                    "--password-stdin", secret=HENDRA_SECRET)
    assert done.exit_code == 0, done.output
    assert both.read_bytes().startswith(signed.read_bytes())  # sari's signature kept
    found = signatures_of(both.read_bytes(), office_root(office))
    assert [(f.member, f.intact, f.valid, f.trusted, f.whole) for f in found] == [
        ("sari", True, True, True, True), ("hendra", True, True, True, True)]
    boxes = [a.get_object() for a in PdfReader(both).pages[-1]["/Annots"]
             if a.get_object().get("/FT") == "/Sig"]
    lefts = {str(b["/T"]): float(b["/Rect"][0]) for b in boxes}
    assert lefts["Tanda tangan hendra"] < 595 / 2 < lefts["Tanda tangan sari"]
    result = kalender(office, "verify", str(both))
    assert result.exit_code == 0, result.output
    assert result.output.count("cocok dengan catatan 'initial' hendra") == 6
