// Declares `capabilities.experimental.eventletLsp.inventory` in initialize: the server sends
// eventletLsp/inventoryChanged only to clients that do.
import { ClientCapabilities, FeatureState, StaticFeature } from "vscode-languageclient/node";

export class InventoryFeature implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    const experimental = (capabilities.experimental ?? {}) as Record<string, unknown>;
    experimental.eventletLsp = { inventory: true };
    capabilities.experimental = experimental;
  }

  initialize(): void {}

  getState(): FeatureState {
    return { kind: "static" };
  }

  clear(): void {}
}
