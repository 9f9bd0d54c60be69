#!/usr/bin/env python3
"""Draws Steady's app icon: a calm teal rounded square with a level, gently
rising wave (a craving that rises and settles). Pure Python, no image library,
so it runs on a fresh machine. Writes the PNG sizes Tauri wants."""
import math
import struct
import sys
import zlib
from pathlib import Path

TEAL = (31, 111, 107)
LIGHT = (247, 245, 242)


def coverage_round_rect(x, y, size, radius):
    # Signed distance to a rounded square, turned into 0..1 coverage.
    half = size / 2
    qx = abs(x - half) - (half - radius)
    qy = abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - radius
    return min(max(0.5 - outside, 0.0), 1.0)


def wave_y(t, size):
    # A wave that swells in the middle and settles flat at both ends.
    envelope = math.sin(math.pi * t)
    return size * (0.52 - 0.15 * envelope * math.sin(2 * math.pi * t))


def coverage_wave(x, y, size, samples):
    width = size * 0.055
    best = min(math.hypot(x - sx, y - sy) for sx, sy in samples)
    return min(max(width - best + 0.5, 0.0), 1.0)


def draw(size):
    margin = size * 0.2
    samples = []
    steps = 400
    for i in range(steps + 1):
        t = i / steps
        samples.append((margin + t * (size - 2 * margin), wave_y(t, size)))
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            x, y = px + 0.5, py + 0.5
            bg = coverage_round_rect(x, y, size, size * 0.22)
            if bg <= 0:
                row += bytes((0, 0, 0, 0))
                continue
            # Only measure the wave near its band to keep this fast.
            w = coverage_wave(x, y, size, samples) if size * 0.3 < y < size * 0.8 else 0.0
            r, g, b = (round(TEAL[i] * (1 - w) + LIGHT[i] * w) for i in range(3))
            row += bytes((r, g, b, round(255 * bg)))
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b""))


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "src-tauri/icons")
    out.mkdir(parents=True, exist_ok=True)
    for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        (out / name).write_bytes(png(size, draw(size)))
        print("wrote", out / name)


if __name__ == "__main__":
    main()
