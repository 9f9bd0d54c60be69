"""A stand-in desktop notification service for the E2E runs.

It owns org.freedesktop.Notifications on the run's own session bus, as a
desktop's notification daemon does, answers Notify with a new id, and writes
each notification it is given (its id, words and buttons) as one JSON line to
the file named on the command line. The tests press a button by emitting the
service's ActionInvoked signal (gdbus emit), as a daemon does on a click.

Run with Debian's python3 (python3-gi, from scripts/install-deps.sh).
"""

import json
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>
"""

log_path = sys.argv[1]
next_id = [0]


def call(conn, sender, path, iface, method, params, invocation):
    if method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "Notify":
        app, _replaces, _icon, summary, body, actions, _hints, _timeout = params.unpack()
        next_id[0] += 1
        buttons = [[actions[i], actions[i + 1]] for i in range(0, len(actions) - 1, 2)]
        with open(log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"id": next_id[0], "app": app, "summary": summary, "body": body, "actions": buttons}) + "\n")
        invocation.return_value(GLib.Variant("(u)", (next_id[0],)))
    elif method == "CloseNotification":
        invocation.return_value(None)
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("steady-test-notifyd", "steady", "1", "1.2")))


def acquired(conn, name):
    print("ready", flush=True)


def bus_acquired(conn, name):
    info = Gio.DBusNodeInfo.new_for_xml(XML)
    conn.register_object("/org/freedesktop/Notifications", info.interfaces[0], call, None, None)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications", Gio.BusNameOwnerFlags.NONE, bus_acquired, acquired, lambda *a: sys.exit(1))
GLib.MainLoop().run()
