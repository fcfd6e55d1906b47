import type { communityMethods } from '#shared/community/contract';
import type { Handlers } from '../context';
import { exportSubmission, importCommunityPack, installedPacks } from './pack';
import {
  audioOf,
  publicTexts,
  recordAudio,
  removeRecording,
  removeText,
  reviewText,
  saveText,
  workbench,
} from './service';

export const communityHandlers: Handlers<typeof communityMethods> = {
  'community.texts': async (ctx, { language }) => ({ entries: await publicTexts(ctx.db, language) }),
  'community.audio': (ctx, { language, key }) => audioOf(ctx.db, language, key),
  'community.workbench': (ctx, { language }) => workbench(ctx, language),
  'community.save': (ctx, input) => saveText(ctx, input),
  'community.review': (ctx, input) => reviewText(ctx, input),
  'community.record': (ctx, input) => recordAudio(ctx, input),
  'community.removeRecording': (ctx, { language, key }) => removeRecording(ctx, language, key),
  'community.remove': async (ctx, { language, key }) => (await removeText(ctx, language, key), { ok: true as const }),
  'community.exportSubmission': (ctx) => exportSubmission(ctx),
  'community.packs': (ctx) => installedPacks(ctx),
  'community.importPack': (ctx, { base64 }) => importCommunityPack(ctx, base64),
};
