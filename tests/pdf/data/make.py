#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Writes the hand-made PDFs of this folder (README.md): python3 make.py, from this folder.

Each is PDF 1.4 in plain ASCII, one object per step, with a cross-reference table whose
offsets this script computes; `qpdf --check` finds no error in any of them.
"""


def pdf(objects, info=None):
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    info_entry = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, info_entry, xref)
    return out


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_page(width, height, content, info=None):
    """One page of text in Helvetica (a standard font: nothing embedded)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % (width, height),
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if info:
        objects.append(info)
        return pdf(objects, info=len(objects))
    return pdf(objects)


FILES = {
    # Two lines in 24 pt: "Hello world" with its baseline 60 pt above the bottom of a 200 × 100
    # page, "2,940.05" 40 pt below it; the title "Hello 你好" in UTF-16BE.
    "hello.pdf": text_page(
        200, 100, b"BT /F1 24 Tf 20 60 Td (Hello world) Tj 0 -40 Td (2,940.05) Tj ET",
        info=b"<< /Title <FEFF00480065006C006C006F00204F60597D> >>"),
    # Three lines in 12 pt, the first ending in a word broken by a hyphen.
    "hyphenated.pdf": text_page(
        300, 200, b"BT /F1 12 Tf 20 150 Td 14 TL (The total expen-) Tj T* "
        b"(diture was 2,940.05 in) Tj T* (the year.) Tj ET"),
    # A 2 × 2 grey inline image (hex-encoded, so the file stays ASCII) and no text at all.
    "image-only.pdf": pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>",
        stream(b"q 100 0 0 50 50 25 cm BI /W 2 /H 2 /CS /G /BPC 8 /F /AHx ID 00FFFF00> EI Q"),
    ]),
}

if __name__ == "__main__":
    for name, data in FILES.items():
        with open(name, "wb") as f:
            f.write(data)
