"""Validates SARIF files against the SARIF 2.1.0 JSON schema, plus a few cross-references
the schema cannot express. Usage: sarif_validate.py SCHEMA FILE..."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
failures = 0
results_seen = 0
for path in sys.argv[2:]:
    log = json.load(open(path, encoding="utf-8"))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors[:5]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    problems = []
    for run in log["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        for result in run.get("results", []):
            results_seen += 1
            index = result.get("ruleIndex")
            if index is None or index >= len(rules) or rules[index]["id"] != result["ruleId"]:
                problems.append(f"ruleIndex of {result['ruleId']} does not point at its rule")
            for location in result.get("locations", []) + result.get("relatedLocations", []):
                region = location["physicalLocation"].get("region")
                if region and region["endColumn"] < region["startColumn"] and region["endLine"] == region["startLine"]:
                    problems.append(f"region ends before it starts: {region}")
    for p in problems[:5]:
        print(f"{path}: {p}")
    if errors or problems:
        failures += 1
print(f"sarif-validate: {len(sys.argv) - 2} file(s), {results_seen} result(s), {failures} invalid")
sys.exit(1 if failures else 0)
