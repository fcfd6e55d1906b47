import sqlite3 from 'sqlite3';
import {
  CompiledQuery,
  createQueryId,
  IdentifierNode,
  QueryNode,
  RawNode,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type RootOperationNode,
} from 'kysely';

/**
 * Kysely over node-sqlite3 (Node-API: the same binary loads in Node and Electron). Kysely's own
 * SQLite dialect expects better-sqlite3's synchronous API. One connection: SqliteAdapter says it
 * does not support several, so Kysely 0.29 serialises every query and holds the connection for
 * the whole of a transaction.
 */
export interface Sqlite3DialectConfig {
  file: string;
  /** Statements run once when the connection opens (pragmas). */
  onOpen?: readonly string[];
}

/**
 * Whether a query hands back rows, read from its node as Kysely's own dialects do: a select, or
 * a write with `returning`, gives rows; other builder queries (writes, DDL) give a change count.
 * Raw SQL (`sql` templates, migrations, pragmas) carries no such node: `undefined`.
 */
export function returnsRows(node: RootOperationNode): boolean | undefined {
  if (SelectQueryNode.is(node)) return true;
  if (QueryNode.is(node)) return node.returning !== undefined || ('explain' in node && node.explain !== undefined);
  if (RawNode.is(node)) return undefined;
  return false;
}

const run = (stmt: sqlite3.Statement, parameters: readonly unknown[]) =>
  new Promise<{ changes: number; lastID: number }>((resolve, reject) => {
    stmt.run(parameters as unknown[], function (err) {
      if (err) reject(err);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  });

const all = <R>(stmt: sqlite3.Statement, parameters: readonly unknown[]) =>
  new Promise<R[]>((resolve, reject) =>
    stmt.all(parameters as unknown[], (err, rows) => (err ? reject(err) : resolve(rows as R[]))),
  );

const prepare = (db: sqlite3.Database, sql: string, parameters: readonly unknown[] = []) =>
  new Promise<sqlite3.Statement>((resolve, reject) => {
    const stmt = db.prepare(sql, parameters as unknown[], (err) => (err ? reject(err) : resolve(stmt)));
  });

const finalize = (stmt: sqlite3.Statement) => new Promise<void>((resolve) => stmt.finalize(() => resolve()));

interface Counters {
  total: number;
  changes: number;
  id: number;
}
const COUNTERS = 'select total_changes() as total, changes() as changes, last_insert_rowid() as id';
/** Raw SQL that controls the transaction: neither rows nor a change count to read back. */
const CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;

/**
 * Statements kept prepared, by their SQL text. Preparing costs a trip to the thread pool and
 * SQLite's parser on every query otherwise; the queries of a point are a few hundred texts.
 * Only one query runs at a time on the connection (Kysely serialises them), and node-sqlite3
 * resets a statement before each run, so one prepared statement serves every call of its text.
 * SQLite prepares a statement again by itself when a migration changed the schema.
 */
export const STATEMENT_CACHE_SIZE = 256;

class StatementCache {
  #statements = new Map<string, Promise<sqlite3.Statement>>();
  constructor(
    readonly db: sqlite3.Database,
    readonly size = STATEMENT_CACHE_SIZE,
  ) {}

  get(sql: string): Promise<sqlite3.Statement> {
    const cached = this.#statements.get(sql);
    if (cached !== undefined) {
      // Most recently used last: the first key is the one to evict.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const prepared = prepare(this.db, sql);
    // A statement that does not compile is not kept: the next call reports its error again.
    prepared.catch(() => this.#statements.delete(sql));
    this.#statements.set(sql, prepared);
    if (this.#statements.size > this.size) {
      const [oldest, statement] = this.#statements.entries().next().value!;
      this.#statements.delete(oldest);
      void statement.then(finalize, () => undefined);
    }
    return prepared;
  }

  get count(): number {
    return this.#statements.size;
  }

  /** Every statement finalized: SQLite refuses to close a connection that still has some. */
  async clear(): Promise<void> {
    const statements = [...this.#statements.values()];
    this.#statements.clear();
    await Promise.all(statements.map((s) => s.then(finalize, () => undefined)));
  }
}

class Sqlite3Connection implements DatabaseConnection {
  readonly statements: StatementCache;
  constructor(readonly db: sqlite3.Database) {
    this.statements = new StatementCache(db);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = query;
    const stmt = await this.statements.get(sql);
    const rows = returnsRows(query.query);
    if (rows === true) return { rows: await all<R>(stmt, parameters) };
    if (rows === false) {
      const { changes, lastID } = await run(stmt, parameters);
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastID) };
    }
    if (CONTROL.test(sql)) {
      await run(stmt, parameters);
      return { rows: [] };
    }
    // Raw SQL may be either. node-sqlite3 cannot tell (no column count), so read its rows and,
    // when none came back, whether the connection's total of changed rows moved.
    const counters = await this.statements.get(COUNTERS);
    const [before] = await all<Counters>(counters, []);
    const result = await all<R>(stmt, parameters);
    if (result.length) return { rows: result };
    const [after] = await all<Counters>(counters, []);
    if (after!.total === before!.total) return { rows: [] };
    return { rows: [], numAffectedRows: BigInt(after!.changes), insertId: BigInt(after!.id) };
  }

  /** Pull-based streaming: `Statement#get()` steps one row per call, so memory stays flat. */
  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    if (returnsRows(query.query) === false) throw new Error('only a query that returns rows can be streamed');
    // Its own statement, not a cached one: it stays open while the reader takes its rows.
    const stmt = await prepare(this.db, query.sql, query.parameters);
    try {
      let chunk: R[] = [];
      for (;;) {
        const row = await new Promise<R | undefined>((resolve, reject) =>
          stmt.get((err: Error | null, r: R | undefined) => (err ? reject(err) : resolve(r))),
        );
        if (row === undefined) break;
        chunk.push(row);
        if (chunk.length >= chunkSize) {
          yield { rows: chunk };
          chunk = [];
        }
      }
      if (chunk.length) yield { rows: chunk };
    } finally {
      await finalize(stmt);
    }
  }
}

/** `savepoint "name"`, `rollback to "name"`, `release "name"`: the name quoted by the compiler. */
function savepointCommand(command: string, name: string, compileQuery: QueryCompiler['compileQuery']): CompiledQuery {
  return compileQuery(
    RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]),
    createQueryId(),
  );
}

