// "Eventlet: Fix all in file": asks the server for its source.fixAll.eventlet-lsp action on the
// active editor, resolves it when it comes without an edit, and applies the edit.
import * as vscode from "vscode";
import {
  CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeActionTriggerKind,
  Command,
} from "vscode-languageclient/node";
import { ServerManager } from "../client";

export const FIX_ALL_KIND = "source.fixAll.eventlet-lsp";

function isCodeAction(item: Command | CodeAction): item is CodeAction {
  return typeof (item as CodeAction).title === "string" && typeof (item as Command).command !== "string";
}

export async function fixAllInFile(manager: ServerManager): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "python") {
    void vscode.window.showInformationMessage("Eventlet: open a Python file to fix.");
    return;
  }
  const client = manager.runningClient;
  if (!client) {
    void vscode.window.showWarningMessage("Eventlet: the eventlet-lsp server is not running.");
    return;
  }
  const document = editor.document;
  const fullRange = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await client.sendRequest(CodeActionRequest.type, {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
    range: client.code2ProtocolConverter.asRange(document.validateRange(fullRange)),
    context: { diagnostics: [], only: [FIX_ALL_KIND], triggerKind: CodeActionTriggerKind.Invoked },
  });
  let action = (actions ?? []).filter(isCodeAction).find((a) => a.kind === FIX_ALL_KIND);
  if (action && !action.edit) action = await client.sendRequest(CodeActionResolveRequest.type, action);
  const edit = action?.edit ? await client.protocol2CodeConverter.asWorkspaceEdit(action.edit) : undefined;
  if (!edit || edit.size === 0) {
    void vscode.window.showInformationMessage("Eventlet: nothing to fix in this file.");
    return;
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage("Eventlet: the fixes could not be applied (the file changed meanwhile?).");
  }
}
