import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { isExecutableFile, nodeLookup, restoreExecuteBit } from "../nodeLookup";
import { resolveServerPath } from "../serverPath";

describe("nodeLookup (real files)", { skip: process.platform === "win32" }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "eventlet-lsp-ext-"));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("tells executables from plain files and folders", () => {
    const exe = path.join(root, "exe");
    const plain = path.join(root, "plain");
    fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o755 });
    fs.writeFileSync(plain, "", { mode: 0o644 });
    assert.equal(isExecutableFile(exe), true);
    assert.equal(isExecutableFile(root), false);
    assert.equal(isExecutableFile(path.join(root, "missing")), false);
    if (process.getuid?.() !== 0) assert.equal(isExecutableFile(plain), false); // root may run anything
  });

  it("restores the execute bit of a bundled binary, then resolves it", () => {
    const extension = path.join(root, "extension");
    fs.mkdirSync(path.join(extension, "bin"), { recursive: true });
    const bundled = path.join(extension, "bin", "eventlet-lsp");
    fs.writeFileSync(bundled, "#!/bin/sh\n", { mode: 0o644 });
    restoreExecuteBit(bundled);
    assert.equal(fs.statSync(bundled).mode & 0o111, 0o111);
    const result = resolveServerPath(
      { configuredPath: "", workspaceFolder: undefined, extensionPath: extension },
      { ...nodeLookup(), envPath: "" },
    );
    assert.deepEqual(result, { found: true, command: bundled, source: "bundled" });
  });
});
