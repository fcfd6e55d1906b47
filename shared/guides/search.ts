import { foldVietnamese } from '../text/fold';
import { GUIDE_LANGUAGES, localizedFields, type Guide, type Localized } from './pack-schema';

/**
 * Guide search that forgives how people type at a kiosk or a busy desk: without diacritics, with
 * "ki"/"ky", small typos, a procedure code, or everyday words from the guide's keywords.
 * Pure and index-based, so it runs the same in the core and in tests.
 */

/** Words that say nothing about which guide is wanted; they may match but are never required. */
const FILLER = new Set([
  'cach', 'lam', 'the', 'nao', 'toi', 'muon', 'can', 'gi', 'o', 'dau', 'cho', 'va', 'cua', 'thi', 'la', 'bi', 'duoc', 'khong', 'minh', 'em', 'ban',
  'how', 'to', 'a', 'an', 'of', 'for', 'my', 'i', 'do', 'in', 'on', 'and', 'what', 'is',
]);

const WEIGHTS = { title: 6, code: 10, keyword: 5, summary: 2, audience: 1, body: 1 } as const;

interface IndexedGuide {
  id: string;
  /** Best weight of each folded token in this guide. */
  tokens: Map<string, number>;
  /** Folded title and keywords, for whole-phrase matches. */
  phrases: string[];
  codes: string[];
}

export interface SearchIndex {
  guides: IndexedGuide[];
  /** Every distinct token, for typo lookups without scanning each guide. */
  vocabulary: string[];
}

export interface SearchHit {
  id: string;
  score: number;
}

/** Folding for matching: also treats y and i alike ("đăng ký" = "đăng kí"). */
function normalize(text: string): string {
  return foldVietnamese(text).replace(/y/g, 'i');
}

function tokensOf(text: string): string[] {
  return normalize(text).split(' ').filter(Boolean);
}

function textsOf(text: Localized | undefined): string[] {
  return text ? GUIDE_LANGUAGES.map((l) => text[l]).filter((t): t is string => !!t) : [];
}

export function buildSearchIndex(guides: readonly Guide[]): SearchIndex {
  const vocabulary = new Set<string>();
  const indexed = guides.map((g) => {
    const tokens = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const t of tokensOf(text)) {
        tokens.set(t, Math.max(tokens.get(t) ?? 0, weight));
        vocabulary.add(t);
      }
    };
    textsOf(g.title).forEach((t) => add(t, WEIGHTS.title));
    g.keywords.forEach((k) => add(k, WEIGHTS.keyword));
    textsOf(g.summary).forEach((t) => add(t, WEIGHTS.summary));
    textsOf(g.audience).forEach((t) => add(t, WEIGHTS.audience));
    for (const { text } of localizedFields(g)) textsOf(text).forEach((t) => add(t, WEIGHTS.body));
    add(g.id.replace(/-/g, ' '), WEIGHTS.keyword);
    const codes = [g.procedureCode, ...g.relatedCodes].filter((c): c is string => !!c);
    return { id: g.id, tokens, codes, phrases: [...textsOf(g.title), ...g.keywords].map(normalize) };
  });
  return { guides: indexed, vocabulary: [...vocabulary] };
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Typos allowed for a word of this length: none for short syllables, where one letter is a new word. */
function allowedTypos(length: number): number {
  return length >= 7 ? 2 : length >= 4 ? 1 : 0;
}

/** Index words a query word may stand for, with how well it matches (1 exact … 0.5 typo). */
function expand(word: string, index: SearchIndex): Map<string, number> {
  const out = new Map<string, number>([[word, 1]]);
  const typos = allowedTypos(word.length);
  for (const v of index.vocabulary) {
    if (v === word) continue;
    if (word.length >= 3 && v.startsWith(word)) out.set(v, Math.max(out.get(v) ?? 0, 0.8));
    else if (typos && editDistance(word, v, typos) <= typos) out.set(v, Math.max(out.get(v) ?? 0, 0.6));
  }
  return out;
}

/**
 * Guides matching the query, best first. A guide must match at least half of the query's
 * meaningful words (so one typo or one unknown word does not hide it); a procedure code matches
 * on its own.
 */
export function searchGuides(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const codeQuery = query.trim().match(/^\d?\.?\d{4,6}$/) ? query.trim().replace(/^\./, '') : null;
  const words = [...new Set(tokensOf(query))];
  if (!words.length) return [];
  const meaningful = words.filter((w) => !FILLER.has(w));
  const required = meaningful.length ? meaningful : words;
  const expansions = new Map(words.map((w) => [w, expand(w, index)]));
  const phrase = normalize(query);
  const hits: SearchHit[] = [];
  for (const g of index.guides) {
    let score = 0;
    let matched = 0;
    if (codeQuery && g.codes.some((c) => c === codeQuery || c.endsWith(codeQuery) || c.replace('.', '') === codeQuery)) score += WEIGHTS.code * 3;
    for (const word of words) {
      let best = 0;
      for (const [candidate, quality] of expansions.get(word)!) {
        const weight = g.tokens.get(candidate);
        if (weight) best = Math.max(best, weight * quality);
      }
      score += best;
      if (best > 0 && required.includes(word)) matched++;
    }
    if (phrase.length >= 4 && g.phrases.some((p) => p.includes(phrase))) score += WEIGHTS.title * 2;
    const coverage = matched / required.length;
    if (score > 0 && (coverage >= 0.5 || (codeQuery && score >= WEIGHTS.code * 3))) hits.push({ id: g.id, score: score * (0.5 + coverage) });
  }
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
