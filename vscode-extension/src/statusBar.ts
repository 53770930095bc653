// The status bar item: the workspace's Eventlet usage count, or the server's state.
import * as vscode from "vscode";
import { formatStatus, ServerState } from "./statusFormat";

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem("eventletLsp.status", vscode.StatusBarAlignment.Left, 0);
    this.item.name = "Eventlet usages";
    this.update({ kind: "starting" });
    this.item.show();
  }

  update(state: ServerState): void {
    const view = formatStatus(state);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
  }

  dispose(): void {
    this.item.dispose();
  }
}
