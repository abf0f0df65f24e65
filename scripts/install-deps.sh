#!/usr/bin/env bash
# Installs what Riskwatch needs on Debian 12 and is missing: build tools and libraries, and with --test
# also PostgreSQL, Chromium and CJK fonts for the test suite. Then the web app's npm packages. With --fuzz: the
# build tools and libraries, plus clang for the fuzz targets (`make fuzz`), and nothing for the web app.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config ccache curl
          libboost-dev nlohmann-json3-dev libsqlite3-dev libpq-dev libsodium-dev
          libspdlog-dev libfmt-dev libcli11-dev libgtest-dev googletest
          libzip-dev libvalijson-dev libpugixml-dev libexpat1-dev libxlsxwriter-dev libvips-dev zlib1g-dev libbrotli-dev libjemalloc-dev clang-format
          libcairo2-dev libpango1.0-dev fonts-noto-cjk libssl-dev ca-certificates postgresql-client)
# postgresql-client: pg_dump and pg_restore, which `riskwatch backup`/`restore` run for a PostgreSQL database.
# libssl-dev: TLS of outbound webhooks; ca-certificates: the CA store their receivers are verified against.
# fonts-noto-cjk is a runtime need too: the PDF documents are set in Noto Serif/Sans CJK SC.
if [[ "${1:-}" == "--test" ]]; then
  # poppler-utils (pdftotext, pdfinfo, pdftoppm) reads generated PDFs back; LibreOffice (writer, no GUI)
  # converts generated .docx files to check that they open.
  # nginx: scripts/scale-out-test.sh puts two servers behind it (run from a temp dir, never as a service).
  packages+=(postgresql chromium poppler-utils libreoffice-writer-nogui nginx)
fi
# --fuzz: only what `make fuzz` needs beside the build tools: clang with libFuzzer and the sanitizer runtimes
# (`make test-asan` uses gcc's, which come with build-essential), and libvips' command line tools, with which
# fuzz/make_seeds.py makes the seed photos. The web app is not needed for it.
fuzz_only=false
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang-14 libclang-rt-14-dev libvips-tools python3)
  fuzz_only=true
fi
$fuzz_only || command -v node >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

$fuzz_only && exit 0

# npm ci only when the lock file changed since the last install.
stamp=web/node_modules/.riskwatch-lock-stamp
if [[ ! -f "$stamp" ]] || ! cmp -s web/package-lock.json "$stamp"; then
  echo "install-deps: npm ci (web)"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
  cp web/package-lock.json "$stamp"
fi
