#!/usr/bin/env bash
# Installs the system packages ebookify's tests and PDF output need, only those that are missing:
# a JDK for EPUBCheck (its source launcher runs tests/EpubCheckBatch.java: one JVM for all the books instead
# of one per book; with a JRE only, the tests fall back to that slow way), Pango for WeasyPrint, HarfBuzz
# subsetting, poppler for PDF checks, the book fonts the styles ask for, and Calibre, whose ebook-meta checks
# that a reader's library reads the EPUB's metadata (Debian 12: 110 packages, 104 MB download, 351 MB
# installed, 131 s with --no-install-recommends on a busy 2-core machine), and Chromium with its driver for the
# `ebookify serve` browser test (Selenium drives /usr/bin/chromium through /usr/bin/chromedriver; nothing is
# downloaded at test time), and libdeflate, with which the PDF's streams are deflated smaller than by zlib (so
# a book's bytes and sizes are the same on every machine set up by this script). Debian/Ubuntu (apt) only;
# elsewhere it says what to install.
set -euo pipefail
packages=(default-jdk-headless libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
          fonts-linuxlibertine fonts-dejavu-core calibre chromium chromium-driver libdeflate0)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${packages[@]}"; do
    # Any java with javac will do; a java without javac (a JRE) gets the JDK for the one-JVM EPUBCheck batch.
    if [ "$pkg" = default-jdk-headless ] && command -v javac >/dev/null 2>&1; then continue; fi
    # Calibre from its own installer is as good as Debian's.
    if [ "$pkg" = calibre ] && command -v ebook-meta >/dev/null 2>&1; then continue; fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
else
  command -v java >/dev/null 2>&1 || { echo "please install a Java runtime (needed by EPUBCheck)" >&2; exit 1; }
  command -v ebook-meta >/dev/null 2>&1 || { echo "please install Calibre (its ebook-meta is tested)" >&2; exit 1; }
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { echo "please install chromium and chromedriver in /usr/bin (the web page's browser test)" >&2; exit 1; }
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
