import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorBody } from '#shared/i18n/translate';
import { openApp } from '#core/app';
import { startJobs } from '#core/jobs';
import { DEMO_PINS, seedDemo } from '#core/demo';
import { createHttpServer } from './http';

/** Where the data lives when `--data` is not given: the user's application-data folder. */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'diem-ho-tro-so');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'diem-ho-tro-so');
}

export function parseArgs(argv: string[]) {
  const options = {
    port: 8420,
    host: '127.0.0.1',
    data: defaultDataDir(),
    demo: false,
    allowHosts: [] as string[],
    clock: null as Date | null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--data') options.data = resolve(value());
    else if (arg === '--demo') options.demo = true;
    else if (arg === '--allow-host') options.allowHosts.push(value());
    else if (arg === '--clock') {
      const at = new Date(value());
      if (Number.isNaN(at.getTime())) throw new Error('--clock needs a date and time, e.g. 2026-01-12T09:00:00+07:00');
      options.clock = at;
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new Error('--port must be 0–65535');
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // --clock (tests, training outside opening hours): the point's clock starts there and runs on.
  const offset = options.clock ? options.clock.getTime() - Date.now() : 0;
  // The guide pack is built beside the server bundle (dist/guides), like the renderer.
  const app = await openApp({
    dataDir: options.data,
    guidesDir: fileURLToPath(new URL('../guides/', import.meta.url)),
    shell: 'server',
    ...(offset ? { now: () => new Date(Date.now() + offset) } : {}),
  });
  app.log.info(
    {
      event: 'shell.start',
      host: options.host,
      port: options.port,
      demo: options.demo,
      clock: options.clock?.toISOString() ?? null,
    },
    'server mode starting',
  );
  startJobs(app);
  if (options.demo && (await seedDemo(app))) {
    console.log(
      `demo data loaded; PINs: admin ${DEMO_PINS.admin}, leaders ${DEMO_PINS.leader}, official ${DEMO_PINS.official}, members ${DEMO_PINS.member}`,
    );
  }
  if (!(await app.db.selectFrom('point_setting').select('id').executeTakeFirst())) {
    // Setup from another device on the LAN needs this code; the point's own screen does not.
    const code = app.keys.setupCode();
    console.log(
      `not set up yet: set up from this PC's browser, or from another device with the setup code ${code.slice(0, 4)}-${code.slice(4)}`,
    );
  }
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const server = createHttpServer(app, { staticDir, host: options.host, allowedHosts: options.allowHosts });
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    console.log(`data folder: ${options.data}`);
    console.log(`listening on http://${shownHost}:${port}`);
    console.log(
      `open it in a browser: staff http://${shownHost}:${port}/ · citizen kiosk /#/kiosk · calling board /#/board`,
    );
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    app.log.error({ event: 'shell.listenFailed', code: error.code }, 'cannot listen');
    console.error(
      error.code === 'EADDRINUSE'
        ? `cannot start: port ${options.port} is in use; choose another with --port`
        : `cannot start: ${error.message}`,
    );
    process.exit(1);
  });
  const stop = () => {
    app.log.info({ event: 'shell.stop' }, 'server mode stopping');
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  const code = (error as { code?: string })?.code ?? '';
  // The people who read this are not IT staff: say what is wrong with the folder, in both languages.
  if (['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'EROFS', 'EACCES', 'EPERM'].includes(code)) {
    const body = errorBody('storage_read_only');
    console.error(`cannot start: ${body.message.vi} / ${body.message.en} (${code})`);
  } else if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    const body = errorBody('storage_full');
    console.error(`cannot start: ${body.message.vi} / ${body.message.en}`);
  } else {
    console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
