#!/usr/bin/env bash
# `lernraum --help` and `lernraum COMMAND --help` for every command, in the UI language: German by
# default, English with LANGUAGE / LC_ALL / LC_MESSAGES / LANG or --lang en, or the language chosen
# in the window. The lists below come from the sources, so a new command, option, exit code or
# environment variable without help text makes this test fail:
#   commands and options  add_subcommand / add_option / add_flag calls in src/app/*.cpp
#   exit codes            kExit* constants in src/app/cli.hpp
#   environment           getenv("...") calls in src/
# Each option is listed with a description, and the German description differs from the English
# one (it went through _()). The man page docs/lernraum.1 names every command, exit code and
# variable too.
# Usage: help.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/config"

python3 - "$bin" "$src" "$tmp" <<'PY'
import os, re, subprocess, sys

bin_, src, tmp = sys.argv[1:4]
failures = []
def fail(msg): failures.append(msg); print("FAIL: " + msg)

def run(args, env_extra=None, lang_env=None):
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(HOME=tmp + "/home", XDG_CONFIG_HOME=tmp + "/config")
    env.update(env_extra or {})
    p = subprocess.run([bin_] + args, capture_output=True, text=True, env=env, timeout=30)
    return p.returncode, p.stdout, p.stderr

def read(path): return open(os.path.join(src, path), encoding="utf-8").read()

# --- commands and their options, from the sources
app_dir = os.path.join(src, "src/app")
opt_call = re.compile(r'add_(?:option|flag)\(\s*"([^"]+)"')
commands = {}  # name -> [option names]
top_options = []
for name in sorted(os.listdir(app_dir)):
    if not name.endswith(".cpp"): continue
    text = read("src/app/" + name)
    # app.add_subcommand("x") is a command; cmd->add_subcommand("y") after it is "x y" (e.g. import trello).
    calls = list(re.finditer(r'(\w+)\s*(?:\.|->)\s*add_subcommand\(\s*"([^"]+)"', text))
    parent = None
    for i, m in enumerate(calls):
        part = text[m.end():calls[i + 1].start() if i + 1 < len(calls) else len(text)]
        if m.group(1) == "app":
            parent = m.group(2)
            commands[parent] = opt_call.findall(part)
        elif parent:
            commands[parent + " " + m.group(2)] = opt_call.findall(part)
    # Internal options (->group("")) are hidden from --help on purpose.
    hidden = set(re.findall(r'add_(?:option|flag)\(\s*"([^"]+)"[^;]*->group\(""\)', text))
    for key in list(commands):
        commands[key] = [o for o in commands[key] if o not in hidden]
    if name == "main.cpp":
        top_options = opt_call.findall(text[:calls[0].start()] if calls else text)
if len(commands) < 8: fail("found only %d commands in src/app: %s" % (len(commands), sorted(commands)))
if "--screenshot" not in top_options: fail("the top-level options were not found in main.cpp")

exit_codes = sorted(set(re.findall(r'kExit\w+\s*=\s*(\d+)', read("src/app/cli.hpp"))))
if exit_codes != ["0", "1", "2"]: print("note: exit codes in cli.hpp: %s" % exit_codes)
if "0" not in exit_codes or "2" not in exit_codes: fail("kExit* constants not found in cli.hpp")

variables = set()
for root, _, files in os.walk(os.path.join(src, "src")):
    for f in files:
        if f.endswith((".cpp", ".hpp")):
            text = open(os.path.join(root, f), encoding="utf-8").read()
            variables.update(re.findall(r'getenv\("([A-Z0-9_]+)"\)', text))
            for arg in re.findall(r'\bgetenv\(([^)]*)\)', text):
                if not re.fullmatch(r'"[A-Z0-9_]+"', arg.strip()):
                    fail("%s: getenv(%s): pass the variable's name as a literal, so this test sees it" % (f, arg))
for expected in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "LANG"):
    if expected not in variables: fail("getenv(\"%s\") not found in src/" % expected)

# --- one help text: the description of each option, by name
def descriptions(text):
    """option names (as printed, e.g. '-o,--output' or 'FILE') -> description (lines joined).
    CLI11 prints "  NAME TYPE" padded to column 30, then the description (on the next line, at
    column 30, when the name is longer); continuation lines start with 30 spaces."""
    out, current = {}, None
    for line in text.splitlines():
        if re.match(r'^  \S', line):
            current = line.split()[0]
            out[current] = line[30:].strip() if len(line) > 30 and line[29] == " " else ""
        elif current and line.startswith(" " * 30) and line.strip():
            out[current] = (out[current] + " " + line.strip()).strip()
        else:
            current = None
    return out

def check_help(label, args, english, env_extra=None, options=(), sub=None):
    rc, out, err = run(args, env_extra)
    if rc != 0: fail("%s: exit %d, stderr %s" % (label, rc, err[:300])); return {}
    words = ("Usage:", "Options:", "Exit status:") if english else ("Aufruf:", "Optionen:", "Exit-Status:")
    for w in words:
        if w not in out: fail("%s: '%s' missing (wrong language?)\n%s" % (label, w, out[:400]))
    for code in exit_codes:
        if not re.search(r'^  %s\s{2,}\S' % code, out, re.M): fail("%s: exit code %s not explained" % (label, code))
    found = descriptions(out)
    for opt in options:
        printed = [k for k in found if k == opt or k.split(",") == opt.split(",")]
        if not printed: fail("%s: option %s not listed" % (label, opt)); continue
        if not found[printed[0]]: fail("%s: option %s has no description" % (label, opt))
    return found

