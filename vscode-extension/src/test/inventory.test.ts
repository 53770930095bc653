import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeMarkdown, fileLink, Inventory, relativePath, renderInventoryMarkdown } from "../inventory";

const folder = { name: "project", uri: "file:///work/project" };

const sample: Inventory = {
  indexing: false,
  filesScanned: 12,
  filesAffected: 2,
  usages: 5,
  scenarios: [
    { scenario: "inventory", title: "Inventory", usages: 2, files: 2 },
    { scenario: "background-tasks", title: "Background execution of long tasks", usages: 3, files: 1 },
  ],
  rules: [
    { code: "EL301", name: "spawn-fire-and-forget", scenario: "background-tasks", usages: 3, files: 1 },
    { code: "EL001", name: "eventlet-import", scenario: "inventory", usages: 2, files: 2 },
  ],
  files: [
    { uri: "file:///work/project/app/workers.py", usages: 4, rules: { EL001: 1, EL301: 3 } },
    { uri: "file:///work/project/my%20app/main.py", usages: 1, rules: { EL001: 1 } },
  ],
};

function render(inventory: Inventory, extra: Partial<Parameters<typeof renderInventoryMarkdown>[1]> = {}): string {
  return renderInventoryMarkdown(inventory, {
    workspaceFolders: [folder],
    guideBaseUrl: "https://removal.eventlet.org",
    ...extra,
  });
}

