/**
 * manifest.json lists the submission folders the leaderboard shows, by track. Folders
 * not in it (the A_EXAMPLE ones, withdrawn submissions) are not on the leaderboard.
 */
import { z } from "zod";
import { PayloadError, parseJsonDocument, type PayloadDocument } from "../source.ts";
import { SUBMISSIONS_URL, TAU2_SOURCE_ID, type Tau2Track } from "./benchmarks.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";

export const MANIFEST_URL = `${SUBMISSIONS_URL}/manifest.json`;

const manifestSchema = z.object({
  submissions: z.array(z.string().min(1)),
  voice_submissions: z.array(z.string().min(1)).default([]),
  legacy_submissions: z.array(z.string().min(1)).default([]),
});

export function isManifestDocument(documentName: string): boolean {
  return documentName.split(/[?#]/)[0]?.split("/").pop() === "manifest.json";
}

/** Submission folder -> its track, in manifest order. */
export function readManifest(document: PayloadDocument): Map<string, Tau2Track> {
  const parsed = manifestSchema.safeParse(parseJsonDocument(TAU2_SOURCE_ID, document));
  if (!parsed.success) {
    throw new PayloadError(TAU2_SOURCE_ID, `not a leaderboard manifest: ${describeIssues(parsed.error)}`, document.name);
  }
  const tracks = new Map<string, Tau2Track>();
  const lists: [Tau2Track, string[]][] = [
    ["text", parsed.data.submissions],
    ["voice", parsed.data.voice_submissions],
    ["legacy", parsed.data.legacy_submissions],
  ];
  for (const [track, folders] of lists) {
    for (const folder of folders) {
      if (tracks.has(folder)) throw new PayloadError(TAU2_SOURCE_ID, `${folder} is listed twice in the manifest`, document.name);
      tracks.set(folder, track);
    }
  }
  if (tracks.size === 0) throw new PayloadError(TAU2_SOURCE_ID, "the manifest lists no submissions", document.name);
  return tracks;
}

/**
 * The submission.json URLs a live run must fetch after the manifest: the leaderboard
 * site itself loads the manifest first, then one file per listed folder.
 */
export function submissionUrls(manifest: PayloadDocument): string[] {
  return [...readManifest(manifest).keys()].map((folder) => `${SUBMISSIONS_URL}/${encodeURIComponent(folder)}/submission.json`);
}
