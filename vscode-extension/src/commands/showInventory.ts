// "Eventlet: Show migration inventory": asks the server for the inventory, renders it as
// Markdown into a file in the extension's storage and opens the Markdown preview on it. A real
// file, not a virtual document: the preview opens the report's links to workspace files only
// when they are relative paths from a file: document.
import * as vscode from "vscode";
import { ServerManager } from "../client";
import { renderInventoryMarkdown } from "../inventory";
import { SECTION } from "../settings";

const REPORT_NAME = "eventlet-migration-inventory.md";

/** Rule code -> documentation link, from the diagnostics the server published (codeDescription). */
function ruleLinksFromDiagnostics(): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      if (diagnostic.source === "eventlet-lsp" && typeof code === "object" && code.target) {
        links[String(code.value)] ??= code.target.toString(true);
      }
    }
  }
  return links;
}

export async function showInventory(manager: ServerManager, context: vscode.ExtensionContext): Promise<void> {
  if (!manager.runningClient) {
    const choice = await vscode.window.showWarningMessage(
      "Eventlet: the eventlet-lsp server is not running.",
      "Restart server",
    );
    if (choice) await vscode.commands.executeCommand("eventletLsp.restartServer");
    return;
  }
  let inventory;
  try {
    inventory = await manager.inventory();
  } catch (error) {
    void vscode.window.showErrorMessage(`Eventlet: the server gave no inventory: ${String(error)}`);
    return;
  }
  // Per workspace when VS Code gives a workspace storage, else shared.
  const folder = context.storageUri ?? context.globalStorageUri;
  const report = vscode.Uri.joinPath(folder, REPORT_NAME);
  const markdown = renderInventoryMarkdown(inventory, {
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, uri: f.uri.toString() })),
    reportDirUri: folder.toString(),
    guideBaseUrl: vscode.workspace.getConfiguration(SECTION).get<string>("guideBaseUrl") ?? "",
    ruleLinks: ruleLinksFromDiagnostics(),
  });
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(markdown));
  await vscode.commands.executeCommand("markdown.showPreview", report);
}
