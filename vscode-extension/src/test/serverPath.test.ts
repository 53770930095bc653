import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expandPath, PathLookup, resolveServerPath, ResolveInput, searchPath } from "../serverPath";

/** A file system of executables and plain files, and an environment, for resolution. */
function fakeLookup(options: { executables?: string[]; files?: string[]; envPath?: string; platform?: NodeJS.Platform }): PathLookup {
  const executables = new Set(options.executables ?? []);
  const files = new Set(options.files ?? []);
  return {
    isExecutableFile: (file) => executables.has(file),
    exists: (file) => executables.has(file) || files.has(file),
    homeDir: "/home/me",
    envPath: options.envPath,
    platform: options.platform ?? "linux",
  };
}

const base: ResolveInput = {
  configuredPath: "",
  workspaceFolder: "/work/project",
  extensionPath: "/ext/eventlet-lsp",
};

describe("resolveServerPath", () => {
  it("uses the setting first", () => {
    const lookup = fakeLookup({
      executables: ["/opt/bin/eventlet-lsp", "/ext/eventlet-lsp/bin/eventlet-lsp", "/usr/bin/eventlet-lsp"],
      envPath: "/usr/bin",
    });
    assert.deepEqual(resolveServerPath({ ...base, configuredPath: "/opt/bin/eventlet-lsp" }, lookup), {
      found: true,
      command: "/opt/bin/eventlet-lsp",
      source: "setting",
    });
  });

  it("expands ~ and ${workspaceFolder} in the setting", () => {
    const lookup = fakeLookup({ executables: ["/home/me/bin/eventlet-lsp", "/work/project/build/server/eventlet-lsp"] });
    assert.deepEqual(resolveServerPath({ ...base, configuredPath: "~/bin/eventlet-lsp" }, lookup), {
      found: true,
      command: "/home/me/bin/eventlet-lsp",
      source: "setting",
    });
    assert.deepEqual(
      resolveServerPath({ ...base, configuredPath: "${workspaceFolder}/build/server/eventlet-lsp" }, lookup),
      { found: true, command: "/work/project/build/server/eventlet-lsp", source: "setting" },
    );
  });

  it("takes a relative setting from the workspace folder", () => {
    const lookup = fakeLookup({ executables: ["/work/project/build/server/eventlet-lsp"] });
    const result = resolveServerPath({ ...base, configuredPath: "build/server/eventlet-lsp" }, lookup);
    assert.deepEqual(result, { found: true, command: "/work/project/build/server/eventlet-lsp", source: "setting" });
  });

  it("looks a bare name in the setting up on the PATH", () => {
    const lookup = fakeLookup({ executables: ["/usr/local/bin/eventlet-lsp-dev"], envPath: "/usr/bin:/usr/local/bin" });
    const result = resolveServerPath({ ...base, configuredPath: "eventlet-lsp-dev" }, lookup);
    assert.deepEqual(result, { found: true, command: "/usr/local/bin/eventlet-lsp-dev", source: "setting" });
  });

  it("reports a wrong setting rather than falling back", () => {
    const lookup = fakeLookup({
      executables: ["/usr/bin/eventlet-lsp"],
      files: ["/opt/eventlet-lsp.txt"],
      envPath: "/usr/bin",
    });
    const missing = resolveServerPath({ ...base, configuredPath: "/opt/nothing" }, lookup);
    assert.equal(missing.found, false);
    assert.match(!missing.found ? missing.message : "", /\/opt\/nothing, which does not exist/);
    const notExecutable = resolveServerPath({ ...base, configuredPath: "/opt/eventlet-lsp.txt" }, lookup);
    assert.match(!notExecutable.found ? notExecutable.message : "", /is not an executable file/);
  });

  it("reports ${workspaceFolder} and relative paths without a folder", () => {
    const lookup = fakeLookup({});
    const noFolder = { ...base, workspaceFolder: undefined };
    const a = resolveServerPath({ ...noFolder, configuredPath: "${workspaceFolder}/eventlet-lsp" }, lookup);
    assert.match(!a.found ? a.message : "", /no folder is open/);
    const b = resolveServerPath({ ...noFolder, configuredPath: "build/eventlet-lsp" }, lookup);
    assert.match(!b.found ? b.message : "", /is relative/);
  });

  it("uses the bundled binary when the setting is empty", () => {
    const lookup = fakeLookup({
      executables: ["/ext/eventlet-lsp/bin/eventlet-lsp", "/usr/bin/eventlet-lsp"],
      envPath: "/usr/bin",
    });
    assert.deepEqual(resolveServerPath({ ...base, configuredPath: "  " }, lookup), {
      found: true,
      command: "/ext/eventlet-lsp/bin/eventlet-lsp",
      source: "bundled",
    });
  });

  it("skips a bundled file that is not executable", () => {
    const lookup = fakeLookup({
      files: ["/ext/eventlet-lsp/bin/eventlet-lsp"],
      executables: ["/usr/bin/eventlet-lsp"],
      envPath: "/usr/bin",
    });
    assert.deepEqual(resolveServerPath({ ...base, configuredPath: undefined }, lookup), {
      found: true,
      command: "/usr/bin/eventlet-lsp",
      source: "path",
    });
  });

  it("searches the PATH in order", () => {
    const lookup = fakeLookup({
      executables: ["/b/eventlet-lsp", "/c/eventlet-lsp"],
      envPath: "/a::/b:/c",
    });
    assert.deepEqual(resolveServerPath(base, lookup), { found: true, command: "/b/eventlet-lsp", source: "path" });
  });

  it("says so when there is no server anywhere", () => {
    const result = resolveServerPath(base, fakeLookup({ envPath: "/usr/bin" }));
    assert.equal(result.found, false);
    assert.match(!result.found ? result.message : "", /not found/);
  });

  it("handles a missing PATH", () => {
    assert.equal(resolveServerPath(base, fakeLookup({ envPath: undefined })).found, false);
  });

  it("finds eventlet-lsp.exe on Windows", () => {
    const lookup = fakeLookup({ executables: ["C:\\tools\\eventlet-lsp.exe"], envPath: "C:\\bin;C:\\tools", platform: "win32" });
    assert.equal(searchPath("eventlet-lsp", lookup), "C:\\tools\\eventlet-lsp.exe");
  });
});

describe("expandPath", () => {
  it("expands only a leading ~", () => {
    assert.deepEqual(expandPath("~/x", "/home/me", undefined), { path: "/home/me/x" });
    assert.deepEqual(expandPath("/a/~/x", "/home/me", undefined), { path: "/a/~/x" });
    assert.deepEqual(expandPath("${userHome}/x", "/home/me", undefined), { path: "/home/me/x" });
  });
});
