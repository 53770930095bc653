#!/usr/bin/env bash
# Installs the e2e.vscode test's tools into tests/e2e/vscode/node_modules, idempotently:
# code-server (VS Code 1.100 served to a browser) and playwright-core, at the versions pinned in
# package-lock.json. scripts/setup calls it; it does nothing when node_modules is current.
#
# Needs node 20 (code-server refuses other majors), npm, and the Debian packages that
# code-server's native modules build against: build-essential libkrb5-dev libsecret-1-dev
# libx11-dev libxkbfile-dev ripgrep (and chromium, for the test itself).
#
# Only the npm registry is reachable from here, so two of code-server's install steps are
# helped along:
#  - @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the
#    release archive: we put Debian's /usr/bin/rg there, packed the way the postinstall unpacks
#    it (a .tar.gz with `rg` at its root, see @vscode/ripgrep/lib/download.js).
#  - Native modules with prebuilt binaries on GitHub (argon2, ...) fall back to building from
#    source with node-gyp, against the headers installed with node (npm's nodedir) rather than
#    ones downloaded from nodejs.org.
set -euo pipefail
cd "$(dirname "$0")"

stamp=node_modules/.eventlet-lsp-installed
vscode=node_modules/code-server/lib/vscode
if [[ -f $stamp && ! package-lock.json -nt $stamp && ! package.json -nt $stamp && -x $vscode/node_modules/@vscode/ripgrep/bin/rg ]]; then
  exit 0
fi

major=$(node -p 'process.versions.node.split(".")[0]')
if [[ $major != 20 ]]; then
  echo "install.sh: code-server 4.100 needs node 20, this is node $(node --version)" >&2
  exit 1
fi
if [[ ! -x /usr/bin/rg ]]; then
  echo "install.sh: /usr/bin/rg is missing (apt-get install ripgrep)" >&2
  exit 1
fi

# node-gyp's headers: those of the node that runs here, unless npm is already told where they are.
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [[ -z ${npm_config_nodedir:-} && -f $node_prefix/include/node/node.h ]]; then
  export npm_config_nodedir=$node_prefix
fi

# 1. The ripgrep release archive @vscode/ripgrep@1.15.11 looks for, in os.tmpdir() as node sees it.
rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
rg_archive="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s $rg_archive ]]; then
  echo "install.sh: packing /usr/bin/rg as $rg_archive" >&2
  mkdir -p "$rg_cache"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp /usr/bin/rg "$work/rg"
  tar czf "$rg_archive.part" -C "$work" rg
  mv "$rg_archive.part" "$rg_archive"
fi

# 2. The packages, without running any install script yet.
echo "install.sh: installing code-server and playwright-core (npm ci)" >&2
rm -f "$stamp"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# 3. code-server's postinstall runs `npm install --omit=dev` in lib/vscode and lib/vscode/extensions,
# which builds VS Code's native modules. npm with the allowScripts policy (npm 11.19 here) runs a
# dependency's install scripts only when the project allows them (package.json "allowScripts" here; an .npmrc `allow-scripts` list for
# those two nested projects, which have no such field). The list: the packages of
# lib/vscode/npm-shrinkwrap.json with install scripts, at the versions code-server 4.100.3 pins
# (the Windows-only ones are no-ops on Linux). Older npm ignores the key with a warning.
printf '%s\n' "allow-scripts=@parcel/watcher@2.5.1,@vscode/deviceid@0.1.1,@vscode/ripgrep@1.15.11,@vscode/spdlog@0.15.1,@vscode/windows-process-tree@0.6.0,@vscode/windows-registry@1.1.0,kerberos@2.1.1,native-watchdog@1.4.2,node-pty@1.1.0-beta33" \
  >"$vscode/.npmrc"
# code-server's postinstall insists on --unsafe-perm when run as root (it reads the variable);
# npm_config_yes answers the prompts of any npx a script runs.
# npm shows the scripts' output (compiler lines) only when one fails.
echo "install.sh: building code-server's native modules (npm rebuild, about a minute)" >&2
npm_config_yes=true npm_config_unsafe_perm=true \
  npm rebuild --no-audit --no-fund --loglevel=error argon2 code-server

if [[ ! -x $vscode/node_modules/@vscode/ripgrep/bin/rg ]]; then
  echo "install.sh: code-server's postinstall left no $vscode/node_modules/@vscode/ripgrep/bin/rg" >&2
  exit 1
fi
touch "$stamp"
echo "install.sh: done ($(du -sh node_modules | cut -f1) in $PWD/node_modules)" >&2
