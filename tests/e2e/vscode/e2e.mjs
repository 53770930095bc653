// End-to-end test: the eventlet-lsp VS Code extension (vscode-extension/eventlet-lsp.vsix) and
// the language server, in a real VS Code: code-server (VS Code 1.100 served to a browser, from
// npm) driven through Debian's Chromium with playwright-core, the way a person uses it: Quick
// Open, the Problems panel, a mouse hover, the light-bulb menu, the command palette, Ctrl+S, the
// status bar.
//
// Run (CTest does this, see CMakeLists.txt beside this file):
//   tests/e2e/vscode/install.sh     # once: code-server and playwright-core into node_modules
//   EVENTLET_LSP_SERVER=build/server/eventlet-lsp \
//   EVENTLET_LSP_VSIX=vscode-extension/eventlet-lsp.vsix \
//   node tests/e2e/vscode/e2e.mjs
//
// Optional: EVENTLET_LSP_E2E_ARTIFACTS (where screenshots and logs go; default
// ./e2e-vscode-artifacts), EVENTLET_LSP_CHROMIUM (default /usr/bin/chromium),
// EVENTLET_LSP_E2E_KEEP=1 (keep the temporary VS Code profile and workspace).
//
// Exit status: 0 when every check passed, 1 when one failed (each failure is listed), 2 when the
// test could not run (missing tool, global timeout). code-server and the browser are stopped in
// every case.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CODE_SERVER = path.join(HERE, 'node_modules', '.bin', 'code-server');
const FIXTURE = path.join(HERE, 'workspace', 'sample.py');
const EXTENSION_ID = 'eventlet-lsp.eventlet-lsp';

// CTest gives the test 300 s; stop well before so that the cleanup below still runs.
const GLOBAL_TIMEOUT_MS = 240_000;
// One wait for something VS Code shows. Generous: the machine has 2 cores and the first
// workbench load compiles a lot of JavaScript.
const WAIT_MS = 30_000;

// What the Problems panel must list for workspace/sample.py (1-based lines and columns, as VS
// Code shows them). Keep in step with the fixture.
const EXPECTED_PROBLEMS = [
  { code: 'EL001', line: 7, column: 1 },   // import eventlet
  { code: 'EL504', line: 15, column: 5 },  // eventlet.sleep(1): fixed with the quick fix
  { code: 'EL504', line: 19, column: 5 },  // eventlet.sleep(2.5): fixed by "Fix all in file"
  { code: 'EL801', line: 22, column: 1 },  // eventlet.monkey_patch()
  { code: 'EL301', line: 23, column: 1 },  // eventlet.spawn(worker)
];
// The fixes add `import time` after `import eventlet`: the lines below it move down by one.
const AFTER_FIXES = EXPECTED_PROBLEMS.filter((p) => p.code !== 'EL504')
  .map((p) => (p.line > 7 ? { ...p, line: p.line + 1 } : p));
const QUICK_FIX_LINE = ['eventlet.sleep(1)', 'time.sleep(1)'];
const FIX_ALL_LINE = ['eventlet.sleep(2.5)', 'time.sleep(2.5)'];
const FIX_ALL = 'Eventlet: Fix all in file';
const INVENTORY = 'Eventlet: Show migration inventory';

// ---------------------------------------------------------------------------------------------
// Reporting: every check prints ok/FAIL; a failure also leaves a screenshot.

const results = { passed: [], failed: [] };
const artifacts = path.resolve(process.env.EVENTLET_LSP_E2E_ARTIFACTS || 'e2e-vscode-artifacts');
let page; // the workbench page, once there is one (for screenshots)
let screenshotCount = 0;
let aborted = false; // set on the global timeout or a signal: the checks still running stop

function log(text) {
  process.stderr.write(`${text}\n`);
}

function pass(text) {
  results.passed.push(text);
  log(`ok:   ${text}`);
}

async function fail(text) {
  results.failed.push(text);
  log(`FAIL: ${text}`);
  await screenshot(`fail-${text}`);
}

async function screenshot(name) {
  if (!page) return;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  const file = path.join(artifacts, `${String(++screenshotCount).padStart(2, '0')}-${slug}.png`);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    log(`      screenshot: ${file}`);
  } catch (error) {
    log(`      (no screenshot: ${firstLine(error)})`);
  }
}

