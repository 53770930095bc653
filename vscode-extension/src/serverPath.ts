// Finds the eventlet-lsp binary: the `eventletLsp.server.path` setting, else the binary bundled
// in the extension (bin/eventlet-lsp), else `eventlet-lsp` on the PATH. Pure: every file system
// and environment look-up is injected, so each branch is unit tested without VS Code.
import * as path from "path";

export const SERVER_NAME = "eventlet-lsp";

/** The look-ups resolution needs (Node's fs and process.env in the extension, fakes in tests). */
export interface PathLookup {
  /** True for an existing regular file that the current user may execute. */
  isExecutableFile(file: string): boolean;
  /** True for anything that exists at that path (to tell "missing" from "not executable"). */
  exists(file: string): boolean;
  homeDir: string;
  /** The PATH environment variable. */
  envPath: string | undefined;
  platform: NodeJS.Platform;
}

export interface ResolveInput {
  /** The setting's value as read (already without workspace values in untrusted workspaces). */
  configuredPath: string | undefined;
  /** First workspace folder, for `${workspaceFolder}` and relative paths. */
  workspaceFolder: string | undefined;
  /** The extension's install folder (holds bin/ when a binary is bundled). */
  extensionPath: string;
}

export type ServerSource = "setting" | "bundled" | "path";

export type Resolution =
  | { found: true; command: string; source: ServerSource }
  | { found: false; message: string };

/** Expands `~`, `${userHome}` and `${workspaceFolder}`; a message when it cannot. */
export function expandPath(
  raw: string,
  homeDir: string,
  workspaceFolder: string | undefined,
): { path: string } | { error: string } {
  let value = raw.trim();
  if (value === "~" || value.startsWith("~/") || value.startsWith("~\\")) {
    value = homeDir + value.slice(1);
  }
  value = value.replace(/\$\{userHome\}/g, homeDir);
  if (value.includes("${workspaceFolder}")) {
    if (!workspaceFolder) {
      return { error: `eventletLsp.server.path "${raw}" uses \${workspaceFolder}, but no folder is open.` };
    }
    value = value.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  return { path: value };
}

function executableNames(name: string, platform: NodeJS.Platform): string[] {
  return platform === "win32" && !/\.exe$/i.test(name) ? [`${name}.exe`, name] : [name];
}

/** The first executable `name` in the PATH's folders, like a shell's command look-up. */
export function searchPath(name: string, lookup: PathLookup): string | undefined {
  const delimiter = lookup.platform === "win32" ? ";" : ":";
  const join = lookup.platform === "win32" ? path.win32.join : path.posix.join;
  for (const folder of (lookup.envPath ?? "").split(delimiter)) {
    if (folder.length === 0) continue;
    for (const candidate of executableNames(name, lookup.platform)) {
      const file = join(folder, candidate);
      if (lookup.isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

function isBareName(value: string): boolean {
  return !value.includes("/") && !value.includes("\\");
}

function resolveSetting(configured: string, input: ResolveInput, lookup: PathLookup): Resolution {
  const expanded = expandPath(configured, lookup.homeDir, input.workspaceFolder);
  if ("error" in expanded) return { found: false, message: expanded.error };
  let file = expanded.path;
  if (isBareName(file)) {
    const onPath = searchPath(file, lookup);
    if (onPath) return { found: true, command: onPath, source: "setting" };
    return {
      found: false,
      message: `eventletLsp.server.path is "${configured}", which is not a program on the PATH.`,
    };
  }
  const pathApi = lookup.platform === "win32" ? path.win32 : path.posix;
  if (!pathApi.isAbsolute(file)) {
    if (!input.workspaceFolder) {
      return {
        found: false,
        message: `eventletLsp.server.path "${configured}" is relative, but no folder is open: use an absolute path.`,
      };
    }
    file = pathApi.resolve(input.workspaceFolder, file);
  }
  if (lookup.isExecutableFile(file)) return { found: true, command: file, source: "setting" };
  const problem = lookup.exists(file) ? "is not an executable file" : "does not exist";
  return { found: false, message: `eventletLsp.server.path points to ${file}, which ${problem}.` };
}

/**
 * Where the server is. A configured path that is wrong is reported, not skipped: falling back
 * to another binary would hide the mistake.
 */
export function resolveServerPath(input: ResolveInput, lookup: PathLookup): Resolution {
  const configured = input.configuredPath?.trim();
  if (configured) return resolveSetting(configured, input, lookup);

  const pathApi = lookup.platform === "win32" ? path.win32 : path.posix;
  for (const name of executableNames(SERVER_NAME, lookup.platform)) {
    const bundled = pathApi.join(input.extensionPath, "bin", name);
    if (lookup.isExecutableFile(bundled)) return { found: true, command: bundled, source: "bundled" };
  }

  const onPath = searchPath(SERVER_NAME, lookup);
  if (onPath) return { found: true, command: onPath, source: "path" };

  return {
    found: false,
    message:
      "The eventlet-lsp server was not found: eventletLsp.server.path is not set, the extension " +
      "bundles no binary, and there is no eventlet-lsp on the PATH.",
  };
}
