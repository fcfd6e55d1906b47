import { afterEach, describe, expect, it } from 'vitest';
import { AUDIO_LIMITS } from '#shared/community/schemas';
import { BOARD_PHRASE, guideStepKey, uiKey } from '#shared/community/keys';
import {
  audioPath,
  COMMUNITY_PACK_FORMAT,
  submissionFile,
  type CommunityManifest,
} from '#shared/community/pack-format';
import { buildSignedArchive, generatePackKeys } from '../guides/pack-file';
import { sha256Hex } from '../crypto/signing';
import { openTestApp, signInAs, testClock } from '../testing';
import { buildCommunityPack } from './pack';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.cleanup();
});
const clock = testClock('2026-11-25T02:00:00.000Z');
const kiosk = { device: 'kiosk' as const };
const keys = generatePackKeys();

/** Test data, not Jrai or Bahnar: the app never holds words nobody from the community wrote. */
const placeholder = (n: number) => `[TEST DATA ${n}] placeholder, not a translation`;
/** Bytes that start like WebM (EBML header), as the microphone's MediaRecorder writes; the rest is filler. */
function webm(size = 4000, seed = 1): Buffer {
  const bytes = Buffer.alloc(size, seed);
  bytes.writeUInt32BE(0x1a45dfa3, 0);
  return bytes;
}

async function point() {
  const app = await openTestApp({ now: clock.now });
  apps.push(app);
  const leader = await signInAs(app, 'team_leader', { fullName: 'Leader', languages: ['vi'] });
  const speaker = await signInAs(app, 'duty_member', { fullName: 'Speaker One', languages: ['vi', 'jrai'] });
  const second = await signInAs(app, 'duty_member', { fullName: 'Speaker Two', languages: ['vi', 'jrai'] });
  const other = await signInAs(app, 'duty_member', { fullName: 'Vietnamese Only', languages: ['vi'] });
  return { app, leader, speaker, second, other };
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { body: { code: string; fields?: Record<string, string>; params?: Record<string, unknown> } }) => e.body,
  );