function messageOf(error) {
  // Playwright's call logs are coloured: no escape sequences in a CTest log.
  return String(error?.message ?? error).replace(/\x1b\[[0-9;]*m/g, '');
}

function firstLine(error) {
  return messageOf(error).split('\n')[0];
}

// Runs one check: `body` returns a description of what it saw (or throws). A thrown error is
// the failure's message. Returns whether the check passed, so later checks can depend on it.
async function check(name, body) {
  if (aborted) return false;
  try {
    const detail = await body();
    if (aborted) return false;
    pass(detail ? `${name}: ${detail}` : name);
    return true;
  } catch (error) {
    // After an abort the browser is gone under the check: its error says nothing new.
    if (aborted) return false;
    await fail(`${name}: ${firstLine(error)}`);
    // The rest of a long message (a file's text, Playwright's call log) goes to the log only.
    const rest = messageOf(error).split('\n').slice(1).filter((line) => line.trim());
    if (rest.length) log(rest.map((line) => `      | ${line}`).join('\n'));
    return false;
  }
}

// Polls `probe` until it returns a truthy value; throws with `describe()` of the last state on
// timeout. For states no single selector captures (the list of problems, a file on disk).
async function waitUntil(what, probe, describe = () => '', timeout = WAIT_MS) {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeout) {
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}; ${await describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ---------------------------------------------------------------------------------------------
// The sandbox: a fresh VS Code profile, extensions dir and workspace, so that nothing of the
// machine's own VS Code or code-server set-up (~/.config/code-server, ~/.local/share) is used.

function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (tests/e2e/vscode/CMakeLists.txt sets it)`);
  return path.resolve(value);
}

function makeSandbox(serverPath) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eventlet-lsp-e2e-vscode-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgData: path.join(root, 'xdg-data'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(FIXTURE, path.join(dirs.workspace, 'sample.py'));

  const settings = {
    'eventletLsp.server.path': serverPath,
    'eventletLsp.trace.server': 'messages', // the client's trace ends up in the logs we keep
    // A trusted workspace, so the extension runs with its full capabilities.
    'security.workspace.trust.enabled': false,
    // Nothing that opens by itself over the editor, nor tries to reach the network.
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    // The fixture must stay as the test writes it until it saves.
    'files.autoSave': 'off',
    'editor.formatOnSave': false,
    'editor.minimap.enabled': false,
  };
  const user = path.join(dirs.userData, 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(settings, null, 2));
  // code-server reads its own options from a config file; an empty one keeps it from writing
  // the default (with a password) into ~/.config.
  dirs.config = path.join(root, 'code-server.yaml');
  fs.writeFileSync(dirs.config, '');
  return dirs;
}

// The environment of every code-server process: its own config and data dirs (code-server writes
// logs under XDG_DATA_HOME).
function codeServerEnv(sandbox) {
  return { ...process.env, XDG_CONFIG_HOME: sandbox.xdgConfig, XDG_DATA_HOME: sandbox.xdgData };
}

function installExtension(sandbox, vsix) {
  const run = (args) => spawnSync(CODE_SERVER, [
    '--config', sandbox.config, '--user-data-dir', sandbox.userData,
    '--extensions-dir', sandbox.extensions, ...args,
  ], { env: codeServerEnv(sandbox), encoding: 'utf8', timeout: 60_000 });

  const install = run(['--install-extension', vsix, '--force']);
  const output = `${install.stdout}${install.stderr}`.trim();
  if (install.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension exited with ${install.status ?? install.signal}: ${output}`);
  }
  const list = run(['--list-extensions', '--show-versions']);
  const installed = list.stdout.split('\n').find((line) => line.startsWith(`${EXTENSION_ID}@`));
  if (!installed) throw new Error(`${EXTENSION_ID} is not in --list-extensions: ${list.stdout.trim()}`);
  return installed.trim();
}

// ---------------------------------------------------------------------------------------------
// code-server and the browser. Both are stopped by stopAll(), whatever happened.

const running = { codeServer: null, browser: null };

