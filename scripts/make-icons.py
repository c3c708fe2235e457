#!/usr/bin/env python3
"""Draws the installable app's icons (src/NetworkMaintenance.Web/wwwroot/icons/icon-{192,512}.png) with the standard
library only: the city's blue (#0b4a8b) with a green rule (#0f6b4f) and a white network mark (three linked nodes).
Run again after changing the drawing: python3 scripts/make-icons.py"""
import os
import struct
import zlib

BLUE = (0x0B, 0x4A, 0x8B)
GREEN = (0x0F, 0x6B, 0x4F)
WHITE = (0xFF, 0xFF, 0xFF)


def draw(size):
    s = size / 192.0
    nodes = [(96 * s, 60 * s), (56 * s, 126 * s), (136 * s, 126 * s)]
    r_node = 17 * s
    line_w = 7 * s

    def near_segment(x, y, a, b):
        ax, ay = a
        bx, by = b
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= (line_w / 2) ** 2

    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            colour = BLUE
            if cy > size * 0.84:
                colour = GREEN
            if any((cx - nx) ** 2 + (cy - ny) ** 2 <= r_node ** 2 for nx, ny in nodes) or any(
                near_segment(cx, cy, nodes[i], nodes[j]) for i, j in ((0, 1), (0, 2), (1, 2))
            ):
                colour = WHITE
            row.extend(colour)
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(__file__), "..", "src", "NetworkMaintenance.Web", "wwwroot", "icons")
    os.makedirs(out, exist_ok=True)
    for size in (192, 512):
        with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
            f.write(png(size, draw(size)))
