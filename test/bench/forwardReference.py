#!/usr/bin/env python3
"""Reference for the forward bench: what the document's Python sample does per log, minus the
SDK — decompress each object (python-snappy), json.loads every line, build the HEC event
(time/host/source/event, ActionTrail `event` parsed), json.dumps it, and write it to a file or
POST batches of 500 over one plain HTTP/1.1 socket.

usage: forwardReference.py <file|hec> <target: path or host:port> <object>...
prints: {"events": n, "rawBytes": n, "seconds": s}
"""
import json, socket, sys, time
import snappy

mode, target, objects = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.perf_counter()
events = 0
raw = 0
sock = None
out = None
if mode == "hec":
    host, port = target.split(":")
    sock = socket.create_connection((host, int(port)))
    reader = sock.makefile("rb")
else:
    out = open(target, "wb")


def post(body):
    head = ("POST /services/collector/event HTTP/1.1\r\nHost: %s\r\nAuthorization: Splunk bench\r\n"
            "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (target, len(body))).encode()
    sock.sendall(head + body)
    length = 0
    while True:
        line = reader.readline()
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
        if line in (b"\r\n", b""):
            break
    reader.read(length)


batch = []
for path in objects:
    text = snappy.decompress(open(path, "rb").read())
    raw += len(text)
    for line in text.splitlines():
        log = json.loads(line)
        event = dict(log)
        if log.get("__topic__") == "actiontrail_audit_event" and "event" in log:
            try:
                event["event"] = json.loads(log["event"])
            except ValueError:
                pass
        batch.append(json.dumps({"time": log["__time__"], "host": log.get("__source__"), "source": "bench", "event": event}).encode())
        events += 1
        if len(batch) == 500:
            (post(b"\n".join(batch) + b"\n") if sock else out.write(b"\n".join(batch) + b"\n"))
            batch = []
if batch:
    (post(b"\n".join(batch) + b"\n") if sock else out.write(b"\n".join(batch) + b"\n"))
if out:
    out.flush()
print(json.dumps({"events": events, "rawBytes": raw, "seconds": time.perf_counter() - start}))