// Starts code-server on 127.0.0.1 with a port the system picks (port 0: no race with other
// tests for a "free" port) and resolves with the URL it prints once it listens.
function startCodeServer(sandbox) {
  const logFile = path.join(artifacts, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  const child = spawn(CODE_SERVER, [
    '--config', sandbox.config,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', sandbox.userData,
    '--extensions-dir', sandbox.extensions,
    sandbox.workspace,
  ], {
    env: codeServerEnv(sandbox),
    // Its own process group: code-server starts an extension host, a pty host, a file watcher
    // and (through the extension) eventlet-lsp, and stopAll() ends the whole group.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.codeServer = child;
  log(`code-server log: ${logFile}`);

  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${WAIT_MS / 1000} s: ${output.trim()}`)), WAIT_MS);
    const onData = (data) => {
      logStream.write(data);
      output += data;
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening: ${output.trim()}`));
    });
  });
}

function processGroupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

// SIGTERM to code-server's process group, SIGKILL to what is left after 5 s; waits until the
// group is gone (the language server included: it is in the group, and also exits on its own
// when the extension host that started it is gone).
async function stopCodeServer() {
  const child = running.codeServer;
  running.codeServer = null;
  if (!child?.pid || !processGroupAlive(child.pid)) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const gone = async (ms) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (!processGroupAlive(child.pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !processGroupAlive(child.pid);
  };
  if (await gone(5000)) return;
  log('code-server did not stop within 5 s of SIGTERM: killing its process group');
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  await gone(5000);
}

async function launchBrowser(executablePath, sandbox) {
  const { chromium } = await import('playwright-core');
  running.browser = await chromium.launch({
    executablePath,
    timeout: WAIT_MS,
    // Chromium's crash reporter keeps its database under XDG_CONFIG_HOME: in the sandbox, not ~.
    env: { ...process.env, XDG_CONFIG_HOME: sandbox.xdgConfig },
    // Signals are handled in main(), which takes a screenshot before it closes the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return running.browser;
}

async function stopBrowser() {
  const browser = running.browser;
  running.browser = null;
  if (!browser) return;
  // close() kills the process; playwright-core also kills it when this process exits.
  await Promise.race([browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

let stopping;
function stopAll() {
  stopping ??= Promise.allSettled([stopBrowser(), stopCodeServer()]);
  return stopping;
}

// ---------------------------------------------------------------------------------------------
// The workbench, driven like a person would.

// Requests to anything but code-server itself (the extension gallery, fonts, ...) are aborted at
// once: there is no network here, and the test must not depend on one.
async function openWorkbench(browser, url, folder) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const local = new URL(url).host;
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    return /^(http|ws)s?:$/.test(target.protocol) && target.host !== local ? route.abort() : route.continue();
  });
  page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  // The explorer shows the workspace once the remote file system answered.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sample.py' }).waitFor();
}

// Runs a command by its title through the command palette (F1), as a person would.
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // Enter runs the focused row: wait until the filter has put the command there.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

// The titles the command palette lists for `filter` (each row's label, without its keybinding).
async function paletteTitles(filter) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${filter}`);
  const labels = page.locator('.quick-input-list .monaco-list-row .label-name');
  await labels.first().waitFor();
  return (await labels.allTextContents()).map((t) => t.trim());
}

async function openFileWithQuickOpen(name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await editorLine('import eventlet').waitFor();
}

// The rendered line of the active editor whose text (trimmed) is `text`. Monaco renders only the
// visible lines; the fixture fits in the window.
function editorLine(text) {
  // Monaco renders spaces as no-break spaces: match any white space.
  const pattern = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const exact = new RegExp(`^\\s*${pattern}\\s*$`);
  return page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').filter({ hasText: exact });
}

// The middle of `token` within the rendered editor line `lineText`, in page coordinates: a DOM
// Range over the line's text nodes gives the exact box, whatever the theme's token spans are.
async function tokenCenter(lineText, token) {
  const line = editorLine(lineText);
  await line.waitFor();
  const box = await line.evaluate((element, wanted) => {
    const text = element.textContent.replace(/\u00a0/g, ' ');
    const start = text.indexOf(wanted);
    if (start < 0) return null;
    const range = document.createRange();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let begun = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (!begun && start < offset + length) {
        range.setStart(node, start - offset);
        begun = true;
      }
      if (begun && start + wanted.length <= offset + length) {
        range.setEnd(node, start + wanted.length - offset);
        break;
      }
      offset += length;
    }
    const rect = range.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, token);
  if (!box) throw new Error(`\`${token}\` is not on the rendered line \`${lineText}\``);
  return box;
}

async function showProblemsPanel() {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor();
}

// The problems the Problems panel lists (not the related-information rows under them).
async function readProblems() {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows
    .filter((row) => row.querySelector('.marker-code'))
    .map((row) => {
      const text = (selector) => row.querySelector(selector)?.textContent.trim() ?? '';
      const position = /Ln (\d+), Col (\d+)/.exec(text('.marker-line')) ?? [];
      const icon = row.querySelector('.marker-icon')?.className ?? '';
      return {
        code: text('.marker-code'),
        source: text('.marker-source'),
        line: Number(position[1]),
        column: Number(position[2]),
        severity: ['error', 'warning', 'info'].find((s) => icon.split(/\s+/).includes(s)) ?? icon,
        message: text('.marker-message'),
        href: row.querySelector('.marker-code')?.closest('a')?.getAttribute('href') ?? '',
      };
    }));
}

