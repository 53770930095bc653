// The extension's side of the protocol against the real server, without VS Code: the mapped
// settings are accepted without a warning, the experimental capability brings inventoryChanged,
// the inventory has the shape src/inventory.ts renders, and source.fixAll resolves to an edit.
// Run by `npm run smoke` with EVENTLET_LSP_SERVER set to the binary (CTest: extension.protocol).
import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-jsonrpc/node";
import { INVENTORY_CHANGED_NOTIFICATION, INVENTORY_REQUEST, Inventory, InventoryTotals, renderInventoryMarkdown } from "../inventory";
import { didChangeConfigurationParams, toServerSettings } from "../settings";

const server = process.env.EVENTLET_LSP_SERVER;

const SOURCE = [
  "import eventlet",
  "",
  "",
  "def start(job):",
  "    eventlet.spawn_n(job)",
  "    eventlet.sleep(0)",
  "    eventlet.sleep(1)",
  "",
].join("\n");

/** Resolves with the first value `predicate` accepts among the values pushed so far or later. */
class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiters: { predicate: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(item)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(item);
      }
    }
  }

  all(): readonly T[] {
    return this.items;
  }

  wait(predicate: (item: T) => boolean, what: string, timeoutMs = 10000): Promise<T> {
    const found = this.items.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      });
    });
  }
}

