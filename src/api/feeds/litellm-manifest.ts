/**
 * The integrity manifest of a LiteLLM map we serve: how many keys, the sha256 of the exact
 * bytes served, when they were built, the data version they were built from, and the
 * LiteLLM map they started from. It is served apart (`…&manifest=1`), not inside the map:
 * LiteLLM reads every top-level value as a model entry and its schema test forbids unknown
 * fields, and a hash cannot cover the document that carries it. `curl -s URL | sha256sum`
 * checks a download against it. Pure.
 */
import { createHash } from "node:crypto";

export interface LitellmManifest {
  count: number;
  sha256: string;
  generatedAt: string;
  dataVersion: string;
  /** LiteLLM's map the drop-in feed starts from: when it was scraped and its sha256 as archived. */
  litellmMap: { observedAt: string; sha256: string } | null;
}

export interface ManifestFacts {
  generatedAt: Date;
  dataVersion: string;
  litellmMap: { observedAt: Date; sha256: string } | null;
}

export function litellmManifest(body: string, facts: ManifestFacts): LitellmManifest {
  return {
    count: Object.keys(JSON.parse(body) as object).length,
    sha256: createHash("sha256").update(body).digest("hex"),
    generatedAt: facts.generatedAt.toISOString(),
    dataVersion: facts.dataVersion,
    litellmMap: facts.litellmMap && { observedAt: facts.litellmMap.observedAt.toISOString(), sha256: facts.litellmMap.sha256 },
  };
}
