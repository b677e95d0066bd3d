#!/usr/bin/env bash
# The research export's other formats, read back by other tools:
# - datapackage.json checked against the CSV files by a Table Schema reader written here with
#   Python + pandas (Debian has no `frictionless`): every declared field in the header order, the
#   typed columns parse (integer, number, boolean, yearmonth), enum and pattern constraints hold,
#   primary keys are unique and complete, foreign keys resolve, bytes match;
# - the .sav files read with ReadStat (`readstat`, `extract_metadata`): the same rows as the CSV,
#   variable and value labels in English and German; the .dta files with pandas' Stata reader;
# - no name of the demo session in any file, also not in the decoded .sav / .dta data.
# Usage: research_formats.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" # never touch the real key
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
py=/usr/bin/python3

"$bin" new --template demo -o "$tmp/demo.lernraum" >/dev/null 2>&1 || fail "cannot create the demo session"
# The demo session has consent; its follow-up (consent recorded here by editing the file) makes a
# series of two.
"$bin" follow-up "$tmp/demo.lernraum" -o "$tmp/next.lernraum" >/dev/null 2>&1 || fail "follow-up"
sed -i 's/"research_consent": false/"research_consent": true/' "$tmp/next.lernraum"
"$bin" export-research "$tmp/demo.lernraum" "$tmp/next.lernraum" -o "$tmp/out" --include-text --formats csv,sav,dta \
    >/dev/null 2>"$tmp/err" || { echo "FAIL: export: $(cat "$tmp/err")"; exit 1; }
"$bin" export-research "$tmp/demo.lernraum" "$tmp/next.lernraum" -o "$tmp/again" --include-text --formats sav,dta \
    >/dev/null 2>&1 || fail "second export"