describe("the extension's protocol against eventlet-lsp", () => {
  let child: ChildProcess;
  let connection: MessageConnection;
  let workspace: string;
  let fileUri: string;
  let stderr = "";
  const logMessages = new Inbox<{ type: number; message: string }>();
  const totals = new Inbox<InventoryTotals>();
  const diagnostics = new Inbox<{ uri: string; diagnostics: unknown[] }>();

  before(async () => {
    assert.ok(server, "set EVENTLET_LSP_SERVER to the eventlet-lsp binary (CTest does)");
    assert.ok(fs.existsSync(server), `EVENTLET_LSP_SERVER=${server} does not exist: build it with scripts/build`);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), "eventlet-lsp-smoke-"));
    const file = path.join(workspace, "worker.py");
    fs.writeFileSync(file, SOURCE);
    fileUri = pathToFileURL(file).href;

    child = spawn(server, [], { stdio: ["pipe", "pipe", "pipe"], cwd: workspace });
    // Settings given in initialize are checked before the session runs: their warnings go to
    // the server log (stderr) only.
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification("window/logMessage", (params: { type: number; message: string }) => logMessages.push(params));
    connection.onNotification(INVENTORY_CHANGED_NOTIFICATION, (params: InventoryTotals) => totals.push(params));
    connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; diagnostics: unknown[] }) =>
      diagnostics.push(params),
    );
    connection.onRequest("client/registerCapability", () => null);
    connection.onRequest("window/workDoneProgress/create", () => null);
    connection.listen();

    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: "smoke" }],
      capabilities: {
        experimental: { eventletLsp: { inventory: true } },
        textDocument: { codeAction: { resolveSupport: { properties: ["edit"] } } },
      },
      // What the extension sends with every setting set to a non-default value.
      initializationOptions: toServerSettings({
        target: "threading",
        select: ["ALL"],
        extendSelect: ["EL3"],
        ignore: ["EL505"],
        exclude: ["build/*"],
        extendSafeFixes: ["EL901"],
        extendUnsafeFixes: ["EL902"],
        severity: { EL301: "error" },
        guideBaseUrl: "https://removal.eventlet.org",
        deprecatedTags: false,
        logLevel: "info",
      }),
    });
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: fileUri, languageId: "python", version: 1, text: SOURCE },
    });
  });

  after(async () => {
    try {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
    } catch {
      // The process may already be gone; the kill below covers it.
    }
    connection?.dispose();
    child?.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("accepts the mapped settings without a warning", async () => {
    await diagnostics.wait((d) => d.uri === fileUri, "diagnostics for worker.py");
    const warnings = logMessages.all().filter((m) => m.type <= 2);
    assert.deepEqual(warnings, []);
    assert.doesNotMatch(stderr, /unknown setting|setting \w+: /);
  });

  it("publishes the diagnostics with the configured severity", async () => {
    const published = await diagnostics.wait((d) => d.uri === fileUri && d.diagnostics.length > 0, "findings");
    const el301 = (published.diagnostics as { code: string; severity: number }[]).find((d) => d.code === "EL301");
    assert.ok(el301, JSON.stringify(published.diagnostics));
    assert.equal(el301.severity, 1); // error, from the severity setting
    assert.ok(!(published.diagnostics as { code: string }[]).some((d) => d.code === "EL505"), "EL505 is ignored");
  });

  it("sends inventoryChanged to a client with the experimental capability", async () => {
    const final = await totals.wait((t) => !t.indexing && t.usages > 0, "inventoryChanged with usages");
    assert.equal(typeof final.filesAffected, "number");
  });

  it("answers the inventory in the shape the Markdown rendering reads", async () => {
    await totals.wait((t) => !t.indexing, "the end of indexing");
    const inventory = await connection.sendRequest<Inventory>(INVENTORY_REQUEST, {});
    assert.equal(inventory.indexing, false);
    assert.ok(inventory.usages >= 2, JSON.stringify(inventory));
    assert.ok(inventory.filesScanned >= 1);
    assert.equal(inventory.filesAffected, 1);
    assert.ok(inventory.scenarios.every((s) => typeof s.title === "string" && s.usages > 0));
    assert.ok(inventory.rules.some((r) => r.code === "EL301" && r.name === "spawn-fire-and-forget"));
    assert.equal(inventory.files[0].uri, fileUri);
    const markdown = renderInventoryMarkdown(inventory, {
      workspaceFolders: [{ name: "smoke", uri: pathToFileURL(workspace).href }],
      guideBaseUrl: "https://removal.eventlet.org",
    });
    assert.match(markdown, /\| 1 \| \[worker\.py\]/);
  });

  it("resolves source.fixAll.eventlet-lsp to an edit of the file", async () => {
    const actions = await connection.sendRequest<{ kind?: string; edit?: unknown; data?: unknown }[]>(
      "textDocument/codeAction",
      {
        textDocument: { uri: fileUri },
        range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } },
        context: { diagnostics: [], only: ["source.fixAll.eventlet-lsp"], triggerKind: 1 },
      },
    );
    let action = actions.find((a) => a.kind === "source.fixAll.eventlet-lsp");
    assert.ok(action, JSON.stringify(actions));
    if (!action.edit) action = await connection.sendRequest("codeAction/resolve", action);
    assert.ok(action?.edit, "the resolved action carries an edit");
  });

  it("takes a settings change under the eventletLsp key", async () => {
    const before = logMessages.all().length;
    await connection.sendNotification(
      "workspace/didChangeConfiguration",
      didChangeConfigurationParams(
        toServerSettings({
          target: "asyncio",
          select: ["EL001"],
          extendSelect: ["EL0"],
          ignore: ["EL003"],
          exclude: ["dist/*"],
          extendSafeFixes: ["EL505"],
          extendUnsafeFixes: ["EL504"],
          severity: { EL001: "hint" },
          guideBaseUrl: "https://guide.example",
          deprecatedTags: true,
          logLevel: "info",
        }),
      ),
    );
    const published = await diagnostics.wait(
      (d) =>
        d.uri === fileUri &&
        d.diagnostics.length > 0 &&
        (d.diagnostics as { code: string }[]).every((x) => x.code === "EL001" || x.code === "EL004"),
      "diagnostics limited to EL001",
    );
    assert.ok(published);
    assert.deepEqual(logMessages.all().slice(before).filter((m) => m.type <= 2), []);
  });
});
