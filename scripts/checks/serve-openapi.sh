#!/usr/bin/env bash
# Validates the OpenAPI document that `gouji serve` serves at /api/openapi.yaml against the
# OpenAPI 3 specification (openapi-spec-validator from PyPI, installed by .ci/run), checks that
# the routes it documents are exactly the routes the server registers (method and path, both
# ways), and asks a running server each documented operation: none may answer 404 or 405, and
# the served document must be the file checked.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c "import openapi_spec_validator, yaml" 2>/dev/null || { echo "serve-openapi: FAILED — openapi-spec-validator (and PyYAML) not installed"; exit 1; }
bin=.build/debug/gouji
[ -x "$bin" ] || swift build
log=$(mktemp)
"$bin" serve --port 0 --quiet 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve-openapi: FAILED — the server did not start"; cat "$log"; exit 1; }
python3 - Sources/GoujiServer/Assets/openapi.yaml Sources/GoujiServer/Routes.swift "$port" <<'PY'
import re, sys, urllib.error, urllib.request
import yaml
from openapi_spec_validator import validate
spec_path, routes_path, port = sys.argv[1:4]
text = open(spec_path, encoding="utf-8").read()
spec = yaml.safe_load(text)
validate(spec)
served = {(m.upper(), p) for m, p in re.findall(r'router\.(get|post)\("(/api/[^"]+)"', open(routes_path, encoding="utf-8").read())}
documented = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops if m in ("get", "post", "put", "delete", "patch")}
if served != documented:
    sys.exit("serve-openapi: FAILED — served but undocumented %s; documented but not served %s" % (sorted(served - documented), sorted(documented - served)))
base = "http://127.0.0.1:%s" % port
for method, path in sorted(documented):
    request = urllib.request.Request(base + path + ("?name=a.txt" if method == "POST" else ""), method=method,
                                     data=("收入100万元" .encode("utf-8") if method == "POST" else None))
    try:
        status = urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as error:
        status = error.code
    if status in (404, 405):
        sys.exit("serve-openapi: FAILED — %s %s is documented but answers %d" % (method, path, status))
served_doc = urllib.request.urlopen(base + "/api/openapi.yaml", timeout=30).read().decode("utf-8")
if served_doc != text:
    sys.exit("serve-openapi: FAILED — /api/openapi.yaml is not %s" % spec_path)
print("serve-openapi: valid OpenAPI %s, %d operations, each documented, served and answering" % (spec["openapi"], len(documented)))
PY
