import { dirname, join } from 'node:path';
import type { ProvinceSecret } from '../keys';
import { addAccount, addApiToken, hasAdmin, listAccounts } from './accounts';
import { FirstAdminCode } from './first-admin';
import { openHubStore } from './hub-store';
import { createHubServer } from './server';

/** `province accounts add|list|token`: accounts made on the server's own console. */
export async function accountsCommand(
  sub: string | undefined,
  values: {
    db?: string | undefined;
    name?: string | undefined;
    role?: string | undefined;
    by?: string | undefined;
    label?: string | undefined;
  },
  password: () => Promise<string>,
  now: Date,
): Promise<number> {
  const db = await openHubStore(needed(values.db, '--db FILE'));
  try {
    if (sub === 'add') {
      await addAccount(db, {
        name: needed(values.name, '--name NAME'),
        role: values.role ?? 'viewer',
        password: await password(),
        by: values.by ?? 'cli',
        at: now,
      });
      console.log(`Account ${values.name} (${values.role ?? 'viewer'}) added.`);
      return 0;
    }
    if (sub === 'list') {
      for (const a of await listAccounts(db))
        console.log(
          `${a.name}\t${a.role}\t${a.active ? 'active' : 'inactive'}\t${a.created_at}${a.locked_until && a.locked_until > now.toISOString() ? `\tlocked until ${a.locked_until}` : ''}`,
        );
      return 0;
    }
    if (sub === 'token') {
      const token = await addApiToken(db, needed(values.label, '--label SYSTEM'), values.by ?? 'cli', now);
      console.log(`API token for ${values.label} (read only; shown once, keep it secret):\n${token}`);
      return 0;
    }
    console.error(
      'accounts add --name NAME --role viewer|province_admin [--password-file F] | accounts list | accounts token --label SYSTEM',
    );
    return 1;
  } finally {
    await db.destroy();
  }
}

/** `province serve`: the hub's web app, its API and the points' POST /batches, on one port. */
export async function serveHub(options: {
  db: string;
  secret: ProvinceSecret;
  port: number;
  host: string;
  allowedHosts: string[];
  now: () => Date;
  staticDir?: string | undefined;
  tls?: { cert: string; key: string } | undefined;
}): Promise<void> {
  const db = await openHubStore(options.db);
  const staticDir = options.staticDir ?? join(dirname(process.argv[1] ?? '.'), '..', 'hub');
  // Whoever reaches a hub without an admin first would make it: from another machine only with this code.
  const firstAdminCode = (await hasAdmin(db)) ? null : new FirstAdminCode();
  const server = createHubServer(db, options.secret, {
    staticDir,
    host: options.host,
    allowedHosts: options.allowedHosts,
    now: options.now,
    tls: options.tls,
    firstAdminCode,
    log: (message, error) => (error ? console.error(message, error) : console.error(message)),
  });
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const scheme = options.tls ? 'https' : 'http';
    const base = `${scheme}://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
    console.log(`province hub on ${base}/ (the web app and its API)`);
    console.log(`province listening on ${base}/batches`);
    if (!options.tls && !['127.0.0.1', '::1', 'localhost'].includes(options.host))
      console.log(
        'warning: plain HTTP on the network: passwords and session cookies travel in clear; use --tls-cert and --tls-key unless this network is trusted',
      );
    if (firstAdminCode)
      console.log(
        `no province admin yet: create the first one in the browser on this machine, or from another machine with the one-time code ${firstAdminCode.shown}`,
      );
  });
  const stop = () => server.close(() => void db.destroy().then(() => process.exit(0)));
  server.on('listening', () => undefined);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function needed(value: string | undefined, what: string): string {
  if (!value) throw new Error(`missing ${what}`);
  return value;
}
