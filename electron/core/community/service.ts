import { AppError } from '#shared/contract';
import type { CommunityEntry, CommunityLanguage, PublicEntry, SourceItem } from '#shared/community/schemas';
import { guideStepKey, guideTitleKey, isUiKey, parseTextKey } from '#shared/community/keys';
import { uiSources } from '#shared/community/sources';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { activePack, type LoadedPack } from '../guides/pack-store';
import { audit } from '../settings/audit';
import { readAudio, storeAudio, sweepAudio } from './audio-store';
import { parseJsonColumn } from '../json';
import { languagesColumn } from '../team/columns';

function rows(db: Db) {
  return db
    .selectFrom('community_text')
    .leftJoin('community_audio', 'community_audio.sha256', 'community_text.audio_sha256')
    .selectAll('community_text')
    .select(['community_audio.mime as audio_mime', 'community_audio.bytes as audio_bytes']);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;

function publicOf(r: Row): PublicEntry {
  return {
    language: r.language,
    key: r.key,
    text: r.text,
    translatorName: r.translator_name,
    reviewed: r.reviewer_name !== null,
    reviewerName: r.reviewer_name,
    hasAudio: r.audio_sha256 !== null,
    origin: r.origin,
    sourceCommune: r.source_commune,
  };
}

function entryOf(r: Row): CommunityEntry {
  return {
    ...publicOf(r),
    translatorId: r.translator_id,
    reviewerId: r.reviewer_id,
    reviewedAt: r.reviewed_at,
    updatedAt: r.updated_at,
    audio: r.audio_sha256 && r.audio_mime ? { mime: r.audio_mime, bytes: Number(r.audio_bytes) } : null,
  };
}

async function findEntry(db: Db, language: CommunityLanguage, key: string): Promise<Row> {
  const row = await rows(db)
    .where('community_text.language', '=', language)
    .where('community_text.key', '=', key)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** Active members who speak the language: only they may be named as translator or reviewer. */
async function speakers(db: Db, language: CommunityLanguage) {
  const members = await db
    .selectFrom('member')
    .select(['id', 'full_name', 'languages'])
    .where('active', '=', 1)
    .orderBy('full_name')
    .execute();
  return members
    .filter((m) => parseJsonColumn(languagesColumn, m.languages).includes(language))
    .map((m) => ({ id: m.id, fullName: m.full_name }));
}

async function speaker(db: Db, language: CommunityLanguage, memberId: number, field: string) {
  const found = (await speakers(db, language)).find((s) => s.id === memberId);
  if (!found) throw new AppError('invalid_input', {}, { [field]: 'community:problems.notSpeaker' });
  return found;
}

/** A guide's title and steps as keys to translate, in the guide's order. */
function guideSources(pack: LoadedPack): SourceItem[] {
  return pack.guides.flatMap((g) => [
    { key: guideTitleKey(g.id), group: 'guide' as const, guideId: g.id, source: g.title.vi },
    ...g.steps.map((s) => ({
      key: guideStepKey(g.id, s.key),
      group: 'guide' as const,
      guideId: g.id,
      source: s.instruction.vi,
    })),
  ]);
}

/** A key this point can show: a citizen-screen sentence, or a title or step of a guide in the pack in use. */
async function requireKnownKey(ctx: CoreContext, key: string): Promise<void> {
  if (isUiKey(key)) return;
  const parsed = parseTextKey(key);
  if (parsed?.kind === 'guide') {
    const guide = (await activePack(ctx.db, ctx)).byId.get(parsed.guideId);
    if (guide && (parsed.step === null || guide.steps.some((s) => s.key === parsed.step))) return;
  }
  throw new AppError('invalid_input', {}, { key: 'community:problems.key' });
}

export async function publicTexts(db: Db, language: CommunityLanguage): Promise<PublicEntry[]> {
  return (await rows(db).where('community_text.language', '=', language).orderBy('community_text.key').execute()).map(
    publicOf,
  );
}

export async function workbench(ctx: CoreContext, language: CommunityLanguage) {
  const pack = await activePack(ctx.db, ctx);
  const entries = await rows(ctx.db)
    .where('community_text.language', '=', language)
    .orderBy('community_text.key')
    .execute();
  return {
    sources: [...uiSources().map((s) => ({ ...s, group: 'ui' as const, guideId: null })), ...guideSources(pack)],
    entries: entries.map(entryOf),
    speakers: await speakers(ctx.db, language),
  };
}

function changed(
  ctx: CoreContext,
  action: string,
  language: string,
  key: string,
  detail: Record<string, unknown> = {},
) {
  ctx.emit('community.changed', {});
  return audit(ctx, `community.${action}`, { language, key, ...detail });
}

/**
 * Write a translation in the name of the member who speaks the language (the leader's screen is
 * where they sit to do it). A changed text is no longer "checked": the check was of the old words.
 */
export async function saveText(
  ctx: CoreContext,
  input: { language: CommunityLanguage; key: string; text: string; translatorId: number },
): Promise<CommunityEntry> {
  await requireKnownKey(ctx, input.key);
  const translator = await speaker(ctx.db, input.language, input.translatorId, 'translatorId');
  const at = ctx.now().toISOString();
  const before = await ctx.db
    .selectFrom('community_text')
    .select(['text'])
    .where('language', '=', input.language)
    .where('key', '=', input.key)
    .executeTakeFirst();
  const reset = !before || before.text !== input.text;
  const values = {
    text: input.text,
    translator_id: translator.id,
    translator_name: translator.fullName,
    origin: 'local' as const,
    source_commune: null,
    pack_version: null,
    updated_at: at,
    updated_by: ctx.caller.memberId,
    ...(reset ? { reviewer_id: null, reviewer_name: null, reviewed_at: null } : {}),
  };
  await ctx.db
    .insertInto('community_text')
    .values({
      language: input.language,
      key: input.key,
      audio_sha256: null,
      reviewer_id: null,
      reviewer_name: null,
      reviewed_at: null,
      ...values,
    })
    .onConflict((oc) => oc.columns(['language', 'key']).doUpdateSet(values))
    .execute();
  await changed(ctx, 'save', input.language, input.key, { translatorId: translator.id });
  return entryOf(await findEntry(ctx.db, input.language, input.key));
}

/** "Checked" means another speaker of the language read it (or listened) and agrees. */
export async function reviewText(
  ctx: CoreContext,
  input: { language: CommunityLanguage; key: string; reviewerId: number | null },
): Promise<CommunityEntry> {
  const entry = await findEntry(ctx.db, input.language, input.key);
  const at = ctx.now().toISOString();
  if (input.reviewerId === null) {
    await ctx.db
      .updateTable('community_text')
      .set({ reviewer_id: null, reviewer_name: null, reviewed_at: null, updated_at: at })
      .where('language', '=', input.language)
      .where('key', '=', input.key)
      .execute();
  } else {
    const reviewer = await speaker(ctx.db, input.language, input.reviewerId, 'reviewerId');
    if (entry.origin === 'local' && reviewer.id === entry.translator_id)
      throw new AppError('invalid_input', {}, { reviewerId: 'community:problems.selfReview' });
    await ctx.db
      .updateTable('community_text')
      .set({ reviewer_id: reviewer.id, reviewer_name: reviewer.fullName, reviewed_at: at, updated_at: at })
      .where('language', '=', input.language)
      .where('key', '=', input.key)
      .execute();
  }
  await changed(ctx, 'review', input.language, input.key, { reviewerId: input.reviewerId });
  return entryOf(await findEntry(ctx.db, input.language, input.key));
}

export async function recordAudio(
  ctx: CoreContext,
  input: { language: CommunityLanguage; key: string; mime: 'audio/webm' | 'audio/ogg'; base64: string },
): Promise<CommunityEntry> {
  await findEntry(ctx.db, input.language, input.key);
  const sha256 = await storeAudio(ctx.db, Buffer.from(input.base64, 'base64'), input.mime);
  await ctx.db
    .updateTable('community_text')
    .set({ audio_sha256: sha256, updated_at: ctx.now().toISOString(), updated_by: ctx.caller.memberId })
    .where('language', '=', input.language)
    .where('key', '=', input.key)
    .execute();
  await sweepAudio(ctx.db);
  await changed(ctx, 'record', input.language, input.key, { sha256 });
  return entryOf(await findEntry(ctx.db, input.language, input.key));
}

export async function removeRecording(
  ctx: CoreContext,
  language: CommunityLanguage,
  key: string,
): Promise<CommunityEntry> {
  await findEntry(ctx.db, language, key);
  await ctx.db
    .updateTable('community_text')
    .set({ audio_sha256: null, updated_at: ctx.now().toISOString() })
    .where('language', '=', language)
    .where('key', '=', key)
    .execute();
  await sweepAudio(ctx.db);
  await changed(ctx, 'removeRecording', language, key);
  return entryOf(await findEntry(ctx.db, language, key));
}

export async function removeText(ctx: CoreContext, language: CommunityLanguage, key: string): Promise<void> {
  await findEntry(ctx.db, language, key);
  await ctx.db.deleteFrom('community_text').where('language', '=', language).where('key', '=', key).execute();
  await sweepAudio(ctx.db);
  await changed(ctx, 'remove', language, key);
}

export async function audioOf(db: Db, language: CommunityLanguage, key: string) {
  const entry = await findEntry(db, language, key);
  if (!entry.audio_sha256) throw new AppError('not_found');
  const { mime, data } = await readAudio(db, entry.audio_sha256);
  return { mime, base64: data.toString('base64') };
}