results = {}
for english, env_extra, tag in ((False, {}, "de"), (True, {"LANG": "en_US.UTF-8"}, "en")):
    results[(tag, "")] = check_help("lernraum --help [%s]" % tag, ["--help"], english, env_extra, top_options)
    out = run(["--help"], env_extra)[1]
    for command in commands:
        words = command.split()
        listing = out if len(words) == 1 else run(words[:-1] + ["--help"], env_extra)[1]
        if not re.search(r'^  %s\s{2,}\S' % re.escape(words[-1]), listing, re.M):
            fail("lernraum %s--help [%s]: command %s not listed with a description" % (" ".join(words[:-1]) + " " if len(words) > 1 else "", tag, words[-1]))
    for var in variables:
        if var not in out: fail("lernraum --help [%s]: environment variable %s (read by the program) not explained" % (tag, var))
    for command, options in commands.items():
        results[(tag, command)] = check_help("lernraum %s --help [%s]" % (command, tag), command.split() + ["--help"], english,
                                             env_extra, options)

# The German text of every description is a translation, not the English source.
for command, options in [("", top_options)] + list(commands.items()):
    de, en = results[("de", command)], results[("en", command)]
    for opt in options:
        names = [k for k in de if k.split(",") == opt.split(",") or k == opt]
        if names and names[0] in en and de[names[0]] == en[names[0]]:
            fail("lernraum %s --help: the description of %s is not translated: '%s'" % (command, opt, de[names[0]]))

# How the language is chosen.
def language_of(args, env_extra):
    out = run(args, env_extra)[1]
    return "en" if "Usage:" in out else "de" if "Aufruf:" in out else "?"
cases = [
    (["--help"], {}, "de"),
    (["--help"], {"LANG": "C.UTF-8"}, "de"),
    (["--help"], {"LANG": "fr_FR.UTF-8"}, "de"),
    (["--help"], {"LANG": "de_DE.UTF-8"}, "de"),
    (["--help"], {"LANG": "en_GB.UTF-8"}, "en"),
    (["--help"], {"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
    (["--help"], {"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
    (["--help"], {"LC_MESSAGES": "en_US.UTF-8"}, "en"),
    (["--help"], {"LANGUAGE": "fr:en:de", "LANG": "de_DE.UTF-8"}, "en"),
    (["--lang", "en", "--help"], {"LANG": "de_DE.UTF-8"}, "en"),
    (["--lang=de", "--help"], {"LANG": "en_US.UTF-8"}, "de"),
    (["report", "--lang", "en", "--help"], {}, "en"),
    (["new", "--help"], {"LANGUAGE": "en"}, "en"),
]
for args, env_extra, expected in cases:
    got = language_of(args, env_extra)
    if got != expected: fail("lernraum %s with %s: help in '%s', expected '%s'" % (" ".join(args), env_extra, got, expected))
# The language chosen in the window (settings.ini) when the environment names none.
os.makedirs(tmp + "/config/lernraum", exist_ok=True)
with open(tmp + "/config/lernraum/settings.ini", "w") as f: f.write("zoom = 1\nlanguage = en\n")
if language_of(["--help"], {"LANG": "C"}) != "en": fail("the language chosen in the window (settings.ini: en) is not used")
if language_of(["--help"], {"LANG": "de_DE.UTF-8"}) != "de": fail("LANG=de_DE does not win over settings.ini")
os.remove(tmp + "/config/lernraum/settings.ini")

# Errors stay English and are usage errors; commands run as before.
rc, out, err = run(["--no-such-option"])
if rc != 2 or "not expected" not in err: fail("unknown option: exit %d, stderr %s" % (rc, err[:200]))
rc, out, err = run(["new", "--no-such-option"])
if rc != 2: fail("unknown option of new: exit %d" % rc)
rc, out, err = run(["validate", tmp + "/missing.lernraum"])
if rc != 1 or "error: cannot open" not in err: fail("validate of a missing file: exit %d, stderr %s" % (rc, err[:200]))

# The man page names every command, exit code and variable.
man = read("docs/lernraum.1").replace("\\-", "-")
for command in commands:
    if not re.search(r'^\.B %s\b' % re.escape(command), man, re.M): fail("docs/lernraum.1 does not describe the command %s" % command)
section = lambda name: man.split(".SH " + name, 1)[1].split("\n.SH ", 1)[0] if (".SH " + name) in man else ""
for code in exit_codes:
    if not re.search(r'^\.B %s$' % code, section("EXIT STATUS"), re.M): fail("docs/lernraum.1 EXIT STATUS lacks %s" % code)
for var in variables:
    if var not in section("ENVIRONMENT"): fail("docs/lernraum.1 ENVIRONMENT lacks %s" % var)
for path in ("$XDG_CONFIG_HOME/lernraum", "$XDG_STATE_HOME/lernraum", "$XDG_CACHE_HOME/lernraum"):
    if path not in section("FILES"): fail("docs/lernraum.1 FILES lacks %s" % path)

print("%d commands, %d top-level options, %d variables checked" % (len(commands), len(top_options), len(variables)))
if failures:
    print("%d failure(s)" % len(failures)); sys.exit(1)
print("help: ok")
PY
