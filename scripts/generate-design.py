#!/usr/bin/env python3
"""Writes a generated .napkin design of N components (default 100,000), for measuring big designs
(docs/benchmarks.md):

    scripts/generate-design.py 100000 > /tmp/big.napkin
        components on a grid, each linked to the next in its row (no clients, so no request paths)
    scripts/generate-design.py --cells 100000 > /tmp/cells.napkin
        the cell design of benchmarks/bench_analysis.cpp: cells of ten components (client, balancer, three
        services, cache, database, replica, queue, worker), each balancer also feeding the next cell, and a
        read and a write operation, so every cell adds two request paths to analyse
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


CELL = [("client", "web_client"), ("lb", "load_balancer"), ("svc0", "service"), ("svc1", "service"),
        ("svc2", "service"), ("cache", "cache"), ("db", "relational_db"), ("replica", "relational_db"),
        ("queue", "message_queue"), ("worker", "stream_processor")]


def cell_design(count):
    cells = max(1, count // 10)
    components, links = [], []

    def link(source, target, protocol="http"):
        links.append({"id": f"l{len(links)}", "from": source, "to": target, "protocol": protocol})

    for i in range(cells):
        p = f"c{i}-"
        for column, (name, kind) in enumerate(CELL):
            # a thousand cells to a column of cells, to stay inside the file format's coordinate limits
            components.append({"id": p + name, "kind": kind, "x": (i // 1000) * 2200 + column * 200,
                               "y": (i % 1000) * 120})
        link(p + "client", p + "lb")
        for s in ("svc0", "svc1", "svc2"):
            link(p + "lb", p + s)
            link(p + s, p + "cache")
            link(p + s, p + "db")
        link(p + "svc0", p + "queue", "async")
        link(p + "queue", p + "worker", "async")
        link(p + "worker", p + "db")
        link(p + "db", p + "replica", "replication")
        link(p + "lb", f"c{(i + 1) % cells}-svc0")
    workload = {"users": {"dau": 100000000}, "operations": [
        {"name": "read", "type": "read", "rate": 50, "per": "user_day", "request_bytes": 200,
         "response_bytes": 2000},
        {"name": "write", "type": "write", "rate": 2, "per": "user_day", "request_bytes": 1000,
         "stored_bytes": 1000, "retention_years": 3, "fanout": 5}]}
    return {"format": "napkin", "version": 1, "workload": workload, "zones": [], "components": components,
            "links": links, "notes": []}


if __name__ == "__main__":
    args = sys.argv[1:]
    cells = "--cells" in args
    args = [a for a in args if a != "--cells"]
    count = int(args[0]) if args else 100000
    json.dump(cell_design(count) if cells else design(count), sys.stdout, indent=2)
    sys.stdout.write("\n")
