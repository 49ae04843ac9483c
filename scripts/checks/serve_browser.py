"""Drives the gouji serve workbench in headless Chromium.
Usage: serve_browser.py BASE_URL CHROMIUM CHROMEDRIVER DOWNLOAD_DIR"""
import os
import sys
import time
import zipfile

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, chromium, chromedriver, downloads = sys.argv[1:5]
root = os.path.join(os.path.dirname(__file__), "..", "..")
seed_docx = os.path.abspath(os.path.join(root, "Corpus/seed/yueyang-2021-keji.docx"))
seed_text = open(os.path.join(root, "Corpus/seed/yueyang-2021-keji.txt"), encoding="utf-8").read()
os.makedirs(downloads, exist_ok=True)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("serve-browser: FAIL:", message)
    return condition


options = webdriver.ChromeOptions()
options.binary_location = chromium
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
            "--no-first-run", "--disable-extensions"]:
    options.add_argument(arg)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(chromedriver), options=options)
driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
wait = WebDriverWait(driver, 30)


def ready():
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") in ("1", "error"))
    state = driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready")
    check(state == "1", "the check failed: " + driver.find_element(By.ID, "status").text)


def findings():
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('li.finding')).map(function (li) {
          return {id: li.id, rule: li.dataset.rule, sev: li.dataset.sev, targets: li.dataset.targets.split(' ').filter(Boolean),
                  text: li.textContent};
        });""")


def start_check(action):
    driver.execute_script("document.body.removeAttribute('data-ready')")
    action()
    ready()


def no_alert():
    try:
        driver.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


try:
    driver.get(base + "/")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-loaded") == "1")
    check(driver.find_element(By.TAG_NAME, "h1").text.startswith("勾稽"), "the page opens in Chinese")

    # 1. Upload the seed .docx: its six errors, each with its figures highlighted.
    start_check(lambda: driver.find_element(By.ID, "file").send_keys(seed_docx))
    found = findings()
    errors = sorted(f["rule"] for f in found if f["sev"] == "error")
    check(errors == ["F01", "G01", "G01", "N01", "N02", "X04"], "the seed's errors are N01, N02, X04, G01×2, F01: got %s" % errors)
    counts = driver.find_element(By.ID, "count-error").text
    check(counts.split()[-1] == "6", "the counts show 6 errors: %r" % counts)
    for f in found:
        if f["sev"] != "error":
            continue
        figs = [t for t in f["targets"] if not t.startswith("at:")]
        highlighted = driver.execute_script("""
            return arguments[0].filter(function (id) {
              var e = document.getElementById(id);
              return e && e.classList.contains('flag') && e.classList.contains('flag-error');
            }).length;""", figs)
        check(figs and highlighted == len(figs), "%s %s: %d of %d figures highlighted as errors" % (f["id"], f["rule"], highlighted, len(figs)))
    driver.save_screenshot(os.path.join(root, ".build/artifacts/serve.png"))

    # 2. Click the F01 finding: its figure is outlined and scrolled into view; the finding opens.
    f01 = next(f for f in found if f["rule"] == "F01")
    driver.find_element(By.ID, f01["id"]).find_element(By.CLASS_NAME, "msg").click()
    fig_id = next(t for t in f01["targets"] if not t.startswith("at:"))
    state = driver.execute_script("""
        var e = document.getElementById(arguments[0]), r = e.getBoundingClientRect(), s = getComputedStyle(e);
        return {focus: e.classList.contains('focus'), outline: s.outlineStyle, width: s.outlineWidth, text: e.textContent,
                inView: r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth,
                open: document.getElementById(arguments[1]).classList.contains('open')};""", fig_id, f01["id"])
    check(state["focus"] and state["outline"] != "none" and state["width"] != "0px", "F01's figure is outlined: %s" % state)
    check(state["inView"], "F01's figure is scrolled into view: %s" % state)
    check(state["text"] == "5.8", "F01's figure is the 5.8 of 5.8.: %r" % state["text"])
    check(state["open"], "the clicked finding opens")
    detail = driver.find_element(By.ID, f01["id"]).text
    check("5.8" in detail and "F01" in detail, "the open finding shows its suggestion and rule")

    # Click a highlighted figure of another finding: that finding opens.
    n01 = next(f for f in found if f["rule"] == "N01")
    n01_fig = next(t for t in n01["targets"] if not t.startswith("at:"))
    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", n01_fig)
    driver.find_element(By.ID, n01_fig).click()
    opened = driver.execute_script("return Array.from(document.querySelectorAll('li.finding.open')).map(function (li) { return li.id; })")
    owners = driver.find_element(By.ID, n01_fig).get_attribute("data-findings").split()
    check(opened and opened[0] in owners, "clicking a figure opens its finding: opened %s, figure belongs to %s" % (opened, owners))
    rule_info = driver.find_element(By.ID, opened[0]).find_elements(By.CLASS_NAME, "rule-info")
    check(rule_info and rule_info[0].text.strip() != "", "the open finding shows its rule's description and example")

    # 3. English.
    start_check(lambda: driver.find_element(By.ID, "lang-en").click())
    check(driver.find_element(By.TAG_NAME, "h1").text == "Gouji · cross-check of report figures", "the title is English")
    check(driver.execute_script("return document.documentElement.lang") == "en", "html lang is en")
    summary = driver.find_element(By.ID, "summary").text
    check("document(s) checked" in summary and "6 error(s)" in summary, "the summary is English: %r" % summary)
    f01_en = next(f for f in findings() if f["rule"] == "F01")
    check("malformed" in f01_en["text"].lower() or "number" in f01_en["text"].lower(), "F01's message is English: %r" % f01_en["text"][:120])

    # 4. Download the annotated .docx and read its comments.
    driver.find_element(By.ID, "dl-docx").click()
    path = os.path.join(downloads, "yueyang-2021-keji.annotated.docx")
    deadline = time.time() + 30
    while time.time() < deadline and not os.path.exists(path):
        time.sleep(0.2)
    if check(os.path.exists(path), "the annotated .docx was downloaded (%s)" % os.listdir(downloads)):
        time.sleep(0.5)
        with zipfile.ZipFile(path) as z:
            comments = z.read("word/comments.xml").decode("utf-8")
        count = comments.count("<w:comment ")
        check(count >= 6, "the annotated .docx has a comment per finding: %d" % count)
        check("F01" in comments and "N01" in comments, "the comments name their rules")
        try:
            import docx  # python-docx opens it as a Word document
            docx.Document(path)
        except ImportError:
            check(False, "python-docx is not installed")

    # 5. Paste text with a malformed number, apply the fix, the finding goes.
    area = driver.find_element(By.ID, "paste")
    driver.execute_script("arguments[0].value = arguments[1]", area, seed_text)
    start_check(lambda: driver.find_element(By.ID, "check-text").click())
    pasted = findings()
    f01s = [f for f in pasted if f["rule"] == "F01"]
    if check(f01s, "the pasted seed text has its F01"):
        li = driver.find_element(By.ID, f01s[0]["id"])
        li.find_element(By.CLASS_NAME, "msg").click()  # opens the finding and its suggestions
        button = li.find_element(By.CSS_SELECTOR, "button.apply")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        start_check(button.click)
        after = findings()
        check(not [f for f in after if f["rule"] == "F01"], "after the fix F01 is gone: %s" % [f["rule"] for f in after])
        value = driver.find_element(By.ID, "paste").get_attribute("value")
        check("\t5.8\n" in value and "\t5.8.\n" not in value, "the fix is applied in the text area")
        check(len(after) == len(pasted) - 1, "only the fixed finding went: %d → %d" % (len(pasted), len(after)))

    # 6. A document carrying markup is shown as text.
    hostile = ("项目资金情况\n共争取资金9783.6万元，其中A 660万元、B 5623.6万元。"
               "<script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=2\">\" onmouseover=\"window.__xss=3\n")
    driver.execute_script("arguments[0].value = arguments[1]", area, hostile)
    start_check(lambda: driver.find_element(By.ID, "check-text").click())
    time.sleep(0.5)
    check(no_alert(), "no alert from the document")
    injected = driver.execute_script("""
        return {xss: window.__xss === undefined ? null : window.__xss,
                scripts: document.querySelectorAll('#main script, #panel script').length,
                imgs: document.querySelectorAll('#main img, #panel img').length,
                handlers: document.querySelectorAll('[onmouseover], [onerror]').length,
                text: document.getElementById('main').textContent};""")
    check(injected["xss"] is None, "the document's script never ran: %s" % injected["xss"])
    check(injected["scripts"] == 0 and injected["imgs"] == 0 and injected["handlers"] == 0, "no element injected: %s" % injected)
    check("<script>window.__xss=1;alert(1)</script>" in injected["text"], "the markup is shown as text")
    # Hover over the text that carries onmouseover: still nothing runs.
    check(driver.execute_script("return window.__xss === undefined"), "hovering runs nothing")

    # The page ran under its policy without violations.
    for entry in driver.get_log("browser"):
        if "Content Security Policy" in entry.get("message", ""):
            check(False, "CSP violation: " + entry["message"])
finally:
    driver.quit()

if failures:
    print("serve-browser: FAILED (%d)" % len(failures))
    sys.exit(1)
print("serve-browser: all browser assertions passed")
