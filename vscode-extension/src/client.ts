// Owns the language client: finds the server, starts and stops it, keeps its settings current
// and feeds the status bar. One LanguageClient at a time; a new one on every (re)start, since
// the server path may have changed.
import * as path from "path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { StartupAwareErrorHandler } from "./errorHandler";
import { INVENTORY_CHANGED_NOTIFICATION, INVENTORY_REQUEST, Inventory, InventoryTotals } from "./inventory";
import { InventoryFeature } from "./inventoryFeature";
import { nodeLookup, restoreExecuteBit } from "./nodeLookup";
import { resolveServerPath, Resolution, SERVER_NAME } from "./serverPath";
import {
  didChangeConfigurationParams,
  readExtensionSettings,
  readServerPath,
  SECTION,
  ServerSettings,
  toServerSettings,
} from "./settings";
import { StatusBar } from "./statusBar";

export function serverSettingsFor(scope?: vscode.Uri): ServerSettings {
  return toServerSettings(readExtensionSettings(vscode.workspace.getConfiguration(SECTION, scope)));
}

function firstFileFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === "file")?.uri.fsPath;
}

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private command: string | undefined;
  private lastSentSettings: string | undefined;
  // Start, stop and restart run one after the other: a settings change during a start must not
  // leave two servers behind.
  private queue: Promise<void> = Promise.resolve();
  private readonly traceOutput: vscode.OutputChannel;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
    private readonly status: StatusBar,
  ) {
    this.traceOutput = vscode.window.createOutputChannel("Eventlet Trace");
  }

  /** The client when the server is up, for commands; undefined otherwise. */
  get runningClient(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  /** Restarts only when the binary to run is not the one running (workspace trust granted, ...). */
  restartIfServerChanged(): Promise<void> {
    const resolution = this.resolve();
    const next = resolution.found ? resolution.command : undefined;
    return next === this.command && this.client ? Promise.resolve() : this.restart();
  }

  /** Pushes the mapped settings when they differ from what the server has. */
  async sendSettings(): Promise<void> {
    const client = this.runningClient;
    if (!client) return;
    const settings = serverSettingsFor();
    const serialized = JSON.stringify(settings);
    if (serialized === this.lastSentSettings) return;
    this.lastSentSettings = serialized;
    await client.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(settings));
  }

  async inventory(): Promise<Inventory> {
    const client = this.runningClient;
    if (!client) throw new Error("the eventlet-lsp server is not running");
    return client.sendRequest<Inventory>(INVENTORY_REQUEST, {});
  }

  dispose(): void {
    void this.stop();
    this.traceOutput.dispose();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = async () => {
      try {
        await task();
      } catch (error) {
        this.output.appendLine(`[eventlet-lsp] ${String(error)}`);
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private resolve(): Resolution {
    const extensionPath = this.context.extensionUri.fsPath;
    restoreExecuteBit(path.join(extensionPath, "bin", SERVER_NAME));
    // In an untrusted workspace only the user's server.path counts (restrictedConfigurations).
    const configuredPath = readServerPath(vscode.workspace.getConfiguration(SECTION), vscode.workspace.isTrusted);
    return resolveServerPath({ configuredPath, workspaceFolder: firstFileFolder(), extensionPath }, nodeLookup());
  }

  private async doStart(): Promise<void> {
    this.status.update({ kind: "starting" });
    const resolution = this.resolve();
    if (!resolution.found) {
      this.command = undefined;
      this.output.appendLine(`[eventlet-lsp] ${resolution.message}`);
      this.status.update({ kind: "stopped", reason: "server not found" });
      void this.reportMissingServer(resolution.message);
      return;
    }
    this.command = resolution.command;
    this.output.appendLine(`[eventlet-lsp] starting ${resolution.command} (from ${describeSource(resolution.source)})`);

    const client = this.createClient(resolution.command);
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      this.output.appendLine(`[eventlet-lsp] the server did not start: ${String(error)}`);
      this.status.update({ kind: "stopped", reason: "failed to start" });
      void this.reportStartFailure(resolution.command);
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.lastSentSettings = undefined;
    if (client) {
      try {
        await client.dispose(2000);
      } catch (error) {
        this.output.appendLine(`[eventlet-lsp] stopping the server: ${String(error)}`);
      }
    }
    this.status.update({ kind: "stopped" });
  }

  private createClient(command: string): LanguageClient {
    // No `transport`: TransportKind.stdio would append `--stdio`, which builds of the server
    // before it accepted that flag reject. Without it the client still talks over stdin/stdout.
    const serverOptions: ServerOptions = { command, args: [], options: { cwd: firstFileFolder() } };
    const errorHandler = new StartupAwareErrorHandler();
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "python" },
        { scheme: "untitled", language: "python" },
      ],
      outputChannel: this.output,
      traceOutputChannel: this.traceOutput,
      errorHandler,
      // A failed initialize is logged and reported once by doStart(), not retried.
      initializationFailedHandler: (error) => {
        this.output.appendLine(`[eventlet-lsp] initialize failed: ${String(error)}`);
        return false;
      },
      // Read at each (re)start, so an automatic restart after a crash gets current settings.
      initializationOptions: () => {
        const settings = serverSettingsFor();
        this.lastSentSettings = JSON.stringify(settings);
        return settings;
      },
      middleware: {
        workspace: {
          // The server asks for section "eventletLsp" after an empty didChangeConfiguration:
          // answer with the mapped object, not the raw settings (server.path, trace).
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) return answers;
            return params.items.map((item, index) =>
              item.section === SECTION
                ? serverSettingsFor(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
                : answers[index],
            );
          },
        },
      },
    };
    // The id must be the settings section: the client reads `${id}.trace.server`.
    const client = new LanguageClient(SECTION, "Eventlet (eventlet-lsp)", serverOptions, clientOptions);
    errorHandler.fallback = client.createDefaultErrorHandler(4);
    client.registerFeature(new InventoryFeature());
    client.onNotification(INVENTORY_CHANGED_NOTIFICATION, (totals: InventoryTotals) => {
      if (client === this.client) this.status.update({ kind: "running", totals });
    });
    client.onDidChangeState(({ newState }) => {
      if (client !== this.client) return;
      if (newState === State.Starting) this.status.update({ kind: "starting" });
      if (newState === State.Stopped) this.status.update({ kind: "stopped" });
      if (newState === State.Running) {
        errorHandler.hasRun = true;
        this.status.update({ kind: "running" });
        void this.refreshTotals(client);
      }
    });
    return client;
  }

  /** The first count for the status bar; later ones come with inventoryChanged. */
  private async refreshTotals(client: LanguageClient): Promise<void> {
    try {
      const inventory = await client.sendRequest<Inventory>(INVENTORY_REQUEST, {});
      if (client !== this.client) return;
      const { usages, filesAffected, indexing } = inventory;
      this.status.update({ kind: "running", totals: { usages, filesAffected, indexing } });
    } catch (error) {
      // An older server without the inventory: diagnostics still work, the count stays blank.
      this.output.appendLine(`[eventlet-lsp] no inventory from the server: ${String(error)}`);
    }
  }

  // Not awaited by the start: a message waiting for a click must not hold up the queue.
  private async reportStartFailure(command: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(
      `eventlet-lsp: the server ${command} did not start. See the server log for details.`,
      "Show server log",
      "Open settings",
    );
    if (choice === "Show server log") this.output.show(true);
    if (choice === "Open settings") await openServerPathSetting();
  }

  private async reportMissingServer(message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(
      `eventlet-lsp: ${message} Build it (scripts/build in the eventlet-lsp repository) and set ` +
        "eventletLsp.server.path, or put eventlet-lsp on the PATH.",
      "Open set-up guide",
      "Open settings",
    );
    if (choice === "Open set-up guide") {
      await vscode.commands.executeCommand("markdown.showPreview", await readmeOf(this.context.extensionUri));
    }
    if (choice === "Open settings") await openServerPathSetting();
  }
}

function describeSource(source: "setting" | "bundled" | "path"): string {
  switch (source) {
    case "setting":
      return "eventletLsp.server.path";
    case "bundled":
      return "the binary bundled with the extension";
    case "path":
      return "the PATH";
  }
}

/** The extension's README: vsce stores it as readme.md, a source checkout has README.md. */
async function readmeOf(extensionUri: vscode.Uri): Promise<vscode.Uri> {
  for (const name of ["readme.md", "README.md"]) {
    const uri = vscode.Uri.joinPath(extensionUri, name);
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // Try the other spelling.
    }
  }
  return vscode.Uri.joinPath(extensionUri, "README.md");
}

function openServerPathSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.server.path`);
}
