#!/usr/bin/env python3
"""Draws the app icons of web/manifest.webmanifest into web/icons/ (python3 standard library only).

The mark is the favicon of web/index.html, in its 24-unit view box: a blue (#1f5bb5) square
with rounded corners (radius 5) and three white lines with round caps, 2 units wide,
M7 8h10, M7 12h10 and M7 16h6. Edges are antialiased by coverage from the exact distance
to each shape. Writes:

  icon-192.png, icon-512.png   "any" purpose: the rounded square, transparent corners
  maskable-512.png             "maskable": the square fills the canvas (the launcher
                               crops it); the lines reach 31% of the size from the centre,
                               inside the 40% safe circle of the maskable-icon spec

The output is deterministic (no timestamps, fixed zlib level), so rebuilding the icons
changes nothing unless this script changes. Run: python3 tools/make-icons.py [out_dir]
"""
import math
import struct
import sys
import zlib
from pathlib import Path

BLUE = (0x1F, 0x5B, 0xB5)
WHITE = (0xFF, 0xFF, 0xFF)
VIEW_BOX = 24.0
CORNER_RADIUS = 5.0
LINE_HALF_WIDTH = 1.0
LINES = [((7, 8), (17, 8)), ((7, 12), (17, 12)), ((7, 16), (13, 16))]  # (start, end) in view-box units

ICONS = [  # file name, size in pixels, whether the background fills the canvas (maskable)
    ('icon-192.png', 192, False),
    ('icon-512.png', 512, False),
    ('maskable-512.png', 512, True),
]


def rounded_square_distance(x, y, radius):
    """Signed distance (view-box units, negative inside) to the 24-unit square with rounded corners."""
    half = VIEW_BOX / 2
    qx = abs(x - half) - (half - radius)
    qy = abs(y - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - radius


def line_distance(x, y):
    """Signed distance to the nearest of the three round-capped lines."""
    best = math.inf
    for (ax, ay), (bx, by) in LINES:
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(x - (ax + t * dx), y - (ay + t * dy)))
    return best - LINE_HALF_WIDTH


def coverage(distance, pixel):
    """Share of a pixel (side `pixel` units) covered by a shape at signed distance `distance`."""
    return max(0.0, min(1.0, 0.5 - distance / pixel))


def draw(size, full_bleed):
    """RGBA rows of the icon, straight (not premultiplied) alpha."""
    pixel = VIEW_BOX / size
    rows = []
    for row in range(size):
        y = (row + 0.5) * pixel
        out = bytearray()
        for column in range(size):
            x = (column + 0.5) * pixel
            background = 1.0 if full_bleed else coverage(rounded_square_distance(x, y, CORNER_RADIUS), pixel)
            line = coverage(line_distance(x, y), pixel)
            # The lines lie well inside the square: white over blue, alpha from the square.
            colour = [round(b + (w - b) * line) for b, w in zip(BLUE, WHITE)]
            out += bytes(colour) + bytes([round(255 * background)])
        rows.append(bytes(out))
    return rows


def filtered(rows, bytes_per_pixel=4):
    """Scanlines with a PNG filter each, chosen by the usual minimum-sum-of-absolutes rule."""
    previous = bytes(len(rows[0]))
    result = bytearray()
    for row in rows:
        candidates = []
        for kind in range(5):
            line = bytearray(len(row))
            for i, value in enumerate(row):
                left = row[i - bytes_per_pixel] if i >= bytes_per_pixel else 0
                up = previous[i]
                upper_left = previous[i - bytes_per_pixel] if i >= bytes_per_pixel else 0
                if kind == 0:
                    predictor = 0
                elif kind == 1:
                    predictor = left
                elif kind == 2:
                    predictor = up
                elif kind == 3:
                    predictor = (left + up) // 2
                else:
                    estimate = left + up - upper_left
                    distances = (abs(estimate - left), abs(estimate - up), abs(estimate - upper_left))
                    predictor = (left, up, upper_left)[distances.index(min(distances))]
                line[i] = (value - predictor) & 0xFF
            cost = sum(b if b < 128 else 256 - b for b in line)
            candidates.append((cost, kind, line))
        _, kind, line = min(candidates, key=lambda candidate: candidate[:2])
        result.append(kind)
        result += line
        previous = row
    return bytes(result)


def png(size, rows):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header)
            + chunk(b'IDAT', zlib.compress(filtered(rows), 9)) + chunk(b'IEND', b''))


def main():
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / 'web' / 'icons'
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, size, full_bleed in ICONS:
        data = png(size, draw(size, full_bleed))
        (out_dir / name).write_bytes(data)
        print(f'{out_dir / name}: {size}x{size}, {len(data)} bytes')


if __name__ == '__main__':
    main()
