import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { privateKeyFromSeed } from '#core/crypto/signing';
import { VECTOR_DIR } from '#core/uploads/vectors';

/**
 * The province's command line on a real store file: a batch from a key nobody enrolled is kept
 * in quarantine, listed, taken in once the key is enrolled, or dropped with its sealed parts;
 * units, codes and retirement. The batch is the shipped test vector, its province key made from
 * the vector's published seeds.
 */
const dir = mkdtempSync(join(tmpdir(), 'dhs-province-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [`${process.env.DHS_OUT ?? 'dist'}/province/cli.js`, ...args, '--now', '2026-11-03T01:00:00.000Z'],
    { encoding: 'utf8', timeout: 60_000 },
  );
const expected = JSON.parse(readFileSync(join(VECTOR_DIR, 'expected.json'), 'utf8'));
const pem = (curve: 'Ed25519' | 'X25519', seed: string) =>
  privateKeyFromSeed(curve, Buffer.from(seed, 'hex')).export({ format: 'pem', type: 'pkcs8' }).toString();
const k = expected.keys;
const secret = join(dir, 'province-secret.json');
writeFileSync(
  secret,
  JSON.stringify({
    kind: 'dhs-province-secret/1',
    encryptPrivatePem: pem('X25519', k.provinceReceiving.seed),
    encryptPublic: k.provinceReceiving.public,
    signPrivatePem: pem('Ed25519', k.provinceReceipts.seed),
    signPublic: k.provinceReceipts.public,
    sealPublic: k.provincePersonalData.public,
  }),
);
const batch = join(VECTOR_DIR, 'batch.json');

describe('the province command line', () => {
  it('keeps an unknown key aside, drops its files on request, and takes them in once enrolled', () => {
    const db = join(dir, 'a.sqlite3');
    const first = cli('ingest', batch, '--db', db, '--key', secret);
    expect(first.stdout).toMatch(
      /^QUARANTINED batch\.json {2}unknown_key: no point is enrolled with key 6BC0-1693-B582-20E5 \(the batch names Xã Ia Grai\)/m,
    );
    expect(cli('quarantine', '--db', db).stdout).toMatch(/unknown_key \| 6BC0-1693-B582-20E5 \| Xã Ia Grai \| seq 1/);
    const report = cli('report', '--db', db, '--period', '2026-11', '--until', '2026-11-02');
    expect(report.stdout).toContain('Khóa 6BC0-1693-B582-20E5, tự nhận là Xã Ia Grai: 1 tệp');
    expect(report.stdout).toContain('Xã, phường chưa gửi số liệu nào (135/135)');
    const ct = expected.sealedRecord.ct as string;
    const bytes = () =>
      [db, `${db}-wal`]
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f).toString('latin1'))
        .join('');
    expect(bytes()).toContain(ct);
    expect(cli('quarantine', '--db', db, '--drop', '6bc0 1693 b582 20e5').stdout).toContain(
      'Dropped 1 file(s) from key 6BC0-1693-B582-20E5',
    );
    expect(cli('quarantine', '--db', db).stdout).toContain('Nothing in quarantine.');
    expect(bytes()).not.toContain(ct);

    const other = join(dir, 'b.sqlite3');
    cli('ingest', batch, '--db', other, '--key', secret);
    const enrol = cli(
      'enrol',
      '--db',
      other,
      '--unit',
      'ia grai',
      '--fingerprint',
      '6BC0-1693-B582-20E5',
      '--by',
      'Cán bộ Sở KH&CN',
      '--key',
      secret,
      '--receipts',
      dir,
    );
    expect(enrol.status, enrol.stderr).toBe(0);
    expect(enrol.stdout).toMatch(
      /Enrolled the point of Xã Ia Grai with key 6BC0-1693-B582-20E5\.\nACCEPTED +batch\.json \(quarantined [^)]+\) {2}seq 1/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'batch.json.receipt.json'), 'utf8')).body).toMatchObject({
      kind: 'dhs-receipt/2',
      status: 'accepted',
      batchHash: expected.batch.signedBytesSha256,
    });
    expect(cli('ingest', batch, '--db', other, '--key', secret).stdout).toMatch(/^DUPLICATE batch\.json {2}seq 1/m);
  });

  it('records a unit code once, lists the units, and refuses a retired point', () => {
    const db = join(dir, 'c.sqlite3');
    expect(
      cli('enrol', '--db', db, '--unit', 'Chu Pah', '--fingerprint', '0000-0000-0000-0000', '--by', 'x').stdout,
    ).toContain('Xã Chư Păh');
    expect(
      cli('enrol', '--db', db, '--unit', 'Xã Chư Păh', '--fingerprint', '1111-1111-1111-1111', '--by', 'x').stderr,
    ).toContain('already has an enrolled point');
    expect(cli('code', '--db', db, '--unit', 'Xã Chư Păh', '--code', '1234').stderr).toContain('exactly 5 digits');
    expect(
      cli(
        'enrol',
        '--db',
        db,
        '--unit',
        'Xã Ia Grai',
        '--fingerprint',
        '6BC0-1693-B582-20E5',
        '--by',
        'x',
        '--code',
        '12345',
      ).status,
    ).toBe(0);
    const units = cli('units', '--db', db).stdout.split('\n');
    expect(units).toHaveLength(136);
    expect(units).toContain('12345 | Xã Ia Grai | pilot | 6BC0-1693-B582-20E5 | ');
    expect(cli('retire', '--db', db, '--unit', 'Xã Ia Grai', '--reason', 'Máy bị mất').status).toBe(0);
    expect(cli('ingest', batch, '--db', db, '--key', secret).stdout).toMatch(/^REFUSED +batch\.json {2}retired/m);
  });
});