describe('community translations', () => {
  it('lists what there is to translate with its Vietnamese source, and who speaks the language', async () => {
    const { app, leader, speaker, second } = await point();
    const bench = await app.invoke('community.workbench', { language: 'jrai' }, leader);
    expect(bench.sources.find((s) => s.key === uiKey('queue:kiosk.title'))).toMatchObject({
      group: 'ui',
      source: 'Bạn cần hỗ trợ việc gì?',
    });
    expect(bench.sources.find((s) => s.key === guideStepKey('vneid-level-1', 'install'))).toMatchObject({
      group: 'guide',
      guideId: 'vneid-level-1',
    });
    expect(bench.speakers.map((s) => s.id)).toEqual([speaker.memberId, second.memberId]);
    expect(bench.entries).toEqual([]);
  });

  it('saves a text in the name of a speaker, is checked only by another speaker, and a changed text is unchecked again', async () => {
    const { app, leader, speaker, second, other } = await point();
    const key = uiKey('queue:kiosk.title');
    const notSpeaker = await errorOf(
      app.invoke(
        'community.save',
        { language: 'jrai', key, text: placeholder(1), translatorId: other.memberId },
        leader,
      ),
    );
    expect(notSpeaker).toMatchObject({
      code: 'invalid_input',
      fields: { translatorId: 'community:problems.notSpeaker' },
    });
    const unknown = await errorOf(
      app.invoke(
        'community.save',
        { language: 'jrai', key: uiKey('queue:kiosk.nothing'), text: placeholder(1), translatorId: speaker.memberId },
        leader,
      ),
    );
    expect(unknown?.fields).toEqual({ key: 'community:problems.key' });
    expect(
      await errorOf(
        app.invoke(
          'community.save',
          {
            language: 'jrai',
            key: guideStepKey('no-such-guide', 'x'),
            text: placeholder(1),
            translatorId: speaker.memberId,
          },
          leader,
        ),
      ),
    ).toMatchObject({ code: 'invalid_input' });
    // Members and citizens cannot write translations.
    expect(
      (
        await errorOf(
          app.invoke(
            'community.save',
            { language: 'jrai', key, text: placeholder(1), translatorId: speaker.memberId },
            speaker,
          ),
        )
      )?.code,
    ).toBe('forbidden');

    const saved = await app.invoke(
      'community.save',
      { language: 'jrai', key, text: `  ${placeholder(1)} `, translatorId: speaker.memberId },
      leader,
    );
    expect(saved).toMatchObject({
      text: placeholder(1),
      translatorName: 'Speaker One',
      reviewed: false,
      origin: 'local',
      audio: null,
    });
    const self = await errorOf(
      app.invoke('community.review', { language: 'jrai', key, reviewerId: speaker.memberId }, leader),
    );
    expect(self?.fields).toEqual({ reviewerId: 'community:problems.selfReview' });
    expect(
      await app.invoke('community.review', { language: 'jrai', key, reviewerId: second.memberId }, leader),
    ).toMatchObject({ reviewed: true, reviewerName: 'Speaker Two' });
    // Saving the same words keeps the check; other words lose it.
    expect(
      (
        await app.invoke(
          'community.save',
          { language: 'jrai', key, text: placeholder(1), translatorId: speaker.memberId },
          leader,
        )
      ).reviewed,
    ).toBe(true);
    expect(
      (
        await app.invoke(
          'community.save',
          { language: 'jrai', key, text: placeholder(2), translatorId: speaker.memberId },
          leader,
        )
      ).reviewed,
    ).toBe(false);
    // Every change is audited.
    const actions = await app.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'community.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'community.save',
      'community.review',
      'community.save',
      'community.save',
    ]);
  });

  it('stores a recording only of the right type and size, plays it to the kiosk, and forgets the replaced one', async () => {
    const { app, leader, speaker } = await point();
    const key = uiKey(BOARD_PHRASE);
    expect(
      (
        await errorOf(
          app.invoke(
            'community.record',
            { language: 'jrai', key, mime: 'audio/webm', base64: webm().toString('base64') },
            leader,
          ),
        )
      )?.code,
    ).toBe('not_found');
    await app.invoke(
      'community.save',
      { language: 'jrai', key, text: placeholder(3), translatorId: speaker.memberId },
      leader,
    );
    const refuse = async (mime: string, bytes: Buffer, field: string) => {
      const e = await errorOf(
        app.invoke('community.record', { language: 'jrai', key, mime, base64: bytes.toString('base64') }, leader),
      );
      expect(e?.fields, mime).toEqual({ [field]: expect.stringMatching(/^community:problems\./) });
    };
    await refuse('audio/webm', Buffer.from('ID3\u0003 not a webm file at all, an mp3 header'.repeat(10)), 'base64');
    await refuse('audio/ogg', webm(), 'base64');
    await refuse('audio/mpeg', webm(), 'mime');
    await refuse('audio/webm', webm(AUDIO_LIMITS.minBytes - 1), 'base64');
    const tooBig = await app.call(
      'community.record',
      { language: 'jrai', key, mime: 'audio/webm', base64: webm(AUDIO_LIMITS.maxBytes + 1).toString('base64') },
      leader,
    );
    expect(tooBig.ok).toBe(false);
    expect(await app.db.selectFrom('community_audio').select('sha256').execute()).toEqual([]);

    const first = webm(4000, 1);
    const recorded = await app.invoke(
      'community.record',
      { language: 'jrai', key, mime: 'audio/webm;codecs=opus', base64: first.toString('base64') },
      leader,
    );
    expect(recorded.audio).toEqual({ mime: 'audio/webm', bytes: 4000 });
    const played = await app.invoke('community.audio', { language: 'jrai', key }, kiosk);
    expect(Buffer.from(played.base64, 'base64').equals(first)).toBe(true);
    await app.invoke(
      'community.record',
      { language: 'jrai', key, mime: 'audio/webm', base64: webm(5000, 2).toString('base64') },
      leader,
    );
    expect((await app.db.selectFrom('community_audio').select('bytes').execute()).map((r) => r.bytes)).toEqual([5000]);

    // The kiosk sees the text, who made it and whether it was checked; no member ids.
    const texts = await app.invoke('community.texts', { language: 'jrai' }, kiosk);
    expect(texts.entries).toEqual([
      {
        language: 'jrai',
        key,
        text: placeholder(3),
        translatorName: 'Speaker One',
        reviewed: false,
        reviewerName: null,
        hasAudio: true,
        origin: 'local',
        sourceCommune: null,
      },
    ]);
    expect((await app.invoke('community.texts', { language: 'bahnar' }, kiosk)).entries).toEqual([]);
    await app.invoke('community.removeRecording', { language: 'jrai', key }, leader);
    expect(await app.db.selectFrom('community_audio').select('sha256').execute()).toEqual([]);
    await app.invoke('community.remove', { language: 'jrai', key }, leader);
    expect((await app.invoke('community.texts', { language: 'jrai' }, kiosk)).entries).toEqual([]);
  });
});

