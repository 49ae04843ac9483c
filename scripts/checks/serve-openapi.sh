#!/usr/bin/env bash
# Validates the OpenAPI document that `gouji serve` serves at /api/openapi.yaml against the
# OpenAPI 3 specification (openapi-spec-validator from PyPI, installed when missing), and
# checks that it names every route the server has.
set -euo pipefail
cd "$(dirname "$0")/../.."
spec=Sources/GoujiServer/Assets/openapi.yaml
if ! python3 -c "import openapi_spec_validator" 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check openapi-spec-validator >/dev/null 2>&1 || true
fi
python3 -c "import openapi_spec_validator" 2>/dev/null || { echo "serve-openapi: FAILED — openapi-spec-validator is not installed"; exit 1; }
python3 - "$spec" <<'PY'
import sys
import yaml
from openapi_spec_validator import validate
spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
validate(spec)
routes = open("Sources/GoujiServer/Routes.swift", encoding="utf-8").read()
import re
served = set(re.findall(r'router\.(?:get|post)\("(/api/[^"]+)"', routes))
documented = set(spec["paths"])
missing = served - documented
if missing:
    sys.exit("serve-openapi: FAILED — routes not in the document: %s" % sorted(missing))
print("serve-openapi: %s is a valid OpenAPI %s document with %d paths" % (sys.argv[1], spec["openapi"], len(documented)))
PY
