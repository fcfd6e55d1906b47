/**
 * The floor of an HTTP check-in on this machine: a bare `node:http` server that reads the body,
 * parses it and makes the bare durable insert (prepared, one fsync'd transaction), then answers
 * in JSON. No gate, no checks: what any server would pay for the round trip and the insert.
 * Run in its own process, as the point's server is: `node --import tsx http-floor.ts DIR`.
 */
import { createServer } from 'node:http';
import { bareSqlite } from './bare-sqlite';

const bare = await bareSqlite(process.argv[2]!);
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    await bare.insertPrepared();
    const body = JSON.stringify({ ok: true, result: {} });
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void bare.close().then(() => process.exit(0));
});
