"""Checks the DOM that headless Chromium dumped after the report's script ran.
Usage: html_dom_check.py SOURCE.html DOM.html [--focus FINDING_ID] [--injected]"""
import sys
from html.parser import HTMLParser


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = {}      # id -> (tag, attrs)
        self.spans = []         # attrs of every span.fig
        self.scripts = 0
        self.body = {}
        self.title = ""
        self._in_title = False
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.elements[a["id"]] = (tag, a)
        if tag == "span" and "fig" in a.get("class", "").split():
            self.spans.append(a)
        if tag == "script":
            self.scripts += 1
        if tag == "body":
            self.body = a
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


def parse(path):
    c = Collect()
    c.feed(open(path, encoding="utf-8").read())
    return c


source, dom = parse(sys.argv[1]), parse(sys.argv[2])
args = sys.argv[3:]
problems = []
if dom.body.get("data-ready") != "1":
    problems.append("the page script did not run to the end (body lacks data-ready=1)")
if not dom.spans:
    problems.append("no figure spans (span.fig) in the DOM")
flagged = [a for a in source.spans if a.get("data-findings")]
for a in flagged:
    tag, after = dom.elements.get(a["id"], (None, {}))
    classes = after.get("class", "").split()
    if "flag" not in classes or not any(c.startswith("flag-") for c in classes):
        problems.append(f"flagged figure {a['id']} lost its highlight class after the script ran: {classes}")
if "--focus" in args:
    finding = args[args.index("--focus") + 1]
    tag, li = dom.elements.get(finding, (None, {}))
    if "active" not in li.get("class", "").split():
        problems.append(f"finding {finding} is not active after #finding=")
    for target in li.get("data-targets", "").split():
        if target.startswith("at:"):
            continue
        classes = dom.elements.get(target, (None, {}))[1].get("class", "").split()
        if "focus" not in classes:
            problems.append(f"figure {target} of {finding} is not focused: {classes}")
if "--injected" in args:
    text = "".join(dom.text)
    if dom.scripts != 1:
        problems.append(f"{dom.scripts} <script> elements in the DOM; only the report's own is allowed")
    if "PWNED" in dom.title:
        problems.append("injected script ran (title changed)")
    if "<script>document.title='PWNED'</script>" not in text:
        problems.append("the injected <script> is not shown as text")
for p in problems:
    print("html-browser: " + p)
print(f"html-browser: {sys.argv[2]}: {len(dom.spans)} figure span(s), {len(flagged)} flagged, "
      f"{'OK' if not problems else 'FAILED'}")
sys.exit(1 if problems else 0)
