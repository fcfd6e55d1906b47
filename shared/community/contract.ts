import { z } from 'zod';
import { empty, method, ok } from '../contract/define';
import { exportFile } from '../contract/files';
import { ALLOW } from '../contract/roles';
import {
  AUDIO_LIMITS,
  AUDIO_TYPES,
  communityEntry,
  communityLanguage,
  entryRef,
  publicEntry,
  recordInput,
  reviewInput,
  saveInput,
  sourceItem,
} from './schemas';
import { COMMUNITY_PACK_LIMITS } from './pack-format';

const base64Of = (bytes: number) => Math.ceil((bytes * 4) / 3) + 4096;

/**
 * Jrai and Bahnar written and recorded by the team's own speakers: never invented by the app.
 * Citizen screens read them (with who made them and whether they were checked); leaders manage them;
 * they travel to other communes as packs signed by the province.
 */
export const communityMethods = {
  'community.texts': method({
    summary: 'Every community translation in one language, for the kiosk, the guides and the board.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: z.object({ language: communityLanguage }).strict(),
    output: z.object({ entries: z.array(publicEntry) }),
  }),
  'community.audio': method({
    summary: 'The recording of one translation.',
    roles: ALLOW.anyone,
    kind: 'read',
    input: entryRef,
    output: z.object({ mime: z.enum(AUDIO_TYPES), base64: z.string() }),
  }),
  'community.workbench': method({
    summary: 'What there is to translate into a language (Vietnamese source), what is done, who speaks it.',
    roles: ALLOW.leaders,
    kind: 'read',
    input: z.object({ language: communityLanguage }).strict(),
    output: z.object({
      sources: z.array(sourceItem),
      entries: z.array(communityEntry),
      speakers: z.array(z.object({ id: z.number().int(), fullName: z.string() })),
    }),
  }),
  'community.save': method({
    summary: 'Write or correct a translation in the name of the member who speaks the language.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: saveInput,
    output: communityEntry,
  }),
  'community.review': method({
    summary: 'Mark a translation as checked by another speaker of the language (null: not checked).',
    roles: ALLOW.leaders,
    kind: 'write',
    input: reviewInput,
    output: communityEntry,
  }),
  'community.record': method({
    summary: 'Store the recording of a translation (WebM/Ogg from the microphone, size- and type-checked).',
    roles: ALLOW.leaders,
    kind: 'write',
    maxBytes: base64Of(AUDIO_LIMITS.maxBytes),
    input: recordInput,
    output: communityEntry,
  }),
  'community.removeRecording': method({
    summary: 'Delete the recording of a translation; the text stays.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: entryRef,
    output: communityEntry,
  }),
  'community.remove': method({
    summary: 'Delete a translation and its recording; the screens show Vietnamese again.',
    roles: ALLOW.leaders,
    kind: 'write',
    input: entryRef,
    output: ok,
  }),
  'community.exportSubmission': method({
    summary: "A file of this point's own translations and recordings for the province to check and sign.",
    roles: ALLOW.leaders,
    kind: 'read',
    input: empty,
    output: exportFile,
  }),
  'community.packs': method({
    summary: 'Community packs installed from the province.',
    roles: ALLOW.leaders,
    kind: 'read',
    input: empty,
    output: z.object({
      packs: z.array(
        z.object({
          version: z.number().int(),
          issued: z.string(),
          issuer: z.string(),
          keyId: z.string(),
          items: z.number().int(),
          installedAt: z.string(),
        }),
      ),
    }),
  }),
  'community.importPack': method({
    summary: 'Install a community pack signed by the province; translations made here are never overwritten.',
    roles: ALLOW.admin,
    kind: 'write',
    maxBytes: base64Of(COMMUNITY_PACK_LIMITS.fileBytes),
    input: z.object({ fileName: z.string().max(260), base64: z.string().min(1) }).strict(),
    output: z.object({ version: z.number().int(), added: z.number().int(), kept: z.number().int() }),
  }),
} as const;
