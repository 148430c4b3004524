#!/usr/bin/env bash
# Makes sure the PDF renderer finds a Chromium on this machine (CI and developers).
# The renderer (src/documents/chromium.ts) looks, in order, at: the plugin option
# `chromium_path`, CHROMIUM_PATH, a system Chromium, then @sparticuz/chromium (an optional
# npm dependency that ships a headless Chromium inside the package).
# Here: nothing to do when CHROMIUM_PATH or a system Chromium is there; else, as root with
# apt-get (Debian/Ubuntu, as on CI), install Debian's chromium; else rely on @sparticuz/chromium.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "[chromium] CHROMIUM_PATH=${CHROMIUM_PATH}"
  exit 0
fi
for candidate in /usr/lib/chromium/chromium chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$candidate" >/dev/null 2>&1; then
    echo "[chromium] system Chromium: $(command -v "$candidate")"
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "[chromium] no system Chromium: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  # Fonts: the templates print in DejaVu Sans; without a font Chromium prints blank text.
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    echo "[chromium] installed: $(command -v chromium)"
    exit 0
  fi
  echo "[chromium] apt-get could not install chromium" >&2
fi

if node -e 'require.resolve("@sparticuz/chromium")' >/dev/null 2>&1; then
  echo "[chromium] no system Chromium: the renderer uses @sparticuz/chromium"
else
  echo "[chromium] no Chromium found and none could be installed: PDF rendering and its tests will fail" >&2
fi
