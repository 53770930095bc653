// What the status bar item says in each state of the server. Pure (no `vscode` import) so the
// texts are unit tested; src/statusBar.ts puts them on the item.
import { InventoryTotals, plural } from "./inventory";

export type ServerState =
  | { kind: "starting" }
  | { kind: "running"; totals?: InventoryTotals }
  | { kind: "stopped"; reason?: string };

export interface StatusView {
  text: string;
  tooltip: string;
  /** The command a click runs. */
  command: "eventletLsp.showInventory" | "eventletLsp.restartServer" | "eventletLsp.showServerLog";
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

export function formatStatus(state: ServerState): StatusView {
  switch (state.kind) {
    case "starting":
      return {
        text: "$(sync~spin) Eventlet",
        tooltip: "eventlet-lsp: starting the server…",
        command: "eventletLsp.showServerLog",
      };
    case "stopped":
      return {
        text: "$(circle-slash) Eventlet: off",
        tooltip:
          `eventlet-lsp: the server is not running${state.reason ? ` (${state.reason})` : ""}. ` +
          "Click to restart it.",
        command: "eventletLsp.restartServer",
      };
    case "running": {
      const totals = state.totals;
      if (!totals) {
        return {
          text: "$(checklist) Eventlet",
          tooltip: "eventlet-lsp: counting the Eventlet usages of the workspace… Click for the migration inventory.",
          command: "eventletLsp.showInventory",
        };
      }
      const count = formatCount(totals.usages);
      const where = `${plural(totals.usages, "Eventlet usage")} in ${plural(totals.filesAffected, "file")}`;
      if (totals.indexing) {
        return {
          text: `$(sync~spin) Eventlet: ${count}`,
          tooltip: `eventlet-lsp: indexing the workspace… ${where} so far. Click for the migration inventory.`,
          command: "eventletLsp.showInventory",
        };
      }
      return {
        text: `$(checklist) Eventlet: ${count}`,
        tooltip: `eventlet-lsp: ${where} of the workspace. Click for the migration inventory.`,
        command: "eventletLsp.showInventory",
      };
    }
  }
}
