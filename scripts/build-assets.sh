#!/usr/bin/env bash
# Builds build/static from the npm packages (installed by `npm ci`): Moot's CSS compiled from
# GOV.UK Frontend's Sass and its JavaScript (not its fonts, not its crown images) and htmx. axe-core
# is for the browser tests only: they inject it from node_modules, so it is never served.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/static
rm -rf "$out" && mkdir -p "$out/css" "$out/js"
npx --no-install sass --no-source-map --style=compressed --load-path=node_modules \
  --quiet-deps --silence-deprecation=import \
  website/scss/moot.scss "$out/css/moot.css"
gf=node_modules/govuk-frontend/dist/govuk
cp "$gf/govuk-frontend.min.js" "$out/js/"
# GOV.UK's images (favicons, crest, crown) and its GDS Transport font are deliberately not copied.
cp node_modules/htmx.org/dist/htmx.min.js "$out/js/"
# The report form's rich-text editor (TipTap) and its styles, bundled from workspace/assets.
npx --no-install sass --no-source-map --style=compressed --load-path=node_modules \
  --quiet-deps --silence-deprecation=import \
  workspace/assets/report-editor.scss "$out/css/report-editor.css"
npx --no-install esbuild workspace/assets/report-editor.js --bundle --minify --format=esm \
  --target=es2020 --legal-comments=external --log-level=warning \
  --outfile="$out/js/report-editor.js"
echo "assets built in $out"
