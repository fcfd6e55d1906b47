import type { Guide } from '../../../shared/guides/pack-schema';
import { searchGuides } from '../../../shared/guides/search';
import type { GuideSummary, GuideView, PackInfo } from '../../../shared/guides/schemas';
import { AppError } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { activePack, type LoadedPack } from './pack-store';

export function packInfoOf(pack: LoadedPack): PackInfo {
  return { version: pack.version, issued: pack.issued, issuer: pack.issuer, source: pack.source };
}

function summaryOf(g: Guide): GuideSummary {
  return {
    id: g.id, title: g.title, summary: g.summary, helpKind: g.helpKind, procedureKey: g.procedureKey,
    procedureCode: g.procedureCode ?? null, stepCount: g.steps.length, languages: g.languages, verified: g.verified,
  };
}

export async function listGuides(ctx: CoreContext, query: string | undefined) {
  const pack = await activePack(ctx.db, ctx.dataDir);
  const guides = query?.trim()
    ? searchGuides(pack.index, query).map((hit) => pack.byId.get(hit.id)!)
    : pack.guides;
  return { pack: packInfoOf(pack), guides: guides.map(summaryOf) };
}

export async function getGuide(ctx: CoreContext, id: string): Promise<GuideView> {
  const pack = await activePack(ctx.db, ctx.dataDir);
  const found = pack.byId.get(id);
  if (!found) throw new AppError('not_found');
  const pictures: Record<string, string> = {};
  for (const step of found.steps) {
    pictures[step.picture] ??= `data:image/svg+xml;base64,${Buffer.from(pack.pictures.get(`${id}/${step.picture}`)!).toString('base64')}`;
  }
  // What is still unverified is for staff to weigh, not for a citizen at the kiosk.
  const guide = ctx.caller.role === 'citizen' ? { ...found, unverifiedNotes: [] } : found;
  const hasVideo = found.steps.some((s) => s.video);
  return { pack: packInfoOf(pack), guide, pictures, videoBase: hasVideo && pack.folder ? `/packs/${pack.version}/${id}/` : null };
}
