import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ConfigurationSource,
  didChangeConfigurationParams,
  explicitValue,
  readExtensionSettings,
  readServerPath,
  toServerSettings,
} from "../settings";

/** A WorkspaceConfiguration stand-in: package.json defaults plus what the user set, per scope. */
function fakeConfig(
  user: Record<string, unknown>,
  workspace: Record<string, unknown> = {},
): ConfigurationSource {
  const defaults: Record<string, unknown> = {
    "server.path": "",
    target: "threading",
    select: [],
    extendSelect: [],
    ignore: [],
    exclude: [],
    extendSafeFixes: [],
    extendUnsafeFixes: [],
    severity: {},
    guideBaseUrl: "https://removal.eventlet.org",
    bareNoqa: "ignore",
    deprecatedTags: true,
    logLevel: "info",
    "trace.server": "off",
  };
  return {
    get<T>(key: string): T | undefined {
      return (workspace[key] ?? user[key] ?? defaults[key]) as T | undefined;
    },
    inspect<T>(key: string) {
      return {
        defaultValue: defaults[key] as T,
        globalValue: user[key] as T | undefined,
        workspaceValue: workspace[key] as T | undefined,
      };
    },
  };
}

describe("toServerSettings", () => {
  it("sends only deprecatedTags and logLevel when nothing is set", () => {
    assert.deepEqual(toServerSettings(readExtensionSettings(fakeConfig({}))), {
      deprecatedTags: true,
      logLevel: "info",
    });
  });

  it("maps every server setting the user set", () => {
    // Each one goes to the server under the same name, with the same value.
    const userSettings = {
      target: "asyncio",
      select: ["EL3", "spawn-fire-and-forget"],
      extendSelect: ["EL9"],
      ignore: ["EL505"],
      exclude: ["tests/fixtures/*"],
      extendSafeFixes: ["EL505"],
      extendUnsafeFixes: ["EL504"],
      severity: { EL801: "error", EL505: "hint" },
      guideBaseUrl: "https://mirror.example/guide/",
      bareNoqa: "suppress",
      deprecatedTags: false,
      logLevel: "debug",
    };
    const settings = readExtensionSettings(fakeConfig(structuredClone(userSettings)));
    assert.deepEqual(toServerSettings(settings), userSettings);
  });

  it("never sends the client-side settings", () => {
    const server = toServerSettings(
      readExtensionSettings(fakeConfig({ "server.path": "/opt/eventlet-lsp", "trace.server": "verbose" })),
    );
    assert.deepEqual(Object.keys(server).sort(), ["deprecatedTags", "logLevel"]);
  });

  it("leaves out an empty select, which would disable every rule", () => {
    const server = toServerSettings({ select: [], ignore: [" ", ""], extendSelect: [] });
    assert.equal("select" in server, false);
    assert.equal("ignore" in server, false);
    assert.equal("extendSelect" in server, false);
  });

  it("does not send VS Code's defaults over the project's configuration", () => {
    // target and guideBaseUrl have defaults in package.json; unset, the project's must win.
    const server = toServerSettings(readExtensionSettings(fakeConfig({})));
    assert.equal(server.target, undefined);
    assert.equal(server.guideBaseUrl, undefined);
    assert.equal(server.bareNoqa, undefined);
    assert.equal(server.severity, undefined);
  });

  it("sends a default value the user set explicitly", () => {
    const server = toServerSettings(readExtensionSettings(fakeConfig({ target: "threading" })));
    assert.equal(server.target, "threading");
  });

  it("prefers workspace values to user values", () => {
    const server = toServerSettings(
      readExtensionSettings(fakeConfig({ target: "threading", ignore: ["EL1"] }, { target: "asyncio" })),
    );
    assert.equal(server.target, "asyncio");
    assert.deepEqual(server.ignore, ["EL1"]);
  });

  it("drops invalid values instead of sending them", () => {
    const server = toServerSettings({
      target: "gevent",
      select: "EL3",
      severity: { EL301: "fatal", EL302: "warning", " ": "error", EL303: 3 },
      guideBaseUrl: "   ",
      bareNoqa: "hide",
      deprecatedTags: "yes",
      logLevel: "verbose",
    });
    assert.deepEqual(server, { severity: { EL302: "warning" }, deprecatedTags: true, logLevel: "info" });
  });

  it("trims selectors and drops non-strings", () => {
    assert.deepEqual(toServerSettings({ select: [" EL3 ", 4, "ALL"] }).select, ["EL3", "ALL"]);
  });

  it("nests the settings under eventletLsp for didChangeConfiguration", () => {
    const server = toServerSettings({ target: "asyncio" });
    assert.deepEqual(didChangeConfigurationParams(server), { settings: { eventletLsp: server } });
  });
});

describe("explicitValue", () => {
  it("takes the most specific scope", () => {
    assert.equal(explicitValue({ globalValue: 1, workspaceValue: 2, workspaceFolderValue: 3 }), 3);
    assert.equal(explicitValue({ globalValue: 1, workspaceValue: 2 }), 2);
    assert.equal(explicitValue({ globalValue: 1 }), 1);
    assert.equal(explicitValue({}), undefined);
    assert.equal(explicitValue(undefined), undefined);
  });
});

describe("readServerPath", () => {
  it("uses the effective value in a trusted workspace", () => {
    assert.equal(readServerPath(fakeConfig({ "server.path": "/user/lsp" }, { "server.path": "/ws/lsp" }), true), "/ws/lsp");
  });

  it("ignores the workspace's value in an untrusted workspace", () => {
    assert.equal(readServerPath(fakeConfig({ "server.path": "/user/lsp" }, { "server.path": "/ws/lsp" }), false), "/user/lsp");
    assert.equal(readServerPath(fakeConfig({}, { "server.path": "/ws/lsp" }), false), undefined);
  });
});
