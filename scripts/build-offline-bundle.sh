#!/usr/bin/env bash
# Builds a self-contained tarball for a machine without internet (LGWAN): the application, its production
# node_modules (native modules built here, for this OS and CPU), the fonts it serves, and the Node.js binary.
# Run on a connected Debian machine of the same architecture as the target:
#   bash scripts/build-offline-bundle.sh [OUT.tar.gz]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-shinchoku-offline-$(node -p "require('./package.json').version")-$(uname -m).tar.gz}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/shinchoku/app" "$work/shinchoku/node/bin"
node scripts/build.mjs
git ls-files -z | xargs -0 -I{} cp --parents {} "$work/shinchoku/app/"
cp package-lock.json "$work/shinchoku/app/"
# Install scripts are skipped (prepare would need the dev-only compiler); the one native module is built here.
(cd "$work/shinchoku/app" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3)
# Copied last, so the compiled build is newer than the sources and is what starts.
cp -r dist "$work/shinchoku/app/dist"
cp "$(command -v node)" "$work/shinchoku/node/bin/node"
cat > "$work/shinchoku/README-OFFLINE.txt" <<TXT
Shinchoku offline bundle, built $(date -u +%Y-%m-%dT%H:%MZ) with Node $(node -v) on $(uname -m).
Install:  tar -xzf $(basename "$out") -C /opt   (creates /opt/shinchoku)
Run:      /opt/shinchoku/node/bin/node /opt/shinchoku/app/bin/shinchoku.js serve
Service:  /opt/shinchoku/app/deploy/shinchoku.service (systemd), /opt/shinchoku/app/deploy/nginx.conf
Nothing is downloaded at install or run time.
TXT
tar -czf "$out" -C "$work" shinchoku
echo "wrote $out ($(du -h "$out" | cut -f1))"
