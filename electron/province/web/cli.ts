import { dirname, join } from 'node:path';
import type { ProvinceSecret } from '../keys';
import { addAccount, addApiToken, listAccounts } from './accounts';
import { openHubStore } from './hub-store';
import { createHubServer } from './server';

/** `province accounts add|list` and `province tokens add`: the first admin never comes from the network. */
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
}): Promise<void> {
  const db = await openHubStore(options.db);
  const staticDir = options.staticDir ?? join(dirname(process.argv[1] ?? '.'), '..', 'hub');
  const server = createHubServer(db, options.secret, {
    staticDir,
    host: options.host,
    allowedHosts: options.allowedHosts,
    now: options.now,
    log: (message, error) => console.error(message, error),
  });
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
    console.log(`province hub on ${base}/ (the web app and its API)`);
    console.log(`province listening on ${base}/batches`);
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
