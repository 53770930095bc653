// The migration inventory (the `eventletLsp/inventory` request) and its Markdown rendering.
// Pure: no `vscode` import, so the rendering is unit tested in Node.
import * as path from "path";

export const INVENTORY_REQUEST = "eventletLsp/inventory";
export const INVENTORY_CHANGED_NOTIFICATION = "eventletLsp/inventoryChanged";

export interface ScenarioCount {
  scenario: string; // "background-tasks"
  title: string; // "Background execution of long tasks"
  usages: number;
  files: number;
}

export interface RuleCount {
  code: string; // "EL301"
  name: string; // "spawn-fire-and-forget"
  scenario: string;
  usages: number;
  files: number;
}

export interface FileCount {
  uri: string;
  usages: number;
  rules: Record<string, number>;
}

/** The `eventletLsp/inventory` result. */
export interface Inventory {
  indexing: boolean;
  filesScanned: number;
  filesAffected: number;
  usages: number;
  scenarios: ScenarioCount[];
  rules: RuleCount[];
  files: FileCount[];
  /** What `# noqa` comments hide (absent from servers older than this field). */
  suppressed?: { usages: number; rules: Record<string, number> };
}

/** The `eventletLsp/inventoryChanged` parameters. */
export interface InventoryTotals {
  usages: number;
  filesAffected: number;
  indexing: boolean;
}

export interface WorkspaceFolderRef {
  name: string;
  uri: string; // "file:///home/me/project", as vscode.Uri.toString() gives it
}

export interface RenderOptions {
  workspaceFolders: readonly WorkspaceFolderRef[];
  /**
   * The folder (a file: URI) the report is written to. File links are made relative to it:
   * the Markdown preview refuses file: links (markdown-it's validateLink) but opens relative ones.
   */
  reportDirUri?: string;
  /** The guide's base URL (the eventletLsp.guideBaseUrl setting), for links without a better one. */
  guideBaseUrl: string;
  /** Rule code -> its documentation link, as the server's diagnostics give it (codeDescription). */
  ruleLinks?: Readonly<Record<string, string>>;
  /** At most this many files are listed; the rest are counted. */
  maxFiles?: number;
}

const AUDIT_PATH = "/guide/preparing-for-migration/#audit-your-code";
const DEFAULT_MAX_FILES = 500;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** Escapes text for a Markdown table cell or paragraph. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}

/** A link destination that survives Markdown: angle brackets, with the few breaking characters encoded. */
function linkTarget(uri: string): string {
  return `<${uri.replace(/[<> ]/g, (c) => encodeURIComponent(c))}>`;
}

function link(text: string, uri: string): string {
  return `[${escapeMarkdown(text)}](${linkTarget(uri)})`;
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, "");
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The file's path relative to its workspace folder (prefixed with the folder's name when there
 * are several). URIs are compared decoded: the server and VS Code may percent-encode differently.
 */
export function relativePath(uri: string, folders: readonly WorkspaceFolderRef[]): string {
  const file = decode(uri);
  let best: { name: string; prefix: string } | undefined;
  for (const folder of folders) {
    const prefix = trimSlashes(decode(folder.uri)) + "/";
    if (file.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) {
      best = { name: folder.name, prefix };
    }
  }
  if (!best) return file.replace(/^file:\/\//, "");
  const rest = file.slice(best.prefix.length);
  return folders.length > 1 ? `${best.name}/${rest}` : rest;
}

function filePath(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === "file:" ? decode(url.pathname) : undefined;
  } catch {
    return undefined;
  }
}

/** A link from the report's folder to a file: a relative, percent-encoded path when both are files. */
export function fileLink(targetUri: string, reportDirUri: string | undefined): string {
  const target = filePath(targetUri);
  const from = reportDirUri ? filePath(reportDirUri) : undefined;
  if (target === undefined || from === undefined) return targetUri;
  return path.posix
    .relative(from, target)
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function ruleSummary(rules: Record<string, number>): string {
  return Object.entries(rules)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([code, count]) => (count === 1 ? code : `${code} ×${count}`))
    .join(", ");
}

/** The inventory as a Markdown document: totals, then scenarios, rules and files tables. */
export function renderInventoryMarkdown(inventory: Inventory, options: RenderOptions): string {
  const base = trimSlashes(options.guideBaseUrl || "https://removal.eventlet.org");
  const auditUrl = base + AUDIT_PATH;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const lines: string[] = ["# Eventlet migration inventory", ""];

  if (inventory.indexing) {
    lines.push(
      "> **Indexing is still running**: the counts below are partial. Run " +
        "*Eventlet: Show migration inventory* again when the status bar shows the final count.",
      "",
    );
  }

  lines.push(
    `**${plural(inventory.usages, "usage")}** of Eventlet in ` +
      `**${plural(inventory.filesAffected, "file")}** ` +
      `(${plural(inventory.filesScanned, "file")} scanned).`,
    "",
  );
  // Never hidden without saying so: what `# noqa` comments leave out of the counts.
  const hidden = inventory.suppressed;
  if (hidden && hidden.usages > 0) {
    lines.push(
      `${plural(hidden.usages, "more usage")} hidden by \`# noqa\` comments (${ruleSummary(hidden.rules)}).`,
      "",
    );
  }
  if (inventory.usages === 0) {
    lines.push("No Eventlet usage found.", "");
    return lines.join("\n");
  }
  lines.push(
    `Each usage belongs to one of the scenarios of the migration guide's ${link("audit", auditUrl)}.`,
    "",
  );

  const titles = new Map(inventory.scenarios.map((s) => [s.scenario, s.title]));
  lines.push("## Scenarios", "", "| Scenario | Usages | Files |", "|---|---:|---:|");
  for (const s of inventory.scenarios) {
    lines.push(`| ${escapeMarkdown(s.title)} | ${s.usages} | ${s.files} |`);
  }
  lines.push("");

  lines.push("## Rules", "", "| Rule | Name | Scenario | Usages | Files |", "|---|---|---|---:|---:|");
  for (const r of inventory.rules) {
    const href = options.ruleLinks?.[r.code] ?? auditUrl;
    const scenario = titles.get(r.scenario) ?? r.scenario;
    lines.push(
      `| ${link(r.code, href)} | ${r.name ? "`" + r.name.replace(/`/g, "") + "`" : ""} | ` +
        `${escapeMarkdown(scenario)} | ${r.usages} | ${r.files} |`,
    );
  }
  lines.push("");

  lines.push("## Files", "", "| # | File | Usages | Rules |", "|---:|---|---:|---|");
  inventory.files.slice(0, maxFiles).forEach((f, index) => {
    const name = relativePath(f.uri, options.workspaceFolders);
    const href = fileLink(f.uri, options.reportDirUri);
    lines.push(`| ${index + 1} | ${link(name, href)} | ${f.usages} | ${ruleSummary(f.rules)} |`);
  });
  if (inventory.files.length > maxFiles) {
    lines.push("", `…and ${plural(inventory.files.length - maxFiles, "more file")}.`);
  }
  lines.push("");
  return lines.join("\n");
}
