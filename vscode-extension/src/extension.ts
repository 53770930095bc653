// Entry point: wires the output channel, status bar, server manager, commands and listeners.
import * as vscode from "vscode";
import { ServerManager } from "./client";
import { fixAllInFile } from "./commands/fixAll";
import { showInventory } from "./commands/showInventory";
import { RESTART_KEYS, SECTION } from "./settings";
import { StatusBar } from "./statusBar";

let manager: ServerManager | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One channel for the extension's own lines and the server's stderr log, kept across restarts.
  const output = vscode.window.createOutputChannel("Eventlet");
  const status = new StatusBar();
  const server = new ServerManager(context, output, status);
  manager = server;

  context.subscriptions.push(
    output,
    status,
    server,
    vscode.commands.registerCommand("eventletLsp.fixAll", () => fixAllInFile(server)),
    vscode.commands.registerCommand("eventletLsp.showInventory", () => showInventory(server, context)),
    vscode.commands.registerCommand("eventletLsp.restartServer", () => server.restart()),
    vscode.commands.registerCommand("eventletLsp.showServerLog", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_KEYS.some((key) => event.affectsConfiguration(key))) {
        output.appendLine("[eventlet-lsp] eventletLsp.server.path changed: restarting the server");
        void server.restart();
      } else if (event.affectsConfiguration(SECTION)) {
        // Sent by hand, mapped: synchronize.configurationSection would send the raw section.
        void server.sendSettings();
      }
    }),
    // Trusting the workspace makes its own server.path visible: run that binary if it differs.
    vscode.workspace.onDidGrantWorkspaceTrust(() => server.restartIfServerChanged()),
  );

  await server.start();
}

export async function deactivate(): Promise<void> {
  await manager?.stop();
  manager = undefined;
}
