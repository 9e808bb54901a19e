#!/usr/bin/env bash
# Step 4 of action.yml: the step's verdict from reportlint's exit code.
set -euo pipefail
case "${CODE:-}" in
  0) echo "reportlint: no finding at or above fail-on" ;;
  1) echo "::error title=reportlint::findings at or above fail-on (see the annotations and the log above)"; exit 1 ;;
  2)
    m="${MESSAGE:-reportlint exited with 2}"
    m="${m//%/%25}"; m="${m//$'\r'/%0D}"; m="${m//$'\n'/%0A}"
    echo "::error title=reportlint: not every input was checked::$m"
    exit 2 ;;
  *) echo "::error title=reportlint::reportlint did not run (exit code \`${CODE:-none}\`)"; exit 2 ;;
esac
