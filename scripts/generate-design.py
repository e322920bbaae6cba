#!/usr/bin/env python3
"""Writes a generated .napkin design of N components (default 100,000) on a grid, each linked to the next
in its row, for measuring exports of big designs (docs/performance.md):

    scripts/generate-design.py 100000 > /tmp/big.napkin
"""
import json
import sys

KINDS = ["service", "cache", "relational_db", "load_balancer", "message_queue"]


def design(count):
    columns = max(1, int(count ** 0.5))
    components, links = [], []
    for i in range(count):
        components.append({"id": f"c{i}", "kind": KINDS[i % len(KINDS)], "label": f"component {i}",
                           "x": (i % columns) * 200, "y": (i // columns) * 120})
        if (i + 1) % columns and i + 1 < count:
            links.append({"id": f"r{i}", "from": f"c{i}", "to": f"c{i + 1}", "protocol": "http"})
    return {"format": "napkin", "version": 1, "zones": [], "components": components, "links": links,
            "notes": []}


if __name__ == "__main__":
    json.dump(design(int(sys.argv[1]) if len(sys.argv) > 1 else 100000), sys.stdout, indent=2)
    sys.stdout.write("\n")
