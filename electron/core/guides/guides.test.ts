import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, signInAs, testClock } from '../testing';
import { buildPackFile, generatePackKeys } from './pack-file';
import { bundledPack, packsDir, SOURCE_GUIDES_DIR } from './pack-store';
import { guideProgressForTicket } from './progress';
import { testSource } from './test-packs';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
let app: TestApp;
const clock = testClock('2026-03-02T02:00:00Z');
const keys = generatePackKeys();

beforeEach(async () => {
  app = await openTestApp({ now: clock.now });
});
afterEach(async () => app.cleanup());

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (e: { body?: { code: string; params?: Record<string, string | number> } }) => e.body,
  );
}

describe('reading guides', () => {
  it('lists the bundled pack, finds a guide typed without diacritics, and opens it with pictures', async () => {
    const list = await app.invoke('guides.list', {}, { device: 'kiosk' });
    expect(list.pack).toMatchObject({ source: 'bundled', version: bundledPack(SOURCE_GUIDES_DIR).version });
    expect(list.guides.map((g) => g.id)).toContain('vneid-level-1');
    const found = await app.invoke('guides.list', { query: 'kich hoat vneid' }, { device: 'kiosk' });
    expect(found.guides[0]?.id).toBe('vneid-level-1');
    const view = await app.invoke('guides.get', { id: 'vneid-level-1' }, { device: 'kiosk' });
    expect(view.pictures[view.guide.steps[0]!.picture]).toMatch(/^data:image\/svg\+xml;base64,/);
    // Unverified notes are for staff only.
    expect(view.guide.unverifiedNotes).toEqual([]);
    const admin = await signInAs(app, 'duty_member');
    expect(
      (await app.invoke('guides.get', { id: 'vneid-level-1' }, admin)).guide.unverifiedNotes.length,
    ).toBeGreaterThan(0);
    expect((await errorOf(app.invoke('guides.get', { id: 'no-such-guide' })))?.code).toBe('not_found');
  });
});

describe('guided mode', () => {
  it('stores steps, stuck step and errors per ticket and gives them to the logbook', async () => {
    const member = await signInAs(app, 'duty_member');
    await app.invoke('queue.openDesk', { desk: 1 }, member);
    const other = await app.invoke('queue.checkIn', { helpKind: 'vneid' }, { device: 'kiosk' });
    const visit = await app.invoke('queue.checkIn', { helpKind: 'vneid' }, { device: 'kiosk' });
    await app.invoke('queue.callTicket', { ticketId: visit.id }, member);
    const ticketId = visit.id;
    expect(await app.invoke('guides.session.get', { ticketId, guideId: 'vneid-level-1' }, member)).toBeNull();
    const saved = await app.invoke(
      'guides.session.save',
      {
        ticketId,
        guideId: 'vneid-level-1',
        stepsDone: ['register', 'install'],
        stuckStep: 'activate',
        errors: ['otp-missing'],
      },
      member,
    );
    expect(saved.stepsDone).toEqual(['install', 'register']);
    // Bound by the ticket's id: a ticket still waiting, one at nobody's desk, or none at all is refused.
    const waiting = await errorOf(
      app.invoke(
        'guides.session.save',
        { ticketId: other.id, guideId: 'vneid-level-1', stepsDone: [], stuckStep: 'activate', errors: [] },
        member,
      ),
    );
    expect(waiting).toMatchObject({ code: 'conflict', params: { reason: 'state' } });
    expect(
      (
        await errorOf(
          app.invoke(
            'guides.session.save',
            { ticketId: 9999, guideId: 'vneid-level-1', stepsDone: [], stuckStep: null, errors: [] },
            member,
          ),
        )
      )?.code,
    ).toBe('not_found');
    const colleague = await signInAs(app, 'duty_member', { fullName: 'Another member' });
    const notMine = await errorOf(
      app.invoke(
        'guides.session.save',
        { ticketId, guideId: 'vneid-level-1', stepsDone: [], stuckStep: null, errors: [] },
        colleague,
      ),
    );
    expect(notMine).toMatchObject({ code: 'conflict', params: { reason: 'not_mine' } });
    const progress = await guideProgressForTicket(app, ticketId);
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({
      guideId: 'vneid-level-1',
      procedureKey: 'vneid',
      completed: false,
      stepsDone: ['install', 'register'],
      stuckStep: { key: 'activate' },
    });
    expect(progress[0]!.errors[0]!.whatHappens.vi).toMatch(/OTP/);
    expect(await guideProgressForTicket(app, other.id)).toEqual([]);
    // Keys that are not in the guide are refused, and nothing changes.
    const bad = await errorOf(
      app.invoke(
        'guides.session.save',
        { ticketId, guideId: 'vneid-level-1', stepsDone: ['nope'], stuckStep: null, errors: [] },
        member,
      ),
    );
    expect(bad?.code).toBe('invalid_input');
    expect((await app.invoke('guides.session.get', { ticketId, guideId: 'vneid-level-1' }, member))?.stepsDone).toEqual(
      ['install', 'register'],
    );
    // Citizens cannot write progress.
    expect(
      (
        await errorOf(
          app.invoke('guides.session.save', {
            ticketId,
            guideId: 'vneid-level-1',
            stepsDone: [],
            stuckStep: null,
            errors: [],
          }),
        )
      )?.code,
    ).toBe('unauthorized');
  });
});

