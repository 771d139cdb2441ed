import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotPath } from "../../../test/helpers/snapshots.ts";
import { ReplayError, readReplayDocuments } from "./replay.ts";

let root: string;
/** A recorded source folder below `root`; `root` also holds the broken cases. */
let payload: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "pricewar-replay-"));
  payload = join(root, "payload");
  const files: Record<string, string | Buffer> = {
    "b.json": '{"b":1}',
    "a.csv": "model,score\nx,1\n",
    "nested/z.md": "# z",
    "nested/deeper/y.yaml": "y: 1\n",
    "nested-sibling/w.txt": "w",
    "dated/2026-07-01.json.gz": gzipSync('{"date":"2026-07-01"}'),
    "PROVENANCE.md": "where these came from",
    "README.md": "readme",
    "nested/INDEX.md": "index",
    "SYMLINKS.tsv": "link_path\n",
    ".DS_Store": "junk",
    ".git/HEAD": "ref: refs/heads/main",
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(payload, name, ".."), { recursive: true });
    await writeFile(join(payload, name), content);
  }
  await symlink(join(payload, "nested"), join(payload, "linked"));
  await writeFile(join(root, "broken.json.gz"), "not gzip at all");
  await mkdir(join(root, "docs-only"));
  await writeFile(join(root, "docs-only", "README.md"), "nothing to replay");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("readReplayDocuments", () => {
  it("reads one file as one document named by its file name", async () => {
    expect(await readReplayDocuments(join(payload, "b.json"))).toEqual([
      { name: "b.json", body: '{"b":1}', contentType: "application/json" },
    ]);
  });

  it("gunzips a .gz file and names it without the suffix", async () => {
    expect(await readReplayDocuments(join(payload, "dated/2026-07-01.json.gz"))).toEqual([
      { name: "2026-07-01.json", body: '{"date":"2026-07-01"}', contentType: "application/json" },
    ]);
  });

  it("reads every payload file below a folder, sorted folder by folder, skipping documentation and dotfiles", async () => {
    const documents = await readReplayDocuments(payload);
    expect(documents.map((document) => document.name)).toEqual([
      "a.csv",
      "b.json",
      "dated/2026-07-01.json",
      "linked/deeper/y.yaml",
      "linked/z.md",
      "nested/deeper/y.yaml",
      "nested/z.md",
      "nested-sibling/w.txt",
    ]);
    expect(documents.find((document) => document.name === "dated/2026-07-01.json")?.body).toBe('{"date":"2026-07-01"}');
    expect(documents.find((document) => document.name === "a.csv")).toEqual({
      name: "a.csv",
      body: "model,score\nx,1\n",
      contentType: "text/csv",
    });
  });

  it("reads a real snapshot folder in place, without its PROVENANCE.md", async () => {
    const documents = await readReplayDocuments(snapshotPath("pages/openai"));
    expect(documents.map((document) => document.name)).toEqual([
      "blocked/platform.openai.com_docs_pricing.challenge-page.2026-05-08.html",
      "derived/platform.openai.com_docs_pricing.jina-reader.2026-05-08.md",
      "developers.openai.com_api_docs_pricing.2026-04-27.html",
      "developers.openai.com_api_docs_pricing.2026-08-21.html",
    ]);
    expect(documents[2]?.body).toHaveLength(444_547);
  });

  it("names the file that cannot be gunzipped", async () => {
    await expect(readReplayDocuments(join(root, "broken.json.gz"))).rejects.toThrow(/broken\.json\.gz: cannot gunzip/);
  });

  it("fails clearly on a missing path or a folder with no payload", async () => {
    const missing = join(root, "no-such-source");
    await expect(readReplayDocuments(missing)).rejects.toThrow(new ReplayError(missing, "no such file or folder"));
    await expect(readReplayDocuments(join(root, "docs-only"))).rejects.toThrow(/holds no payload files/);
  });
});
