import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatStatus } from "../statusFormat";

describe("formatStatus", () => {
  it("shows the usage count and files affected", () => {
    const view = formatStatus({ kind: "running", totals: { usages: 42, filesAffected: 7, indexing: false } });
    assert.equal(view.text, "$(checklist) Eventlet: 42");
    assert.match(view.tooltip, /42 Eventlet usages in 7 files of the workspace/);
    assert.equal(view.command, "eventletLsp.showInventory");
  });

  it("uses singular forms and thousands separators", () => {
    assert.match(formatStatus({ kind: "running", totals: { usages: 1, filesAffected: 1, indexing: false } }).tooltip, /1 Eventlet usage in 1 file of/);
    assert.equal(formatStatus({ kind: "running", totals: { usages: 12345, filesAffected: 300, indexing: false } }).text, "$(checklist) Eventlet: 12,345");
  });

  it("spins while indexing and says the count is partial", () => {
    const view = formatStatus({ kind: "running", totals: { usages: 3, filesAffected: 2, indexing: true } });
    assert.equal(view.text, "$(sync~spin) Eventlet: 3");
    assert.match(view.tooltip, /indexing the workspace… 3 Eventlet usages in 2 files so far/);
  });

  it("has no count before the first inventory", () => {
    const view = formatStatus({ kind: "running" });
    assert.equal(view.text, "$(checklist) Eventlet");
    assert.equal(view.command, "eventletLsp.showInventory");
  });

  it("is off when the server is not running, and a click restarts it", () => {
    const view = formatStatus({ kind: "stopped", reason: "server not found" });
    assert.equal(view.text, "$(circle-slash) Eventlet: off");
    assert.match(view.tooltip, /not running \(server not found\)/);
    assert.equal(view.command, "eventletLsp.restartServer");
    assert.doesNotMatch(formatStatus({ kind: "stopped" }).tooltip, /\(/);
  });

  it("spins while starting", () => {
    assert.equal(formatStatus({ kind: "starting" }).text, "$(sync~spin) Eventlet");
  });
});