function describeProblems(problems) {
  if (problems.length === 0) return 'the Problems panel lists nothing';
  return `listed: ${problems.map((p) => `${p.code}@${p.line}:${p.column} (${p.source}, ${p.severity})`).sort().join(', ')}`;
}

// Waits until the Problems panel lists exactly `expected` (code and position), each from
// eventlet-lsp.
async function waitForProblems(expected) {
  const matches = (problems) => problems.length === expected.length && expected.every((e) => problems.some(
    (p) => p.code === e.code && p.line === e.line && p.column === e.column && p.source === 'eventlet-lsp'));
  const problems = await waitUntil(
    `the Problems panel to list ${expected.map((e) => `${e.code}@${e.line}:${e.column}`).join(', ')} from eventlet-lsp`,
    async () => { const p = await readProblems(); return matches(p) && p; },
    async () => describeProblems(await readProblems()));
  return problems;
}

// The number the extension's status bar item shows ("Eventlet: 4"), or null.
async function statusBarCount() {
  const items = await page.locator('.part.statusbar .statusbar-item').allTextContents();
  for (const text of items) {
    const match = /Eventlet:\s*([\d,]+)/.exec(text);
    if (match) return Number(match[1].replace(/,/g, ''));
  }
  return null;
}

// The texts of the notification toasts on screen (an extension's error messages end up there).
async function notifications() {
  const texts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
  return texts.map((t) => t.trim()).join(' | ') || 'none';
}

async function statusBarTexts() {
  const items = await page.locator('.part.statusbar .statusbar-item').allTextContents();
  return items.map((t) => t.trim()).filter((t) => /eventlet/i.test(t)).join(' | ') || '(no Eventlet item)';
}

// Throws when the extension's status bar item says the server is off ("Eventlet: off"). Waits
// until it shows either that or a count; one that shows neither in time passes here (the count
// has its own check).
async function checkServerNotOff() {
  const text = await waitUntil('the status bar to show "Eventlet: off" or a count',
    async () => { const t = await statusBarTexts(); return /Eventlet:\s*(off|[\d,]+)/.test(t) && t; },
  ).catch(async () => `${await statusBarTexts()} (no count yet)`);
  if (/Eventlet:\s*off/.test(text)) throw new Error(`the status bar says "${text}": the server is not running (its output channel is printed below)`);
  return `the status bar shows ${text}`;
}

async function waitForStatusBarCount(expected) {
  return waitUntil(`the status bar to show "Eventlet: ${expected}"`,
    async () => (await statusBarCount()) === expected,
    async () => `the status bar shows ${await statusBarTexts()}`);
}

