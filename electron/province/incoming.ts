/**
 * A batch as the province takes it in, whatever format it came in (dhs-batch/2, or /1 from a
 * point not yet upgraded): verified, its categories opened, its personal parts still sealed.
 * What is stored as JSON text is made here, where the file is read (a reader thread for a long
 * run): the store's thread only writes it.
 */
export interface IncomingRecord {
  entity: string;
  ref: string;
  version: number;
  supersedes: number | null;
  day: string;
  late: boolean;
  state: 'recorded' | 'erased' | 'deleted';
  /** The record's clear part, as JSON text. */
  clear: string;
  /** The coded categories opened from the batch's sealed part, as JSON text (`{}` when none). */
  categories: string;
  /** JSON of the sealed part and what opening it needs; null when there is none. */
  personal: string | null;
}

export interface IncomingDay {
  day: string;
  /** Null when the batch only touches the day. `at`/`by` are null for /1, which did not say. */
  closed: { at: string | null; by: 'official' | 'automatic' | null } | null;
  /** The point's totals for the day after this batch (/2); null when the batch gives none. */
  totals: Record<string, number> | null;
}

export interface Incoming {
  format: 'dhs-batch/1' | 'dhs-batch/2';
  hash: string;
  pointUuid: string;
  key: string;
  fingerprint: string;
  communeName: string;
  communeCode: string | null;
  seq: number;
  prev: string;
  batchId: string;
  createdAt: string;
  kind: string;
  records: IncomingRecord[];
  days: IncomingDay[];
  keyChange: { key: string; fingerprint: string } | null;
  /** What the batch said about itself, stored with it (JSON text). */
  head: string;
}

export type Read = { ok: true; batch: Incoming } | { ok: false; reason: string };
