#!/usr/bin/python3
"""Prints Steady's accessibility tree as a screen reader gets it (AT-SPI).

Run with the session bus of the app under test (DBUS_SESSION_BUS_ADDRESS):
    atspi-tree.py PID
prints one JSON object: {"nodes": [...], "focused": {...} or null}, where each
node is {"role", "name", "states", "value", "depth"} in document order, from
the application whose process is PID (the web content is reached through it).
Uses Debian's python3-gi and gir1.2-atspi-2.0, what Orca itself is given.
"""
import json
import sys
import warnings

import gi

# get_*_iface are deprecated in newer libatspi, and still what 2.46 offers.
warnings.filterwarnings("ignore", category=DeprecationWarning)

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

MAX_NODES = 4000


def describe(acc, depth):
    try:
        states = acc.get_state_set().get_states()
        state_names = sorted(
            Atspi.StateType(s).value_nick for s in states if s != Atspi.StateType.INVALID
        )
    except Exception:  # a node that went away while walking
        state_names = []
    value = None
    try:
        iface = acc.get_value_iface()
        if iface is not None:
            value = iface.get_current_value()
    except Exception:
        value = None
    attrs = {}
    try:
        attrs = dict(acc.get_attributes() or {})
    except Exception:
        pass
    text = ""
    try:
        iface = acc.get_text_iface()
        if iface is not None:
            text = iface.get_text(0, min(iface.get_character_count(), 300)) or ""
    except Exception:
        text = ""
    return {
        "role": acc.get_role_name(),
        "name": acc.get_name() or "",
        "description": acc.get_description() or "",
        "states": state_names,
        "text": text.replace("\ufffc", "").strip(),
        "value": value,
        "valuetext": attrs.get("valuetext"),
        "depth": depth,
    }


def walk(acc, depth, out):
    if acc is None or len(out) >= MAX_NODES:
        return
    try:
        node = describe(acc, depth)
    except Exception:
        return
    out.append(node)
    try:
        count = acc.get_child_count()
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.get_child_at_index(i)
        except Exception:
            continue
        walk(child, depth + 1, out)


def main():
    pid = int(sys.argv[1])
    Atspi.init()
    desktop = Atspi.get_desktop(0)
    apps = []
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is None:
            continue
        try:
            apps.append((app.get_process_id(), app))
        except Exception:
            continue
    mine = [app for p, app in apps if p == pid]
    if not mine:
        print(json.dumps({"error": f"no application with pid {pid}", "pids": [p for p, _ in apps]}))
        return 2
    nodes = []
    walk(mine[0], 0, nodes)
    focused = [n for n in nodes if "focused" in n["states"]]
    print(json.dumps({"nodes": nodes, "focused": focused[-1] if focused else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