describe('importing a pack', () => {
  it('installs a signed newer pack only after its key is trusted; a tampered one is refused and the old stays', async () => {
    const admin = await signInAs(app, 'admin');
    const file = buildPackFile(testSource({ packVersion: 7 }), keys.privatePem);
    const input = { fileName: 'goi-7.dhsguides', base64: file.toString('base64') };
    const untrusted = await errorOf(app.invoke('guides.importPack', input, admin));
    expect(untrusted).toMatchObject({ code: 'invalid_file', params: { reason: 'untrusted_key' } });

    const { keyId } = await app.invoke(
      'guides.addKey',
      { label: 'Sở KH&CN Gia Lai', publicKeyPem: keys.publicPem },
      admin,
    );
    expect(keyId).toBe(keys.keyId);
    const tampered = JSON.parse(file.toString());
    const svg = Object.keys(tampered.files).find((p: string) => p.endsWith('.svg'))!;
    tampered.files[svg] = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    const refused = await errorOf(
      app.invoke(
        'guides.importPack',
        { fileName: 'x', base64: Buffer.from(JSON.stringify(tampered)).toString('base64') },
        admin,
      ),
    );
    expect(refused).toMatchObject({
      code: 'invalid_file',
      params: { reason: 'hash_mismatch', activeVersion: bundledPack(SOURCE_GUIDES_DIR).version },
    });
    expect((await app.invoke('guides.list', {})).pack.source).toBe('bundled');

    expect(await app.invoke('guides.importPack', input, admin)).toMatchObject({ version: 7 });
    expect(existsSync(join(packsDir(app.dataDir), '7', 'manifest.json'))).toBe(true);
    expect((await app.invoke('guides.list', {})).pack).toMatchObject({ source: 'imported', version: 7 });
    const status = await app.invoke('guides.status', {}, admin);
    expect(status.installed).toEqual([expect.objectContaining({ version: 7, active: true, keyId })]);
    // The same version again is not newer.
    expect(await errorOf(app.invoke('guides.importPack', input, admin))).toMatchObject({
      params: { reason: 'not_newer' },
    });
    // Only the admin imports.
    const member = await signInAs(app, 'team_leader');
    expect((await errorOf(app.invoke('guides.importPack', input, member)))?.code).toBe('forbidden');
  });

  it('refuses an oversized picture and a key that is not an Ed25519 public key', async () => {
    const admin = await signInAs(app, 'admin');
    await app.invoke('guides.addKey', { label: 'Tỉnh', publicKeyPem: keys.publicPem }, admin);
    const big = testSource({}, (files) => files.set('vneid-level-1/install.svg', Buffer.alloc(400 * 1024, 32)));
    const refused = await errorOf(
      app.invoke(
        'guides.importPack',
        { fileName: 'big', base64: buildPackFile(big, keys.privatePem).toString('base64') },
        admin,
      ),
    );
    expect(refused).toMatchObject({ code: 'invalid_file', params: { reason: 'file_too_large' } });
    const notKey = await errorOf(
      app.invoke(
        'guides.addKey',
        { label: 'x', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' },
        admin,
      ),
    );
    expect(notKey?.code).toBe('invalid_input');
    expect(
      (await errorOf(app.invoke('guides.addKey', { label: 'again', publicKeyPem: keys.publicPem }, admin)))?.code,
    ).toBe('conflict');
  });
});
