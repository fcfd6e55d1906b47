import { Aes128Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hpkeOpen, hpkeSeal } from './hpke';
import { privateKeyFromSeed, rawPublicKey } from './signing';

const hex = (s: string) => Buffer.from(s, 'hex');

/** RFC 9180, Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, Base mode. */
const A11 = {
  info: hex('4f6465206f6e2061204772656369616e2055726e'),
  skEm: hex('52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736'),
  pkEm: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
  skRm: hex('4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8'),
  pkRm: '3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d',
  pt: hex('4265617574792069732074727574682c20747275746820626561757479'),
  aad: hex('436f756e742d30'),
  ct: 'f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a',
};

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });

describe('HPKE base mode', () => {
  it('reproduces RFC 9180 A.1.1 (sequence 0) and opens it', () => {
    const recipient = privateKeyFromSeed('X25519', A11.skRm);
    expect(Buffer.from(rawPublicKey(recipient), 'base64').toString('hex')).toBe(A11.pkRm);
    const sealed = hpkeSeal(Buffer.from(A11.pkRm, 'hex').toString('base64'), A11.info, A11.aad, A11.pt, A11.skEm);
    expect(sealed.enc.toString('hex')).toBe(A11.pkEm);
    expect(sealed.ct.toString('hex')).toBe(A11.ct);
    expect(hpkeOpen(recipient, { enc: hex(A11.pkEm), ct: hex(A11.ct) }, A11.info, A11.aad)).toEqual(A11.pt);
  });

  it('refuses a changed byte, another AAD, another info or another key', () => {
    const recipient = privateKeyFromSeed('X25519', A11.skRm);
    const good = { enc: hex(A11.pkEm), ct: hex(A11.ct) };
    const flipped = Buffer.from(good.ct);
    flipped[3] ^= 1;
    expect(() => hpkeOpen(recipient, { ...good, ct: flipped }, A11.info, A11.aad)).toThrow();
    expect(() => hpkeOpen(recipient, good, A11.info, Buffer.from('Count-1'))).toThrow();
    expect(() => hpkeOpen(recipient, good, Buffer.from('other'), A11.aad)).toThrow();
    expect(() => hpkeOpen(generateKeyPairSync('x25519').privateKey, good, A11.info, A11.aad)).toThrow();
    expect(() => hpkeOpen(recipient, { enc: Buffer.alloc(32), ct: good.ct }, A11.info, A11.aad)).toThrow();
  });

  it('agrees with @hpke/core in both directions', async () => {
    const pair = generateKeyPairSync('x25519');
    const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const raw = rawPublicKey(pair.publicKey);
    const info = Buffer.from('dhs-batch/2 personal');
    const aad = Buffer.from('point|logbook_entry:1|1');
    const pt = Buffer.from(JSON.stringify({ fullName: 'Rơ Châm Hyơn' }));

    const seed = Buffer.from(createPrivateKey(pem).export({ format: 'jwk' }).d!, 'base64url');
    const recipientKey = await suite.kem.deserializePrivateKey(seed);
    const ours = hpkeSeal(raw, info, aad, pt);
    const theirsOpened = await suite.open({ recipientKey, enc: ours.enc, info }, ours.ct, aad);
    expect(Buffer.from(theirsOpened)).toEqual(pt);

    const publicKey = await suite.kem.deserializePublicKey(Buffer.from(raw, 'base64'));
    const theirs = await suite.seal({ recipientPublicKey: publicKey, info }, pt, aad);
    expect(hpkeOpen(pem, { enc: Buffer.from(theirs.enc), ct: Buffer.from(theirs.ct) }, info, aad)).toEqual(pt);
  });
});