describe('community packs through the province', () => {
  it('a submission signed by the province installs at another point; its own texts are kept; tampering is refused', async () => {
    const a = await point();
    await a.app.invoke(
      'community.save',
      { language: 'jrai', key: uiKey('queue:kiosk.title'), text: placeholder(10), translatorId: a.speaker.memberId },
      a.leader,
    );
    await a.app.invoke(
      'community.record',
      {
        language: 'jrai',
        key: uiKey('queue:kiosk.title'),
        mime: 'audio/webm',
        base64: webm(3000, 7).toString('base64'),
      },
      a.leader,
    );
    await a.app.invoke(
      'community.review',
      { language: 'jrai', key: uiKey('queue:kiosk.title'), reviewerId: a.second.memberId },
      a.leader,
    );
    await a.app.invoke(
      'community.save',
      { language: 'jrai', key: uiKey('queue:kiosk.subtitle'), text: placeholder(11), translatorId: a.speaker.memberId },
      a.leader,
    );
    const file = await a.app.invoke('community.exportSubmission', {}, a.leader);
    const submission = submissionFile.parse(JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')));
    expect(submission).toMatchObject({
      commune: 'Xã Ia Grai',
      items: [
        { key: uiKey('queue:kiosk.subtitle'), audio: null },
        { key: uiKey('queue:kiosk.title'), reviewerName: 'Speaker Two' },
      ],
    });
    const pack = buildCommunityPack([submission], {
      version: 1,
      issuer: 'Tỉnh Đoàn Gia Lai (test)',
      issued: '2026-11-26',
      privatePem: keys.privatePem,
    });
    const input = { fileName: 'x.dhscommunity', base64: pack.toString('base64') };

    const b = await point();
    const admin = await signInAs(b.app, 'admin');
    expect(await errorOf(b.app.invoke('community.importPack', input, admin))).toMatchObject({
      code: 'invalid_file',
      params: { reason: 'untrusted_key' },
    });
    await b.app.invoke('guides.addKey', { label: 'Province content team (test)', publicKeyPem: keys.publicPem }, admin);
    // B's own subtitle stays B's.
    await b.app.invoke(
      'community.save',
      { language: 'jrai', key: uiKey('queue:kiosk.subtitle'), text: placeholder(20), translatorId: b.speaker.memberId },
      b.leader,
    );
    // One changed byte in the archive's manifest breaks the signature.
    const archive = JSON.parse(pack.toString('utf8'));
    const manifest = JSON.parse(Buffer.from(archive.manifest, 'base64').toString('utf8'));
    const forged = {
      ...archive,
      manifest: Buffer.from(JSON.stringify({ ...manifest, issuer: 'Someone else' })).toString('base64'),
    };
    expect(
      await errorOf(
        b.app.invoke(
          'community.importPack',
          { ...input, base64: Buffer.from(JSON.stringify(forged)).toString('base64') },
          admin,
        ),
      ),
    ).toMatchObject({ params: { reason: 'bad_signature' } });

    expect(await b.app.invoke('community.importPack', input, admin)).toEqual({ version: 1, added: 1, kept: 1 });
    const texts = (await b.app.invoke('community.texts', { language: 'jrai' }, kiosk)).entries;
    expect(texts).toEqual([
      {
        language: 'jrai',
        key: uiKey('queue:kiosk.subtitle'),
        text: placeholder(20),
        translatorName: 'Speaker One',
        reviewed: false,
        reviewerName: null,
        hasAudio: false,
        origin: 'local',
        sourceCommune: null,
      },
      {
        language: 'jrai',
        key: uiKey('queue:kiosk.title'),
        text: placeholder(10),
        translatorName: 'Speaker One',
        reviewed: true,
        reviewerName: 'Speaker Two',
        hasAudio: true,
        origin: 'pack',
        sourceCommune: 'Xã Ia Grai',
      },
    ]);
    const audio = await b.app.invoke('community.audio', { language: 'jrai', key: uiKey('queue:kiosk.title') }, kiosk);
    expect(Buffer.from(audio.base64, 'base64').equals(webm(3000, 7))).toBe(true);
    expect(await errorOf(b.app.invoke('community.importPack', input, admin))).toMatchObject({
      params: { reason: 'not_newer' },
    });
    expect((await b.app.invoke('community.packs', {}, b.leader)).packs).toMatchObject([
      { version: 1, items: 2, issuer: 'Tỉnh Đoàn Gia Lai (test)' },
    ]);
  });

  it('refuses a signed pack whose sound file is not audio, or whose listed hash does not match', async () => {
    const b = await point();
    const admin = await signInAs(b.app, 'admin');
    await b.app.invoke('guides.addKey', { label: 'Province content team (test)', publicKeyPem: keys.publicPem }, admin);
    const signed = (data: Buffer, listedSha = sha256Hex(data)) => {
      const path = audioPath(listedSha, 'audio/webm');
      const manifest: CommunityManifest = {
        packVersion: 3,
        issued: '2026-11-26',
        issuer: 'Test',
        files: [{ path, bytes: data.length, sha256: listedSha }],
        items: [
          {
            language: 'jrai',
            key: uiKey('queue:kiosk.title'),
            text: placeholder(30),
            translatorName: 'X',
            reviewerName: null,
            sourceCommune: 'Y',
            audio: path,
          },
        ],
      };
      const pack = buildSignedArchive(
        COMMUNITY_PACK_FORMAT,
        Buffer.from(JSON.stringify(manifest)),
        new Map([[path, data]]),
        keys.privatePem,
      );
      return { fileName: 'p.dhscommunity', base64: pack.toString('base64') };
    };
    const script = Buffer.from('<script>alert(1)</script>'.repeat(40));
    expect(await errorOf(b.app.invoke('community.importPack', signed(script), admin))).toMatchObject({
      params: { reason: 'file_type' },
    });
    expect(
      await errorOf(b.app.invoke('community.importPack', signed(webm(), sha256Hex(webm(4000, 9))), admin)),
    ).toMatchObject({ params: { reason: 'hash_mismatch' } });
    expect((await b.app.invoke('community.texts', { language: 'jrai' }, kiosk)).entries).toEqual([]);
    expect(await b.app.db.selectFrom('community_pack').select('version').execute()).toEqual([]);
  });
});

describe('the province tool', () => {
  it('signs submissions from files into a pack a point installs', async () => {
    const { mkdtempSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { main } = await import('#province/community-pack');
    const a = await point();
    await a.app.invoke(
      'community.save',
      {
        language: 'bahnar',
        key: uiKey('queue:kiosk.title'),
        text: placeholder(40),
        translatorId: (
          await signInAs(a.app, 'duty_member', { fullName: 'Bahnar Speaker', languages: ['vi', 'bahnar'] })
        ).memberId,
      },
      a.leader,
    );
    const dir = mkdtempSync(join(tmpdir(), 'dhs-community-'));
    try {
      const file = await a.app.invoke('community.exportSubmission', {}, a.leader);
      writeFileSync(join(dir, 'a.json'), Buffer.from(file.base64, 'base64'));
      writeFileSync(join(dir, 'key.pem'), keys.privatePem);
      main([
        'sign',
        '--key',
        join(dir, 'key.pem'),
        '--version',
        '2',
        '--issuer',
        'Test issuer',
        '--out',
        join(dir, 'p.dhscommunity'),
        join(dir, 'a.json'),
      ]);
      const b = await point();
      const admin = await signInAs(b.app, 'admin');
      await b.app.invoke('guides.addKey', { label: 'Province (test)', publicKeyPem: keys.publicPem }, admin);
      const result = await b.app.invoke(
        'community.importPack',
        { fileName: 'p.dhscommunity', base64: readFileSync(join(dir, 'p.dhscommunity')).toString('base64') },
        admin,
      );
      expect(result).toEqual({ version: 2, added: 1, kept: 0 });
      expect((await b.app.invoke('community.texts', { language: 'bahnar' }, kiosk)).entries[0]).toMatchObject({
        text: placeholder(40),
        translatorName: 'Bahnar Speaker',
        sourceCommune: 'Xã Ia Grai',
      });
      writeFileSync(join(dir, 'bad.json'), '{"format":"something else"}');
      expect(() =>
        main([
          'sign',
          '--key',
          join(dir, 'key.pem'),
          '--version',
          '3',
          '--issuer',
          'X',
          '--out',
          join(dir, 'q'),
          join(dir, 'bad.json'),
        ]),
      ).toThrow(/not a community submission/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
