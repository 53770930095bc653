// Maps the extension's `eventletLsp.*` settings to the configuration object the server reads
// (server/session/server_settings.cpp). Pure: no `vscode` import, so it is unit tested in Node.
//
// The server applies its settings on top of the project's [tool.eventlet-lsp] table and replaces
// them wholesale on every change. So a setting that overrides the project (target, select, ...)
// is sent only when the user set it somewhere: sending VS Code's default would silently beat
// the project's own `target = "asyncio"` or `guide-base-url`. The two settings the project
// cannot hold (deprecatedTags, logLevel) are always sent, so that going back to the default
// takes effect too. Client-side settings (server.path, trace.server) are never sent: the server
// warns about unknown keys.

export type Target = "threading" | "asyncio";
export type Level = "error" | "warning" | "information" | "hint";
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "off";

export const TARGETS: readonly Target[] = ["threading", "asyncio"];
export type BareNoqa = "ignore" | "suppress";
export const BARE_NOQA: readonly BareNoqa[] = ["ignore", "suppress"];
export const LEVELS: readonly Level[] = ["error", "warning", "information", "hint"];
export const LOG_LEVELS: readonly LogLevel[] = ["trace", "debug", "info", "warn", "error", "off"];

/** The configuration section; also the language client's id (for `eventletLsp.trace.server`). */
export const SECTION = "eventletLsp";

/** What the user configured; `undefined` means "not set by the user". Values are unchecked. */
export interface ExtensionSettings {
  target?: unknown;
  select?: unknown;
  extendSelect?: unknown;
  ignore?: unknown;
  exclude?: unknown;
  extendSafeFixes?: unknown;
  extendUnsafeFixes?: unknown;
  severity?: unknown;
  guideBaseUrl?: unknown;
  bareNoqa?: unknown;
  deprecatedTags?: unknown;
  logLevel?: unknown;
}

/** The object sent as initializationOptions and under `settings.eventletLsp`. */
export interface ServerSettings {
  target?: Target;
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  exclude?: string[];
  extendSafeFixes?: string[];
  extendUnsafeFixes?: string[];
  severity?: Record<string, Level>;
  guideBaseUrl?: string;
  bareNoqa?: BareNoqa;
  deprecatedTags: boolean;
  logLevel: LogLevel;
}

/** The subset of vscode.WorkspaceConfiguration this module needs (a fake in the tests). */
export interface ConfigurationSource {
  get<T>(key: string): T | undefined;
  inspect<T>(key: string):
    | { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T }
    | undefined;
}

/** Settings that override the project's configuration: sent only when the user set them. */
const OVERRIDE_KEYS = [
  "target",
  "select",
  "extendSelect",
  "ignore",
  "exclude",
  "extendSafeFixes",
  "extendUnsafeFixes",
  "severity",
  "guideBaseUrl",
  "bareNoqa",
] as const;

/** The most specific value the user set (folder, then workspace, then user settings). */
export function explicitValue<T>(
  inspected: { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined,
): T | undefined {
  if (!inspected) return undefined;
  return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue;
}

/** Reads the `eventletLsp` section: overrides only when set, the rest with their defaults. */
export function readExtensionSettings(config: ConfigurationSource): ExtensionSettings {
  const settings: ExtensionSettings = {};
  for (const key of OVERRIDE_KEYS) {
    const value = explicitValue(config.inspect<unknown>(key));
    if (value !== undefined) settings[key] = value;
  }
  settings.deprecatedTags = config.get<unknown>("deprecatedTags");
  settings.logLevel = config.get<unknown>("logLevel");
  return settings;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value
    .filter((item): item is string => typeof item === "string")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length > 0 ? items : undefined;
}

function severityMap(value: unknown): Record<string, Level> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const result: Record<string, Level> = {};
  for (const [rule, level] of Object.entries(value as Record<string, unknown>)) {
    const key = rule.trim();
    if (key.length > 0 && typeof level === "string" && (LEVELS as readonly string[]).includes(level)) {
      result[key] = level as Level;
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** The settings that are lists of rule selectors or globs, sent only when not empty. */
const LIST_SETTINGS = ["select", "extendSelect", "ignore", "exclude", "extendSafeFixes", "extendUnsafeFixes"] as const;

/** The server configuration for these settings: unset, empty and invalid values are left out. */
export function toServerSettings(settings: ExtensionSettings): ServerSettings {
  const result: ServerSettings = {
    deprecatedTags: typeof settings.deprecatedTags === "boolean" ? settings.deprecatedTags : true,
    logLevel: (LOG_LEVELS as readonly unknown[]).includes(settings.logLevel)
      ? (settings.logLevel as LogLevel)
      : "info",
  };
  if ((TARGETS as readonly unknown[]).includes(settings.target)) result.target = settings.target as Target;
  // An empty `select` would mean "no rule at all" to the server: empty means "the project's".
  for (const key of LIST_SETTINGS) {
    const list = stringList(settings[key]);
    if (list) result[key] = list;
  }
  const severity = severityMap(settings.severity);
  if (severity) result.severity = severity;
  if (typeof settings.guideBaseUrl === "string" && settings.guideBaseUrl.trim().length > 0) {
    result.guideBaseUrl = settings.guideBaseUrl.trim();
  }
  if ((BARE_NOQA as readonly unknown[]).includes(settings.bareNoqa)) result.bareNoqa = settings.bareNoqa as BareNoqa;
  return result;
}

/** The `workspace/didChangeConfiguration` parameters for a settings change. */
export function didChangeConfigurationParams(server: ServerSettings): {
  settings: { [SECTION]: ServerSettings };
} {
  return { settings: { [SECTION]: server } };
}

/**
 * The `server.path` to use. VS Code already hides the workspace's value of this restricted
 * setting in an untrusted workspace; reading only the user's value then does not depend on it.
 */
export function readServerPath(config: ConfigurationSource, workspaceTrusted: boolean): string | undefined {
  const value = workspaceTrusted ? config.get<unknown>("server.path") : config.inspect<unknown>("server.path")?.globalValue;
  return typeof value === "string" ? value : undefined;
}

/** True when a change of configuration requires a new server process. */
export const RESTART_KEYS: readonly string[] = [`${SECTION}.server.path`];
