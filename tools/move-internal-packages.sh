#!/usr/bin/env bash
# Moves the code that is not the library's API into org.sanctuaryrules.internal.* (docs/api.md says what is API).
# Idempotent: run it again after merging work that still uses the old names, and it moves what is left and rewrites
# the old names wherever they appear (Java, docs, POM, CI, logging configuration). Run from anywhere in the repository.
#
#   whole packages   org.sanctuaryrules.{report,workbench,whatif,watch,audit,completion}
#                      -> org.sanctuaryrules.internal.{same name}   (main, test and benchmark sources)
#   single classes   org.sanctuaryrules.engine.{NearestName,PrintableText,YamlLineBreaks,YamlPlaces}
#                      -> org.sanctuaryrules.internal.text           (and the test PrintableTextTest)
#
# Everything else stays: model, reasoning, engine, scenario are the API (and the rule files import model, reasoning
# and engine types, so those names cannot move); cli is the command line, packaged in the shaded jar only.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
self="tools/move-internal-packages.sh"

packages=(report workbench whatif watch audit completion)
text_classes=(NearestName PrintableText YamlLineBreaks YamlPlaces)
text_tests=(PrintableTextTest)

move() {  # move <from file> <to file>
  mkdir -p "$(dirname "$2")"
  if git ls-files --error-unmatch "$1" >/dev/null 2>&1; then git mv -k "$1" "$2"; else mv "$1" "$2"; fi
}

# 1. Whole packages: every file of the old folder (main and test), whatever was added there since.
for p in "${packages[@]}"; do
  for root in src/main/java src/test/java src/jmh/java; do
    from="$root/org/sanctuaryrules/$p"
    [ -d "$from" ] || continue
    find "$from" -type f | while read -r f; do
      move "$f" "$root/org/sanctuaryrules/internal/$p/${f#"$from"/}"
    done
    find "$from" -depth -type d -empty -delete
  done
done

# 2. The text helpers out of engine.
for c in "${text_classes[@]}"; do
  f="src/main/java/org/sanctuaryrules/engine/$c.java"
  if [ -f "$f" ]; then move "$f" "src/main/java/org/sanctuaryrules/internal/text/$c.java"; fi
done
for c in "${text_tests[@]}"; do
  f="src/test/java/org/sanctuaryrules/engine/$c.java"
  if [ -f "$f" ]; then move "$f" "src/test/java/org/sanctuaryrules/internal/text/$c.java"; fi
done

# 3. Rewrite the old names in every tracked text file (dotted, slashed and path forms), this script excepted.
expr=()
for p in "${packages[@]}"; do
  expr+=(-e "s#\\borg\\.sanctuaryrules\\.$p\\b#org.sanctuaryrules.internal.$p#g"
         -e "s#\\borg/sanctuaryrules/$p\\b#org/sanctuaryrules/internal/$p#g")
done
for c in "${text_classes[@]}" "${text_tests[@]}"; do
  expr+=(-e "s#\\borg\\.sanctuaryrules\\.engine\\.$c\\b#org.sanctuaryrules.internal.text.$c#g"
         -e "s#\\borg/sanctuaryrules/engine/$c\\b#org/sanctuaryrules/internal/text/$c#g")
done
pattern="org[./]sanctuaryrules[./]($(IFS='|'; echo "${packages[*]}")|engine[./]($(IFS='|'; echo "${text_classes[*]} ${text_tests[*]}" | tr ' ' '|')))\\b"
{ git ls-files; git ls-files --others --exclude-standard; } | sort -u | grep -vx "$self" | while read -r f; do
  if [ -f "$f" ] && grep -Iq . "$f" 2>/dev/null && grep -Eq "$pattern" "$f"; then sed -i -E "${expr[@]}" "$f"; fi
done

# 4. Package lines of the moved files.
for p in "${packages[@]}"; do
  for root in src/main/java src/test/java src/jmh/java; do
    d="$root/org/sanctuaryrules/internal/$p"
    [ -d "$d" ] || continue
    find "$d" -name '*.java' | while read -r f; do
      sub=$(dirname "${f#"$root"/}" | tr / .)
      sed -i -E "s#^package org\\.sanctuaryrules\\.$p(\\.[a-z.]*)?;#package $sub;#" "$f"
    done
  done
done
for root in src/main/java src/test/java src/jmh/java; do
  d="$root/org/sanctuaryrules/internal/text"
  if [ -d "$d" ]; then
    find "$d" -name '*.java' -exec sed -i -E 's#^package org\.sanctuaryrules\.engine;#package org.sanctuaryrules.internal.text;#' {} +
  fi
done

# 5. Imports the moves make necessary: engine's classes used the text helpers without an import (same package), and
#    the moved helpers may use engine's classes the same way.
add_import() {  # add_import <file> <fully qualified name>: after the last import that sorts before it
  local file=$1 name=$2
  grep -q "^import $name;" "$file" && return 0
  awk -v imp="import $name;" '
    { lines[NR] = $0 }
    /^import [a-z]/ && $0 !~ /^import static/ { if ($0 < imp) after = NR; if (!first) first = NR }
    /^package / { pkg = NR }
    END {
      at = after ? after : (first ? first - 1 : pkg)
      for (i = 1; i <= NR; i++) {
        print lines[i]
        if (i == at) { if (!after && !first) print ""; print imp }
      }
    }' "$file" >"$file.tmp" && mv "$file.tmp" "$file"
}
for root in src/main/java src/test/java src/jmh/java; do
  for f in "$root"/org/sanctuaryrules/engine/*.java; do
    [ -f "$f" ] || continue
    for c in "${text_classes[@]}"; do
      if grep -Eq "\\b$c\\b" "$f"; then add_import "$f" "org.sanctuaryrules.internal.text.$c"; fi
    done
  done
  for f in "$root"/org/sanctuaryrules/internal/text/*.java; do
    [ -f "$f" ] || continue
    for e in src/main/java/org/sanctuaryrules/engine/*.java; do
      c=$(basename "$e" .java)
      [ "$c" = package-info ] && continue
      if grep -v '^\s*\(//\|\*\|/\*\)' "$f" | grep -Eq "\\b$c\\b"; then add_import "$f" "org.sanctuaryrules.engine.$c"; fi
    done
  done
done
git add -A src docs README.md pom.xml .ci 2>/dev/null || true
echo "moved: ${packages[*]} -> org.sanctuaryrules.internal.*; engine's ${text_classes[*]} -> org.sanctuaryrules.internal.text"
