import { readReplayDocuments } from "./replay.ts";
import { checkPayload, type PayloadFormat } from "./payload-checks.ts";
const docs = await readReplayDocuments("/work/shared/snapshots");
const fmt = (n: string): PayloadFormat => n.endsWith(".json") ? "json" : /\.html?$/.test(n) ? "html" : n.endsWith(".md") ? "markdown" : /\.ya?ml$/.test(n) ? "yaml" : n.endsWith(".csv") ? "csv" : "text";
const counts: Record<string, number> = {};
for (const d of docs) { const f = fmt(d.name); counts[f] = (counts[f] ?? 0) + 1; try { checkPayload(d, f); } catch (e) { console.log((e as Error).message.slice(0, 300)); } }
console.log(docs.length, counts);
