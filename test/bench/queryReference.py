"""The pipeline a user writes by hand today (issue 15): python3-snappy decodes every object of
the day to NDJSON files. Usage: /usr/bin/python3 queryReference.py <day dir> <out dir>
Prints the decode wall time (ms) and bytes written as JSON."""
import json
import os
import sys
import time

import snappy

src, out = sys.argv[1], sys.argv[2]
start = time.perf_counter()
written = 0
n = 0
for root, _, files in os.walk(src):
    for name in sorted(files):
        if not name.endswith('.snappy'):
            continue
        with open(os.path.join(root, name), 'rb') as f:
            data = snappy.decompress(f.read())
        with open(os.path.join(out, '%05d.ndjson' % n), 'wb') as f:
            f.write(data)
        written += len(data)
        n += 1
print(json.dumps({'ms': round((time.perf_counter() - start) * 1000), 'objects': n, 'bytes': written}))
