#!/usr/bin/env python3
"""Puts two PNG screenshots of the same height side by side (for docs/screenshots).

Usage: scripts/side_by_side.py LEFT.png RIGHT.png OUT.png

Standard library only (8-bit RGB/RGBA PNGs as lernraum --screenshot writes them). Used for the
pictures of the facilitator's window next to the audience window (docs/gui.md, Presenting):

    lernraum --screenshot room.png --audience --main-screenshot main.png --size 1280x720 FILE
    scripts/side_by_side.py main.png room.png docs/screenshots/audience-pair-de.png
"""
import struct
import sys
import zlib

GAP = 12  # pixels of dark grey between the two pictures


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"side_by_side: {path}: error: not a PNG file")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                sys.exit(f"side_by_side: {path}: error: 8-bit RGB or RGBA, not interlaced, expected")
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if channels == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


def write_png(path, width, height, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + row for row in rows)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        out.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        out.write(chunk(b"IEND", b""))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    lw, lh, left = read_png(sys.argv[1])
    rw, rh, right = read_png(sys.argv[2])
    if lh != rh:
        sys.exit(f"side_by_side: error: the pictures differ in height ({lh} and {rh})")
    gap = bytes([64, 64, 64]) * GAP
    write_png(sys.argv[3], lw + GAP + rw, lh, [a + gap + b for a, b in zip(left, right)])


if __name__ == "__main__":
    main()
