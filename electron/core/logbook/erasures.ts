import { appendFileSync, existsSync, fsyncSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import type { PointLog } from '../log';
import { pointKeys, privateFile } from '../security/keys';
import { z } from 'zod';
import { parseJson } from '../json';

/**
 * Every erasure on request, in a list kept outside the database (`<data>/erasures.jsonl`), so a
 * restored backup made before an erasure cannot bring the person back: `openApp` applies the
 * list again at every start. It names entries by id and creation time only (no personal
 * data); each line carries a MAC with the point's key, so a line slipped in is ignored.
 */
export const ERASURE_LIST = 'erasures.jsonl';

const ref = z.tuple([z.number().int(), z.string()]);
type Ref = z.output<typeof ref>;
const lineSchema = z.object({ at: z.string(), entries: z.array(ref), mac: z.string() });
type Line = z.output<typeof lineSchema>;

function lineMac(dataDir: string, at: string, entries: Ref[]): string {
  return pointKeys(dataDir).mac('erasure:', JSON.stringify({ at, entries }));
}

/** Note erased entries, durably, before the erasure commits (a note for an erasure that then fails is harmless: the person asked). */
export async function noteErasure(db: Db, dataDir: string, ids: number[], at: string): Promise<void> {
  if (!ids.length) return;
  const rows = await db.selectFrom('logbook_entry').select(['id', 'created_at']).where('id', 'in', ids).execute();
  const entries: Ref[] = rows.map((r) => [r.id, r.created_at]);
  const path = join(dataDir, ERASURE_LIST);
  appendFileSync(path, `${JSON.stringify({ at, entries, mac: lineMac(dataDir, at, entries) } satisfies Line)}\n`, {
    mode: 0o600,
  });
  privateFile(path);
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The entries the list says were erased (lines whose MAC does not hold are skipped and logged). */
export function erasedRefs(dataDir: string, log?: PointLog): Ref[] {
  const path = join(dataDir, ERASURE_LIST);
  if (!existsSync(path)) return [];
  const refs: Ref[] = [];
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    try {
      const line = parseJson(lineSchema, text);
      if (line.mac !== lineMac(dataDir, line.at, line.entries)) throw new Error('mac');
      refs.push(...line.entries);
    } catch {
      log?.warn({ event: 'erasure.badLine' }, 'a line of the erasure list is damaged or not ours: skipped');
    }
  }
  return refs;
}
