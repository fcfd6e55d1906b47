import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveSealKey, openSealedBackup, sealBackup } from '#core/backups/sealed';
import { PIN_HASH_PARAMS } from '#core/settings/pin';
import { demoSessions, peakRssMiB, rawRequest } from '../fault/support';
import { removeDir, startServer } from '../support/server';

const MiB = 1 << 20;

/** One scrypt on the calling thread: what one core spends on one guess (median of `n`). */
function scryptMs(params: { N: number; r: number; p: number }, n = 5): number {
  const salt = randomBytes(16);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    scryptSync(String(100000 + i), salt, 32, { ...params, maxmem: 256 * MiB });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

/**
 * What an offline guess costs (a copied database: every PIN hash, salted), the memory the server
 * holds while strangers upload, and the speed of sealing and opening a backup.
 */
export async function benchSecurity(): Promise<Record<string, number>> {
  const pinMs = scryptMs(PIN_HASH_PARAMS);
  const legacyMs = scryptMs({ N: 1 << 15, r: 8, p: 1 });
  const figures: Record<string, number> = {
    pin_hash_ms: Math.round(pinMs),
    // Every six-digit PIN of one member, on one core (on average half of it finds the PIN).
    six_digit_pin_all_guesses_days: Number(((1e6 * pinMs) / 86_400_000).toFixed(2)),
    legacy_n15_hash_ms: Math.round(legacyMs),
    legacy_four_digit_all_guesses_minutes: Number(((1e4 * legacyMs) / 60_000).toFixed(1)),
    legacy_six_digit_all_guesses_hours: Number(((1e6 * legacyMs) / 3_600_000).toFixed(1)),
  };

  const dir = mkdtempSync(join(tmpdir(), 'bench-security-'));
  try {
    const t0 = performance.now();
    const key = await deriveSealKey('một cụm mật khẩu đủ dài cho bench');
    figures.passphrase_kdf_ms = Math.round(performance.now() - t0);
    const plain = join(dir, 'db.sqlite3');
    writeFileSync(plain, randomBytes(64 * MiB));
    const t1 = performance.now();
    await sealBackup(plain, join(dir, 'db.dhsbackup'), key, { signingKey: null }, new Date());
    figures.seal_64mib_ms = Math.round(performance.now() - t1);
    const t2 = performance.now();
    await openSealedBackup(join(dir, 'db.dhsbackup'), join(dir, 'back.sqlite3'), async () => key);
    figures.open_sealed_64mib_ms = Math.round(performance.now() - t2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const server = await startServer({ demo: true });
  try {
    const pid = server.process.pid!;
    figures.server_rss_peak_idle_mib = Math.round(peakRssMiB(pid));
    const t = performance.now();
    await Promise.all(
      [1, 2, 3].map(() =>
        rawRequest(server.url, {
          path: '/api/backups.restore',
          headers: { 'content-length': String(300 * MiB) },
          chunks: 300,
        }),
      ),
    );
    figures.three_anonymous_300mib_refused_ms = Math.round(performance.now() - t);
    figures.server_rss_peak_after_3x300mib_anonymous_mib = Math.round(peakRssMiB(pid));
    // An admin may send a large body (a backup upload): one at a time, read up to its limit.
    const { admin } = await demoSessions(server);
    const body = JSON.stringify({
      source: { kind: 'upload', fileName: 'big.dhsbackup', base64: randomBytes(75 * MiB).toString('base64') },
    });
    await rawRequest(server.url, {
      path: '/api/backups.restore',
      headers: { authorization: `Bearer ${admin.token}` },
      body,
    });
    figures.server_rss_peak_after_admin_100mib_upload_mib = Math.round(peakRssMiB(pid));
  } finally {
    await server.stop();
    removeDir(server.dataDir);
  }
  return figures;
}
