// The real look-ups behind server path resolution: Node's fs and the process environment.
// Kept apart from serverPath.ts so that module stays pure and testable with fakes.
import * as fs from "fs";
import * as os from "os";
import { PathLookup } from "./serverPath";

export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    // Windows has no execute bit: an existing file is as runnable as it gets.
    if (process.platform !== "win32") fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A binary bundled in the .vsix may lose its execute bit on the way (zip tools differ): give
 * it back, once, since the extension's own folder is ours to fix.
 */
export function restoreExecuteBit(file: string): void {
  try {
    if (process.platform !== "win32" && fs.statSync(file).isFile() && !isExecutableFile(file)) {
      fs.chmodSync(file, 0o755);
    }
  } catch {
    // Missing or read-only: resolution then reports it as not found.
  }
}

export function nodeLookup(): PathLookup {
  return {
    isExecutableFile,
    exists: (file) => fs.existsSync(file),
    homeDir: os.homedir(),
    envPath: process.env.PATH,
    platform: process.platform,
  };
}