class Sqlite3Driver implements Driver {
  #connection?: Sqlite3Connection;
  constructor(readonly config: Sqlite3DialectConfig) {}

  async init(): Promise<void> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(this.config.file, (err) => (err ? reject(err) : resolve(d)));
    });
    db.configure('busyTimeout', 5000);
    this.#connection = new Sqlite3Connection(db);
    for (const sql of this.config.onOpen ?? []) await this.#connection.executeQuery(CompiledQuery.raw(sql));
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#connection) throw new Error('database is closed');
    return this.#connection;
  }

  /** IMMEDIATE takes the write lock at once, so a transaction never fails half-way on a lock. */
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  /**
   * On a full disk or an I/O error SQLite may already have rolled the transaction back itself;
   * a second ROLLBACK would then fail and hide the real error (SQLITE_FULL) behind its own.
   */
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    try {
      await conn.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      if (!/no transaction is active/.test(String((error as Error)?.message))) throw error;
    }
  }
  async savepoint(conn: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await conn.executeQuery(savepointCommand('savepoint', name, compileQuery));
  }
  async rollbackToSavepoint(
    conn: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await conn.executeQuery(savepointCommand('rollback to', name, compileQuery));
  }
  async releaseSavepoint(
    conn: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await conn.executeQuery(savepointCommand('release', name, compileQuery));
  }
  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const conn = this.#connection;
    this.#connection = undefined;
    if (!conn) return;
    await conn.statements.clear();
    await new Promise<void>((resolve, reject) => conn.db.close((err) => (err ? reject(err) : resolve())));
  }
}

export class Sqlite3Dialect implements Dialect {
  constructor(readonly config: Sqlite3DialectConfig) {}
  createDriver(): Driver {
    return new Sqlite3Driver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface takes an untyped instance.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