for f in "$tmp"/out/*; do
    cmp -s "$f" "$tmp/again/$(basename "$f")" || fail "$(basename "$f") differs between two exports of the same data"
done
"$bin" export-research "$tmp/demo.lernraum" -o "$tmp/bad" --formats csv,xlsx >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] || fail "--formats xlsx is not a usage error"
grep -q "unknown format 'xlsx'" "$tmp/err" || fail "--formats xlsx message: $(cat "$tmp/err")"
"$bin" export-research "$tmp/demo.lernraum" -o "$tmp/csvonly" >/dev/null 2>&1 || fail "default export"
ls "$tmp/csvonly"/*.sav >/dev/null 2>&1 && fail "the default export wrote .sav files"
[[ -s "$tmp/csvonly/datapackage.json" && -s "$tmp/csvonly/codebook.de.md" ]] || fail "datapackage.json / codebook.de.md missing"

# Table Schema reader ------------------------------------------------------------------------------
"$py" - "$tmp/out" <<'EOF' || fail "datapackage.json does not describe the CSV files"
import json, os, re, sys
import pandas as pd
d = sys.argv[1]
pkg = json.load(open(os.path.join(d, "datapackage.json"), encoding="utf-8"))
assert pkg["profile"] == "tabular-data-package"
frames = {}
csvs = sorted(f for f in os.listdir(d) if f.endswith(".csv"))
assert sorted(r["path"] for r in pkg["resources"]) == csvs, "every CSV is a resource"
for r in pkg["resources"]:
    path = os.path.join(d, r["path"])
    assert r["bytes"] == os.path.getsize(path), r["path"]
    schema = r["schema"]
    fields = schema["fields"]
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    assert list(df.columns) == [f["name"] for f in fields], (r["path"], list(df.columns))
    missing = schema["missingValues"]
    typed = {}
    for f in fields:
        col = df[f["name"]]
        present = col[~col.isin(missing)]
        t = f["type"]
        if t == "integer":
            typed[f["name"]] = pd.to_numeric(col.where(~col.isin(missing))).astype("Int64")
            assert present.str.fullmatch(r"-?\d+").all(), (r["path"], f["name"])
        elif t == "number":
            typed[f["name"]] = pd.to_numeric(col.where(~col.isin(missing)))
        elif t == "boolean":
            assert present.isin(f["trueValues"] + f["falseValues"]).all(), (r["path"], f["name"])
        elif t == "yearmonth":
            pd.to_datetime(present, format="%Y-%m")  # raises on a bad month
        else:
            assert t == "string", t
        c = f.get("constraints", {})
        if "enum" in c:
            assert present.isin(c["enum"]).all(), (r["path"], f["name"], set(present) - set(c["enum"]))
        if "pattern" in c:
            assert present.map(lambda v: re.fullmatch(c["pattern"], v) is not None).all(), (r["path"], f["name"])
        if c.get("required"):
            assert not col.isin(missing).any(), (r["path"], f["name"], "required")
    key = schema["primaryKey"]
    assert key and not df.duplicated(subset=key).any(), (r["path"], "primary key not unique", key)
    frames[r["name"]] = df
    r["_df"] = df
n_fk = 0
for r in pkg["resources"]:
    for fk in r["schema"].get("foreignKeys", []):
        ref = frames[fk["reference"]["resource"]]
        child = r["_df"][fk["fields"]].drop_duplicates()
        merged = child.merge(ref[fk["reference"]["fields"]].drop_duplicates(), how="left",
                             left_on=fk["fields"], right_on=fk["reference"]["fields"], indicator=True)
        assert (merged["_merge"] == "both").all(), (r["path"], fk)
        n_fk += 1
assert n_fk >= 8, n_fk
assert len(frames["sessions"]) == 2
assert int(frames["participation"]["participants"].astype(int).sum()) > 0
print("datapackage ok:", len(frames), "tables,", n_fk, "foreign keys")
EOF

# SPSS: data and labels read with ReadStat -------------------------------------------------------
command -v readstat >/dev/null && command -v extract_metadata >/dev/null || { echo "FAIL: readstat not installed"; exit 1; }
readstat "$tmp/out/experiments.sav" "$tmp/experiments_from_sav.csv" >/dev/null 2>&1 || fail "readstat cannot read experiments.sav"
extract_metadata "$tmp/out/experiments.sav" "$tmp/meta_en.json" >/dev/null 2>&1 || fail "extract_metadata experiments.sav"
extract_metadata "$tmp/out/experiments.de.sav" "$tmp/meta_de.json" >/dev/null 2>&1 || fail "extract_metadata experiments.de.sav"
"$py" - "$tmp" <<'EOF' || fail "the .sav files do not hold the CSV data with labels"
import json, sys
import pandas as pd
t = sys.argv[1]
csv = pd.read_csv(f"{t}/out/experiments.csv", dtype=str, keep_default_na=False)
sav = pd.read_csv(f"{t}/experiments_from_sav.csv", dtype=str, keep_default_na=False)
assert len(sav) == len(csv) and len(csv) > 0, (len(sav), len(csv))
assert list(sav["experiment"]) == list(csv["experiment"])
assert list(sav["title"]) == list(csv["title"])
assert list(sav["observations"].astype(float).astype(int)) == list(csv["observations"].astype(int))
codes = ["idea", "planned", "running", "evaluated", "transferred", "stopped"]
assert [codes[int(float(v)) - 1] for v in sav["status"]] == list(csv["status"]), "status codes"
def variables(path):
    meta = json.load(open(path, encoding="utf-8"))
    return {v["name"]: v for v in meta["variables"]}
en, de = variables(f"{t}/meta_en.json"), variables(f"{t}/meta_de.json")
assert en["decision"]["label"] == "decision taken after evaluation", en["decision"]
assert de["decision"]["label"] == "Entscheidung nach der Auswertung", de["decision"]
labels = lambda v: {int(c["code"]): c["label"] for c in v["categories"]}
assert labels(en["status"])[3] == "running (running)", labels(en["status"])
assert labels(de["status"])[3] == "läuft (running)", labels(de["status"])
assert labels(de["owner_role"])[1] == "Führungskräfte (manager)", labels(de["owner_role"])
print("sav ok")
EOF

# Stata: pandas reads the .dta with its value labels ----------------------------------------------
"$py" - "$tmp/out" <<'EOF' || fail "the .dta files do not hold the CSV data with labels"
import sys
import pandas as pd
d = sys.argv[1]
csv = pd.read_csv(f"{d}/actions.csv", dtype=str, keep_default_na=False)
reader = pd.io.stata.StataReader(f"{d}/actions.de.dta")
dta = reader.read()
assert len(dta) == len(csv) and len(csv) > 0
assert reader.variable_labels()["status"] == "Status am Ende der Sitzung"
de = {"open": "offen (open)", "in_progress": "in Arbeit (in_progress)", "done": "erledigt (done)", "dropped": "verworfen (dropped)"}
assert list(dta["status"].astype(str)) == [de[s] for s in csv["status"]], list(dta["status"])
assert list(dta["text"]) == list(csv["text"])
en = pd.read_stata(f"{d}/sessions.dta")
assert list(en["kind"].astype(str))[0].endswith("(" + pd.read_csv(f"{d}/sessions.csv", dtype=str)["kind"][0] + ")")
print("dta ok")
EOF

# Privacy: the demo's names in no file, also not in the decoded SPSS / Stata data ---------------
for f in "$tmp"/out/*.sav "$tmp"/out/*.dta; do
    readstat "$f" - >>"$tmp/decoded.csv" 2>/dev/null || fail "readstat cannot read $(basename "$f")"
done
for canary in "Friederike" "Lindenfeld" "Zentrale Dienste" "Führung auf Distanz" "session-"; do
    grep -rqi -- "$canary" "$tmp/out" && fail "the export contains '$canary'"
    grep -qi -- "$canary" "$tmp/decoded.csv" && fail "the decoded SPSS/Stata data contain '$canary'"
done

[[ $failures -eq 0 ]] && echo "research_formats: all checks passed"
exit $((failures > 0))
