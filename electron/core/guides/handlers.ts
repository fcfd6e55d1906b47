import type { guidesMethods } from '#shared/guides/contract';
import type { Handlers } from '../context';
import { addTrustedKey, importPack, packStatus, removeTrustedKey } from './import';
import { getSession, saveSession } from './progress';
import { getGuide, listGuides } from './service';

export const guidesHandlers: Handlers<typeof guidesMethods> = {
  'guides.list': (ctx, input) => listGuides(ctx, input.query),
  'guides.get': (ctx, input) => getGuide(ctx, input.id),
  'guides.session.get': (ctx, input) => getSession(ctx.db, input.ticketId, input.guideId),
  'guides.session.save': (ctx, input) => saveSession(ctx, input),
  'guides.status': (ctx) => packStatus(ctx),
  'guides.addKey': (ctx, input) => addTrustedKey(ctx, input),
  'guides.removeKey': (ctx, input) => removeTrustedKey(ctx, input.keyId),
  'guides.importPack': (ctx, input) => importPack(ctx, input.base64),
};
