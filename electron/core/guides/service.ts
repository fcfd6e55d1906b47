import type { Guide } from '#shared/guides/pack-schema';
import { searchGuides } from '#shared/guides/search';
import type { GuideSummary, GuideView, PackInfo } from '#shared/guides/schemas';
import { AppError } from '#shared/contract';
import type { CoreContext } from '../context';
import { activePack, type LoadedPack } from './pack-store';

export function packInfoOf(pack: LoadedPack): PackInfo {
  return { version: pack.version, issued: pack.issued, issuer: pack.issuer, source: pack.source };
}

/** Pictures travel as data: URLs so they show the same in both shells, offline, under the strict CSP. */
function pictureUrl(pack: LoadedPack, guideId: string, file: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(pack.pictures.get(`${guideId}/${file}`)!).toString('base64')}`;
}

function summaryOf(pack: LoadedPack, g: Guide): GuideSummary {
  return {
    id: g.id,
    title: g.title,
    summary: g.summary,
    helpKind: g.helpKind,
    procedureKey: g.procedureKey,
    procedureCode: g.procedureCode ?? null,
    stepCount: g.steps.length,
    languages: g.languages,
    verified: g.verified,
    cover: pictureUrl(pack, g.id, g.cover),
  };
}

export async function listGuides(ctx: CoreContext, query: string | undefined) {
  const pack = await activePack(ctx.db, ctx);
  const guides = query?.trim() ? searchGuides(pack.index, query).map((hit) => pack.byId.get(hit.id)!) : pack.guides;
  return { pack: packInfoOf(pack), guides: guides.map((g) => summaryOf(pack, g)) };
}

export async function getGuide(ctx: CoreContext, id: string): Promise<GuideView> {
  const pack = await activePack(ctx.db, ctx);
  const found = pack.byId.get(id);
  if (!found) throw new AppError('not_found');
  const pictures: Record<string, string> = {};
  for (const file of new Set([
    found.cover,
    ...found.steps.map((s) => s.picture),
    ...(found.walkthrough.poster ? [found.walkthrough.poster] : []),
  ])) {
    pictures[file] = pictureUrl(pack, id, file);
  }
  // Staff notes on what is left to check are for staff; citizens see each unconfirmed fact marked as such.
  const guide = ctx.caller.role === 'citizen' ? { ...found, unverifiedNotes: [] } : found;
  const base = pack.source === 'bundled' ? 'bundled' : String(pack.version);
  return { pack: packInfoOf(pack), guide, pictures, mediaBase: pack.hasMedia ? `/packs/${base}/${id}/` : null };
}
