#!/usr/bin/env bash
# Takes a picture of each kiosk screen for the README (docs/screens/*.png),
# viewport-sized (what a visitor sees without scrolling):
# the real page, served by the real kiosk server on the built-in simulated
# card, in headless Chromium, on a fixed day so the pictures change only
# when the page does.
#   scripts/screenshots.sh [-width 1920 -height 1080]   (portrait shots swap the two)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh browser
exec go run ./internal/kiosk/cmd/screenshots -out docs/screens "$@"