async function hoverToken(lineText, token, mustContain) {
  const { x, y } = await tokenCenter(lineText, token);
  const hover = page.locator('.monaco-hover', { hasText: mustContain[0] });
  // The hover shows after the mouse rests (editor.hover.delay); moving in from elsewhere makes
  // sure the editor sees a mouse move onto the token.
  await page.mouse.move(x, y - 60);
  await page.mouse.move(x, y, { steps: 5 });
  await hover.first().waitFor().catch(async () => {
    const shown = (await page.locator('.monaco-hover').allInnerTexts()).join(' | ').replace(/\s+/g, ' ');
    throw new Error(`no hover mentioning \`${mustContain[0]}\` within ${WAIT_MS / 1000} s; hovers: ${shown.slice(0, 300) || 'none'}`);
  });
  const text = (await hover.first().innerText()).replace(/\s+/g, ' ');
  const missing = mustContain.filter((wanted) => !text.includes(wanted));
  if (missing.length) throw new Error(`the hover lacks ${missing.map((m) => `\`${m}\``).join(', ')}: ${text.slice(0, 400)}`);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5); // away, so that the hover does not cover the light bulb menu
  return text;
}

// Puts the cursor on `token` by clicking it, opens the code actions (Ctrl+.) and picks the one
// whose title contains `titlePart`. Returns the titles offered.
async function applyQuickFix(lineText, token, titlePart) {
  const { x, y } = await tokenCenter(lineText, token);
  await page.mouse.click(x, y);
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor().catch(() => {
    throw new Error(`Ctrl+. on \`${token}\` showed no code action menu within ${WAIT_MS / 1000} s`);
  });
  const titles = (await rows.allTextContents()).map((t) => t.trim());
  const wanted = titles.findIndex((title) => title.includes(titlePart));
  if (wanted < 0) {
    await page.keyboard.press('Escape');
    throw new Error(`no code action mentions \`${titlePart}\`; offered: ${titles.join(' | ')}`);
  }
  // Chosen with the keyboard, as the menu is meant to be used (a click can land on the row's
  // own hover): arrow keys from the focused row to the wanted one, then Enter.
  const focused = await rows.evaluateAll((list) => list.findIndex((row) => row.classList.contains('focused')));
  const key = wanted > focused ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - Math.max(focused, 0)); i++) await page.keyboard.press(key);
  await rows.nth(wanted).and(page.locator('.focused')).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
  return titles;
}

// ---------------------------------------------------------------------------------------------
// The test.

