import { Aes128Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { ingestBatch } from '#province/ingest';
import { enrolPoint } from '#province/registry';
import { openProvinceStore } from '#province/store';
import { hpkeOpen } from '../crypto/hpke';
import { privateKeyFromSeed, rawPublicKey } from '../crypto/signing';
import { makeVectors, seedOf, VECTOR_DIR } from './vectors';
import { checkBatchText, checkReceipt } from './verify';

const shipped = {
  batch: readFileSync(join(VECTOR_DIR, 'batch.json'), 'utf8'),
  expected: readFileSync(join(VECTOR_DIR, 'expected.json'), 'utf8'),
};
const expected = JSON.parse(shipped.expected);
const b64 = (s: string) => Buffer.from(s, 'base64');
const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });

describe('dhs-batch/2 test vectors (docs/dhs-batch-2/)', () => {
  it("the project's code reproduces the shipped files byte for byte", () => {
    const made = makeVectors();
    expect(made.batchText).toBe(shipped.batch);
    expect(made.expectedText).toBe(shipped.expected);
  });

  it('verify as a stranger would, from the document alone: canonical bytes, signed slice, Ed25519, SHA-256', () => {
    const file = JSON.parse(shipped.batch);
    expect(Object.keys(file)).toEqual(['batch', 'signature']);
    expect(canonicalize(file)).toBe(shipped.batch);
    const signed = Buffer.from(canonicalize(file.batch)!, 'utf8');
    expect(shipped.batch).toBe(`{"batch":${signed.toString('utf8')},"signature":${JSON.stringify(file.signature)}}`);
    const pointKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: b64(file.batch.point.key).toString('base64url') },
      format: 'jwk',
    });
    expect(verify(null, signed, pointKey, b64(file.signature))).toBe(true);
    expect(createHash('sha256').update(signed).digest('hex')).toBe(expected.batch.signedBytesSha256);
    const fp = createHash('sha256')
      .update(file.batch.point.key)
      .digest('hex')
      .slice(0, 16)
      .toUpperCase()
      .match(/.{4}/g)!
      .join('-');
    expect(fp).toBe(file.batch.point.fingerprint);
    expect(checkBatchText(shipped.batch)).toMatchObject({ ok: true, hash: expected.batch.signedBytesSha256 });
  });

  it('the sealed record and the categories open, with this code and with @hpke/core, to the plaintexts given', async () => {
    const seal = privateKeyFromSeed('X25519', Buffer.from(expected.keys.provincePersonalData.seed, 'hex'));
    const r = expected.sealedRecord;
    const mine = hpkeOpen(seal, { enc: b64(r.enc), ct: b64(r.ct) }, Buffer.from(r.info), Buffer.from(r.aad));
    expect(mine.toString('utf8')).toBe(r.plaintext);
    const theirs = await suite.open(
      {
        recipientKey: await suite.kem.deserializePrivateKey(
          Buffer.from(expected.keys.provincePersonalData.seed, 'hex'),
        ),
        enc: b64(r.enc),
        info: Buffer.from(r.info),
      },
      b64(r.ct),
      Buffer.from(r.aad),
    );
    expect(Buffer.from(theirs).toString('utf8')).toBe(r.plaintext);
    const c = expected.categories;
    const opened = await suite.open(
      {
        recipientKey: await suite.kem.deserializePrivateKey(Buffer.from(expected.keys.provinceReceiving.seed, 'hex')),
        enc: b64(c.enc),
        info: Buffer.from(c.info),
      },
      b64(c.ct),
      Buffer.from(c.aad),
    );
    expect(Buffer.from(opened).toString('utf8')).toBe(c.plaintext);
    // The one-time keys are the published seeds: `enc` is their public half.
    expect(seedOf(`one-time key for ${r.ref}`).toString('hex')).toBe(r.ephemeralSeed);
    expect(rawPublicKey(privateKeyFromSeed('X25519', Buffer.from(r.ephemeralSeed, 'hex')))).toBe(r.enc);
  });

  it('the receipt verifies, and the province takes the batch in once the point is enrolled', async () => {
    const k = expected.keys;
    expect(
      checkReceipt(expected.receipt, k.provinceReceipts.public, {
        pointId: JSON.parse(shipped.batch).batch.point.id,
        seq: 1,
        hash: expected.batch.signedBytesSha256,
      }),
    ).not.toBeNull();
    const pem = (curve: 'Ed25519' | 'X25519', seed: string) =>
      privateKeyFromSeed(curve, Buffer.from(seed, 'hex')).export({ format: 'pem', type: 'pkcs8' }).toString();
    const secret = {
      kind: 'dhs-province-secret/1' as const,
      encryptPrivatePem: pem('X25519', k.provinceReceiving.seed),
      encryptPublic: k.provinceReceiving.public,
      signPrivatePem: pem('Ed25519', k.provinceReceipts.seed),
      signPublic: k.provinceReceipts.public,
      sealPublic: k.provincePersonalData.public,
    };
    const dir = mkdtempSync(join(tmpdir(), 'dhs-vectors-'));
    const store = await openProvinceStore(join(dir, 'p.sqlite3'));
    try {
      await enrolPoint(store, { unit: 'Xã Ia Grai', fingerprint: k.point.fingerprint, by: 'test', at: new Date() });
      const outcome = await ingestBatch(store, shipped.batch, secret, new Date('2026-11-03T01:00:00.000Z'));
      expect(outcome).toMatchObject({ status: 'accepted', receipt: expected.receipt });
      expect(
        JSON.parse(
          (
            await store
              .selectFrom('record')
              .select('categories')
              .where('ref', '=', 'ticket:1')
              .executeTakeFirstOrThrow()
          ).categories,
        ),
      ).toEqual({ priorityGroups: ['elderly'] });
    } finally {
      await store.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