describe("renderInventoryMarkdown", () => {
  it("gives the title and totals", () => {
    const md = render(sample);
    assert.match(md, /^# Eventlet migration inventory\n/);
    assert.match(md, /\*\*5 usages\*\* of Eventlet in \*\*2 files\*\* \(12 files scanned\)/);
    assert.doesNotMatch(md, /Indexing is still running/);
  });

  it("says what `# noqa` comments hide, and nothing when they hide nothing", () => {
    assert.doesNotMatch(render(sample), /hidden by/);
    const md = render({ ...sample, suppressed: { usages: 3, rules: { EL001: 1, EL801: 2 } } });
    assert.ok(md.includes("3 more usages hidden by `# noqa` comments (EL801 ×2, EL001)."), md);
    const none = render({ ...sample, usages: 0, files: [], suppressed: { usages: 1, rules: { EL001: 1 } } });
    assert.ok(none.includes("1 more usage hidden by `# noqa` comments (EL001)."), none);
  });

  it("has a scenario table in the server's order", () => {
    const md = render(sample);
    assert.match(md, /## Scenarios\n\n\| Scenario \| Usages \| Files \|\n\|---\|---:\|---:\|\n\| Inventory \| 2 \| 2 \|\n\| Background execution of long tasks \| 3 \| 1 \|\n/);
  });

  it("links rule codes to the diagnostics' documentation, else to the guide's audit", () => {
    const md = render(sample, {
      ruleLinks: { EL301: "https://removal.eventlet.org/guide/migrating-to-threading/#key-migration-patterns" },
    });
    assert.ok(
      md.includes(
        "| [EL301](<https://removal.eventlet.org/guide/migrating-to-threading/#key-migration-patterns>) | `spawn-fire-and-forget` | Background execution of long tasks | 3 | 1 |",
      ),
      md,
    );
    assert.ok(
      md.includes(
        "| [EL001](<https://removal.eventlet.org/guide/preparing-for-migration/#audit-your-code>) | `eventlet-import` | Inventory | 2 | 2 |",
      ),
      md,
    );
  });

  it("uses the configured guide base URL for fallback links", () => {
    const md = render(sample, { guideBaseUrl: "https://guide.internal/" });
    assert.ok(md.includes("(<https://guide.internal/guide/preparing-for-migration/#audit-your-code>)"), md);
  });

  it("ranks files with relative paths, links and rules by count", () => {
    const md = render(sample);
    assert.ok(md.includes("| 1 | [app/workers.py](<file:///work/project/app/workers.py>) | 4 | EL301 ×3, EL001 |"), md);
    assert.ok(md.includes("| 2 | [my app/main.py](<file:///work/project/my%20app/main.py>) | 1 | EL001 |"), md);
  });

  it("links files relative to the report's folder when it has one", () => {
    const md = render(sample, { reportDirUri: "file:///home/me/.storage/ws1" });
    assert.ok(md.includes("| 1 | [app/workers.py](<../../../../work/project/app/workers.py>) | 4 |"), md);
    assert.ok(md.includes("[my app/main.py](<../../../../work/project/my%20app/main.py>)"), md);
  });

  it("notes when indexing is still running", () => {
    assert.match(render({ ...sample, indexing: true }), /Indexing is still running/);
  });

  it("says when nothing was found, without empty tables", () => {
    const md = render({ ...sample, usages: 0, filesAffected: 0, scenarios: [], rules: [], files: [] });
    assert.match(md, /\*\*0 usages\*\* of Eventlet in \*\*0 files\*\*/);
    assert.match(md, /No Eventlet usage found/);
    assert.doesNotMatch(md, /## Rules/);
  });

  it("caps the file list", () => {
    const md = render(sample, { maxFiles: 1 });
    assert.ok(md.includes("app/workers.py"));
    assert.ok(!md.includes("main.py"));
    assert.match(md, /…and 1 more file\./);
  });

  it("uses singular forms and thousands separators", () => {
    const md = render({ ...sample, usages: 1, filesAffected: 1, filesScanned: 1234 });
    assert.match(md, /\*\*1 usage\*\* of Eventlet in \*\*1 file\*\* \(1,234 files scanned\)/);
  });

  it("escapes Markdown in paths", () => {
    const md = render({
      ...sample,
      files: [{ uri: "file:///work/project/a|b_[c].py", usages: 1, rules: { EL001: 1 } }],
    });
    assert.ok(md.includes("[a\\|b\\_\\[c\\].py](<file:///work/project/a|b_[c].py>)"), md);
  });
});

describe("relativePath", () => {
  it("is relative to the workspace folder", () => {
    assert.equal(relativePath("file:///work/project/a/b.py", [folder]), "a/b.py");
  });

  it("names the folder when there are several, choosing the deepest", () => {
    const folders = [folder, { name: "lib", uri: "file:///work/project/lib" }, { name: "other", uri: "file:///other" }];
    assert.equal(relativePath("file:///work/project/lib/x.py", folders), "lib/x.py");
    assert.equal(relativePath("file:///other/y.py", folders), "other/y.py");
  });

  it("compares URIs decoded", () => {
    const spaced = { name: "p", uri: "file:///work/my%20project" };
    assert.equal(relativePath("file:///work/my project/z.py", [spaced]), "z.py");
  });

  it("gives the full path outside every folder", () => {
    assert.equal(relativePath("file:///elsewhere/x.py", [folder]), "/elsewhere/x.py");
    assert.equal(relativePath("file:///work/projectx/y.py", [folder]), "/work/projectx/y.py");
  });
});

describe("fileLink", () => {
  it("is a relative, encoded path between file URIs", () => {
    assert.equal(fileLink("file:///w/p/a%20b/c.py", "file:///s/t"), "../../w/p/a%20b/c.py");
    assert.equal(fileLink("file:///s/t/x.py", "file:///s/t"), "x.py");
    assert.equal(fileLink("file:///w/%23hash%3F.py", "file:///s"), "../w/%23hash%3F.py");
  });

  it("keeps the URI when either side is not a file", () => {
    assert.equal(fileLink("untitled:Untitled-1", "file:///s"), "untitled:Untitled-1");
    assert.equal(fileLink("file:///w/x.py", undefined), "file:///w/x.py");
    assert.equal(fileLink("file:///w/x.py", "vscode-userdata:/s"), "file:///w/x.py");
  });
});

describe("escapeMarkdown", () => {
  it("escapes table and emphasis characters", () => {
    assert.equal(escapeMarkdown("a|b*c_d`e"), "a\\|b\\*c\\_d\\`e");
  });
});
