/**
 * Sightings of a floating name's target ("on 2026-08-08 OpenRouter's ~claude-opus-latest
 * routed to claude-opus-5") into dated pointers: a pointer starts at the first sighting
 * of a target and holds until a later sighting names another one.
 */

export interface PointerSighting {
  at: Date;
  floating: string;
  snapshot: string;
}

export interface DatedPointer {
  floating: string;
  snapshot: string;
  validFrom: Date;
  validTo: Date | null;
}

export function datedPointers(sightings: readonly PointerSighting[]): DatedPointer[] {
  const byName = new Map<string, PointerSighting[]>();
  for (const sighting of sightings) byName.set(sighting.floating, [...(byName.get(sighting.floating) ?? []), sighting]);
  const pointers: DatedPointer[] = [];
  for (const [floating, seen] of byName) {
    const ordered = [...seen].sort((a, b) => a.at.getTime() - b.at.getTime());
    const own: DatedPointer[] = [];
    for (const sighting of ordered) {
      const last = own.at(-1);
      if (last?.snapshot === sighting.snapshot) continue;
      if (last) last.validTo = sighting.at;
      own.push({ floating, snapshot: sighting.snapshot, validFrom: sighting.at, validTo: null });
    }
    pointers.push(...own.filter((pointer) => pointer.validTo === null || pointer.validTo > pointer.validFrom));
  }
  return pointers;
}
