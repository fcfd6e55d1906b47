import { createQueryId, type Compilable, type CompiledQuery, type QueryResult } from 'kysely';
import type { Db } from './open';

/** Stands for one named value while the query is built; replaced by the real value at each run. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A query on the hot path, built with Kysely and compiled once, then run with new values:
 * building and compiling a query costs more than SQLite takes to run it (about 0.1 ms for
 * the check-in's read), and the statement it compiles to stays prepared in the driver.
 *
 * `build` receives stand-ins for the values, by name: use each only as a value (a `where`
 * operand, an inserted column), never as a list, a name, in JavaScript logic or spread (the
 * stand-ins have no keys to spread); one that does not reach the compiled parameters is refused
 * at the first run.
 */
export function preparedQuery<V extends Record<string, unknown>, R>(build: (db: Db, values: V) => Compilable<R>) {
  let compiled: CompiledQuery<R> | undefined;
  return async (db: Db, values: V): Promise<QueryResult<R>> => {
    compiled ??= compileOnce(db, build);
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? (values[p.name] ?? null) : p));
    return db.executeQuery<R>({ ...compiled, queryId: createQueryId(), parameters });
  };
}

function compileOnce<V extends Record<string, unknown>, R>(
  db: Db,
  build: (db: Db, values: V) => Compilable<R>,
): CompiledQuery<R> {
  const slots = new Map<string, Slot>();
  const standIns = new Proxy({} as V, {
    get: (_target, name) => {
      if (typeof name !== 'string') throw new Error('a prepared query takes its values by name');
      if (!slots.has(name)) slots.set(name, new Slot(name));
      return slots.get(name);
    },
  });
  const compiled = build(db, standIns).compile();
  for (const slot of slots.values()) {
    if (!compiled.parameters.includes(slot)) throw new Error(`prepared query: ${slot.name} was not used as a value`);
  }
  return compiled;
}