async function run() {
  const serverPath = requireEnv('EVENTLET_LSP_SERVER');
  const vsix = requireEnv('EVENTLET_LSP_VSIX');
  const chromiumPath = process.env.EVENTLET_LSP_CHROMIUM || '/usr/bin/chromium';
  for (const [what, file, hint] of [
    ['the language server', serverPath, 'build it: scripts/build'],
    ['the extension package', vsix, 'package it: cd vscode-extension && npm ci && npm run package'],
    ['code-server', CODE_SERVER, 'install it: tests/e2e/vscode/install.sh'],
    ['playwright-core', path.join(HERE, 'node_modules', 'playwright-core', 'package.json'), 'install it: tests/e2e/vscode/install.sh'],
    ['Chromium', chromiumPath, 'install it: apt-get install chromium'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing (${file}): ${hint}`);
  }

  const sandbox = makeSandbox(serverPath);
  log(`sandbox: ${sandbox.root}`);
  try {
    await runChecks(sandbox, vsix, chromiumPath);
    if (results.failed.length === 0) await screenshot('final state');
  } finally {
    await stopAll();
    keepLogs(sandbox);
    if (process.env.EVENTLET_LSP_E2E_KEEP === '1') log(`kept the sandbox: ${sandbox.root}`);
    else fs.rmSync(sandbox.root, { recursive: true, force: true });
  }
}

async function runChecks(sandbox, vsix, chromiumPath) {
  // Each `if (!await check(...)) return` below is a step the rest cannot do without.
  if (!await check('the extension installs from the vsix', () => installExtension(sandbox, vsix))) return;

  let url;
  if (!await check('code-server starts', async () => { url = await startCodeServer(sandbox); return url; })) return;

  let browser;
  if (!await check('Chromium starts', async () => {
    browser = await launchBrowser(chromiumPath, sandbox);
    return `${chromiumPath} ${browser.version()}`;
  })) return;

  if (!await check('the workbench loads with the workspace in the explorer', () => openWorkbench(browser, url, sandbox.workspace))) return;
  if (!await check('Quick Open (Ctrl+P) opens sample.py in an editor', () => openFileWithQuickOpen('sample.py'))) return;
  // Everything below needs the server: no use waiting for each check to time out without it.
  if (!await check('the extension starts eventlet-lsp (its status bar item is not "Eventlet: off")', checkServerNotOff)) return;

  await check('the Problems panel (Ctrl+Shift+M) lists the eventlet-lsp diagnostics of sample.py', async () => {
    await showProblemsPanel();
    const problems = await waitForProblems(EXPECTED_PROBLEMS);
    const noLink = problems.filter((p) => !p.href.startsWith('https://removal.eventlet.org/'));
    if (noLink.length) throw new Error(`codes without a link to the migration guide: ${noLink.map((p) => `${p.code} (${p.href || 'no link'})`).join(', ')}`);
    return `${describeProblems(problems)}; each code links to the migration guide`;
  });

  await check('the status bar shows the workspace usage count', async () => {
    await waitForStatusBarCount(EXPECTED_PROBLEMS.length);
    return await statusBarTexts();
  });

  await check('the command palette (F1) lists the extension commands', async () => {
    const titles = await paletteTitles('Eventlet:');
    await page.keyboard.press('Escape');
    const missing = [FIX_ALL, INVENTORY].filter((command) => !titles.includes(command));
    if (missing.length) throw new Error(`${missing.join(', ')} not listed; it lists ${titles.join(' | ') || 'nothing'}`);
    return titles.join(' | ');
  });

  await check('hovering `eventlet.sleep` explains it', async () => {
    const text = await hoverToken(QUICK_FIX_LINE[0], 'sleep', ['eventlet.greenthread.sleep', 'EL504', 'time.sleep']);
    // The hover also holds the diagnostic's message: show the part the server's hover wrote.
    return `${text.slice(text.indexOf('eventlet.greenthread.sleep'), text.indexOf('eventlet.greenthread.sleep') + 150)}...`;
  });

  const quickFixed = await check(`the quick fix (Ctrl+.) turns \`${QUICK_FIX_LINE[0]}\` into \`${QUICK_FIX_LINE[1]}\``, async () => {
    const titles = await applyQuickFix(QUICK_FIX_LINE[0], 'sleep', 'time.sleep');
    await editorLine(QUICK_FIX_LINE[1]).waitFor();
    await editorLine('import time').waitFor();
    // Only that line: the other call is left for "Fix all in file".
    await editorLine(FIX_ALL_LINE[0]).waitFor();
    return `offered: ${titles.join(' | ')}`;
  });
  if (!quickFixed) return;

  await check(`"${FIX_ALL}" turns \`${FIX_ALL_LINE[0]}\` into \`${FIX_ALL_LINE[1]}\``, async () => {
    await runCommand(FIX_ALL);
    await editorLine(FIX_ALL_LINE[1]).waitFor();
    await editorLine(QUICK_FIX_LINE[1]).waitFor();
    return 'both calls now use time.sleep';
  });

  await check('Ctrl+S saves the fixes to disk', async () => {
    const file = path.join(sandbox.workspace, 'sample.py');
    await page.keyboard.press('Control+S');
    const text = await waitUntil(`sample.py on disk to contain \`${QUICK_FIX_LINE[1]}\``, () => {
      const content = fs.readFileSync(file, 'utf8');
      return content.includes(`    ${QUICK_FIX_LINE[1]}\n`) && content;
    }, () => `it reads:\n${fs.readFileSync(file, 'utf8')}`);
    const problems = [];
    if ((text.match(/^import time$/gm) ?? []).length !== 1) problems.push('not exactly one `import time` line');
    if (!text.includes(`    ${FIX_ALL_LINE[1]}\n`)) problems.push(`no \`${FIX_ALL_LINE[1]}\``);
    if (/^\s+eventlet\.sleep\(/m.test(text)) problems.push('an `eventlet.sleep(` call is still there');
    if (!text.includes('eventlet.spawn(worker)')) problems.push('`eventlet.spawn(worker)` (no safe fix) is gone');
    if (problems.length) throw new Error(`the saved file is wrong (${problems.join('; ')}):\n${text}`);
    return `the file has \`${QUICK_FIX_LINE[1]}\`, \`${FIX_ALL_LINE[1]}\` and one \`import time\``;
  });

  await check('the diagnostics follow the edits: both EL504 are gone, the others moved down a line', async () => (
    describeProblems(await waitForProblems(AFTER_FIXES))));

  await check('the status bar count follows', async () => {
    await waitForStatusBarCount(AFTER_FIXES.length);
    return await statusBarTexts();
  });

  await check(`"${INVENTORY}" opens the inventory with the new count`, async () => {
    await runCommand(INVENTORY);
    await page.locator('.tabs-container .tab.active', { hasText: /inventory/i }).waitFor().catch(async () => {
      throw new Error(`no inventory tab within ${WAIT_MS / 1000} s; notifications: ${await notifications()}`);
    });
    const wanted = `${AFTER_FIXES.length} usages`;
    // The Markdown preview is a webview: its text is in a nested frame.
    const text = await waitUntil(`a frame showing "Eventlet migration inventory" and "${wanted}"`, async () => {
      for (const frame of page.frames()) {
        const body = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
        if (body.includes('Eventlet migration inventory') && body.includes(wanted)) return body;
      }
      return null;
    }, async () => `the tab is ${await page.locator('.tabs-container .tab.active').innerText()}`);
    return text.replace(/\s+/g, ' ').slice(0, 160);
  });

  await check('a setting changed in the user settings applies without a restart (ignore EL001)', async () => {
    // As a user does it: "Preferences: Open User Settings (JSON)", the new setting, save. The text
    // is inserted, not typed, so that the editor's auto-closing quotes and brackets stay out.
    const file = path.join(sandbox.userData, 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    settings['eventletLsp.ignore'] = ['EL001'];
    await runCommand('Preferences: Open User Settings (JSON)');
    await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor();
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify(settings, null, 2));
    await page.keyboard.press('Control+S');
    await waitUntil('settings.json saved with the new setting',
      async () => fs.readFileSync(file, 'utf8').includes('eventletLsp.ignore'));
    const remaining = AFTER_FIXES.filter((p) => p.code !== 'EL001');
    await showProblemsPanel();
    await waitForProblems(remaining);
    await waitForStatusBarCount(remaining.length);
    return `${describeProblems(await readProblems())}; ${await statusBarTexts()}`;
  });
}

// code-server's and the extension host's logs (the extension's output channels among them) go
// next to the screenshots, for a failure's post-mortem.
function keepLogs(sandbox) {
  const logs = path.join(sandbox.userData, 'logs');
  if (!fs.existsSync(logs)) return;
  const target = path.join(artifacts, 'vscode-logs');
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(logs, target, { recursive: true });
  log(`VS Code logs: ${target}`);
  if (results.failed.length) printExtensionLog(target);
}

// The extension's "Eventlet" output channel (how it started the server, the server's stderr),
// the first thing to read when a check failed.
function printExtensionLog(logs) {
  const files = fs.readdirSync(logs, { recursive: true }).map(String)
    .filter((name) => path.basename(name).endsWith('-Eventlet.log'));
  for (const name of files) {
    const lines = fs.readFileSync(path.join(logs, name), 'utf8').trimEnd().split('\n');
    log(`--- the extension's output channel (${path.join(logs, name)}), last ${Math.min(lines.length, 40)} of ${lines.length} lines:`);
    log(lines.slice(-40).join('\n'));
    log('--- end of the output channel');
  }
}

function prepareArtifacts() {
  fs.mkdirSync(artifacts, { recursive: true });
  // Only what an earlier run of this test left: the directory may hold other things.
  for (const name of fs.readdirSync(artifacts)) {
    if (/^\d\d-.*\.png$/.test(name) || name === 'code-server.log' || name === 'vscode-logs') {
      fs.rmSync(path.join(artifacts, name), { recursive: true, force: true });
    }
  }
}

async function main() {
  prepareArtifacts();
  log(`artifacts: ${artifacts}`);
  const deadline = new Promise((resolve) => {
    const timer = setTimeout(() => resolve(`the test did not finish within ${GLOBAL_TIMEOUT_MS / 1000} s`), GLOBAL_TIMEOUT_MS);
    timer.unref();
  });
  const interrupted = new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => resolve(`interrupted by ${signal}`));
  });
  const finished = run().then(() => null, (error) => firstLine(error));
  const broken = await Promise.race([finished, deadline, interrupted]);
  if (broken) {
    aborted = true;
    await fail(`the test could not go on: ${broken}`);
    await stopAll();
    // Let run() keep the logs and remove the sandbox, now that nothing it waits on is alive.
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }

  const total = results.passed.length + results.failed.length;
  if (results.failed.length === 0) {
    log(`e2e.vscode: all ${total} checks passed`);
  } else {
    log(`e2e.vscode: ${results.failed.length} of ${total} checks failed:`);
    for (const text of results.failed) log(`  - ${text}`);
  }
  log(`${results.passed.length} passed, ${results.failed.length} failed`);
  process.exit(broken ? 2 : results.failed.length ? 1 : 0);
}

await main();
