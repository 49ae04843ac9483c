"""Regenerate Corpus/reports/*.txt and *.expected.yaml. Usage: python3 scripts/corpus/gen_reports.py"""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
import reports_hunan, reports_national, reports_department

out = os.path.join(os.path.dirname(__file__), "..", "..", "Corpus", "reports")
os.makedirs(out, exist_ok=True)
reports_hunan.run(out)
reports_national.run(out)
reports_department.run(out)
print("ok")
