/**
 * Creates a PGlite cluster in an empty folder in a short-lived child process. PGlite's
 * initdb runs a second PGlite and the initdb WASM module next to the first (peak RSS
 * 820 MB, measured), and WASM memory is never given back to the system: done in the
 * service's own process, that peak stays its footprint for its whole life. The child
 * exits once the cluster is on disk, and the service opens it like any existing one
 * (350 MB).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Whether the folder already holds a cluster. */
export const holdsCluster = (dir: string) => existsSync(join(dir, "PG_VERSION"));

const CHILD = `const [url, dir] = process.argv.slice(1);
const { PGlite } = await import(url);
const pglite = await PGlite.create(dir);
await pglite.close();`;

export function initPgliteDir(dir: string): Promise<void> {
  const pgliteUrl = import.meta.resolve("@electric-sql/pglite");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD, pgliteUrl, dir], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("exit", (code, signal) => {
      if (code === 0 && holdsCluster(dir)) done();
      else fail(new Error(`PGlite initdb in ${dir} failed (exit ${code ?? signal}): ${stderr.trim().slice(-2000)}`));
    });
  });
}
