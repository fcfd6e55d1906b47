import { z } from 'zod';
import { empty, method, ok } from '../contract/define';
import { ALLOW } from '../contract/roles';
import { PACK_LIMITS } from './pack-format';
import { slug } from './pack-schema';
import { guideSession, guideSummary, guideView, packInfo, packStatus, sessionInput, trustedKeyInput } from './schemas';

/** Step-by-step guides: reading (anyone, the kiosk included), guided mode per ticket, pack import. */
export const guidesMethods = {
  'guides.list': method({
    summary: 'Guides of the pack in use; with a query, the ones that match it, best first.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: z.object({ query: z.string().max(200).optional() }).strict(),
    output: z.object({ pack: packInfo, guides: z.array(guideSummary) }),
  }),
  'guides.get': method({
    summary: 'One guide with its pictures.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: z.object({ id: slug }).strict(),
    output: guideView,
  }),
  'guides.session.get': method({
    summary: 'Progress of a guide followed for a ticket (guided mode).',
    roles: ALLOW.staff,
    kind: 'read',
    input: z.object({ ticketId: z.number().int().positive(), guideId: slug }).strict(),
    output: guideSession.nullable(),
  }),
  'guides.session.save': method({
    summary: 'Save the steps done, where the citizen got stuck and which common errors happened.',
    roles: ALLOW.staff,
    kind: 'write',
    input: sessionInput,
    output: guideSession,
  }),
  'guides.status': method({
    summary: 'The pack in use, installed packs and trusted signing keys.',
    roles: ALLOW.admin,
    kind: 'read',
    input: empty,
    output: packStatus,
  }),
  'guides.addKey': method({
    summary: "Trust a public key of the province's content team for signed packs.",
    roles: ALLOW.admin,
    kind: 'write',
    input: trustedKeyInput,
    output: z.object({ keyId: z.string() }),
  }),
  'guides.removeKey': method({
    summary: 'Stop trusting a signing key.',
    roles: ALLOW.admin,
    kind: 'write',
    input: z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
    output: ok,
  }),
  'guides.importPack': method({
    summary: 'Install a newer signed guide pack from a file; the old pack stays if anything is wrong.',
    roles: ALLOW.admin,
    kind: 'write',
    // base64 grows a file by a third; anything larger is refused by the transport before reading.
    maxBytes: Math.ceil((PACK_LIMITS.fileBytes * 4) / 3) + 4096,
    input: z.object({ fileName: z.string().max(260), base64: z.string().min(1) }).strict(),
    output: z.object({ version: z.number().int(), guideCount: z.number().int() }),
  }),
} as const;
