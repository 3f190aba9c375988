#!/usr/bin/env bash
# Fails when a visible text of the interface has no translation: runs lupdate on copies of the
# .ts files over the same sources as the build, then looks for unfinished or new messages.
set -euo pipefail
lupdate="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$source_dir"/translations/civicdesk_*.ts "$work/"
(cd "$source_dir" && "$lupdate" -no-obsolete -locations none ui models map \
    -ts "$work/civicdesk_vi.ts" "$work/civicdesk_en.ts") > "$work/lupdate.log" 2>&1
cat "$work/lupdate.log"

status=0
if grep -E "\(([1-9][0-9]*) new" "$work/lupdate.log"; then
    echo "FAIL: lupdate found texts that are not in the .ts files; run the update_translations target"
    status=1
fi
for file in "$work"/civicdesk_*.ts; do
    unfinished=$(grep -c 'type="unfinished"' "$file" || true)
    if [ "$unfinished" -ne 0 ]; then
        echo "FAIL: $(basename "$file") has $unfinished unfinished translation(s)"
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "translations complete"
exit "$status"
