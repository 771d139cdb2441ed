/**
 * Some sources score a model by its undated name ("Claude 4.5 Sonnet" ->
 * anthropic/claude-sonnet-4.5), others by its dated API id (anthropic/claude-sonnet-4.5-20250929).
 * Where exactly one dated snapshot shares the undated name, both are the same model for
 * quality: the undated id is that snapshot's alias. Where several snapshots share it
 * (gpt-4o: 2024-05-13, 2024-08-06, 2024-11-20) the undated name floats between them and is
 * left alone. Prices never merge: each id keeps its own offerings.
 */
const DATED = /^(.+)-(20\d{6})$/;

/** undated id -> its only dated snapshot, for every model id that has exactly one. */
export function snapshotIdentity(modelIds: Iterable<string>): Map<string, string> {
  const snapshots = new Map<string, string[]>();
  for (const id of new Set(modelIds)) {
    const dated = DATED.exec(id);
    if (!dated) continue;
    snapshots.set(dated[1]!, [...(snapshots.get(dated[1]!) ?? []), id]);
  }
  const identity = new Map<string, string>();
  for (const [undated, dated] of snapshots) if (dated.length === 1) identity.set(undated, dated[0]!);
  return identity;
}

/** The id a model's scores are pooled under. */
export function scoringId(identity: ReadonlyMap<string, string>, modelId: string): string {
  return identity.get(modelId) ?? modelId;
}
