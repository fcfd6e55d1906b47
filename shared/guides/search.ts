import { foldVietnamese } from '../text/fold';
import { GUIDE_LANGUAGES, localizedFields, type Guide, type Localized } from './pack-schema';

/**
 * Guide search that forgives how people type at a kiosk or a busy desk: without diacritics, with
 * "ki"/"ky", small typos, a procedure code, everyday words from the guide's keywords, and the
 * pack's synonyms ("CCCD" = "căn cước" = "chứng minh"). It also says nothing rather than
 * everything: a query must match its meaningful words, common words count for little, and hits far
 * below the best one are dropped, so "con mèo" or "or" find nothing.
 * Pure and index-based, so it runs the same in the core, the bench and the tests.
 */

/** Words that say nothing about which guide is wanted; they may add to a score but are never required. */
const FILLER = new Set([
  // Vietnamese, folded
  'cach',
  'lam',
  'the',
  'nao',
  'toi',
  'muon',
  'can',
  'gi',
  'o',
  'dau',
  'cho',
  'va',
  'cua',
  'thi',
  'la',
  'bi',
  'duoc',
  'khong',
  'minh',
  'em',
  'ban',
  'khi',
  'nhu',
  'voi',
  'de',
  'co',
  'nhung',
  'cac',
  'mot',
  'nay',
  'do',
  'roi',
  'sao',
  'ai',
  'hay',
  'hoi',
  'giup',
  've',
  'tu',
  'den',
  'tren',
  'trong',
  // English
  'how',
  'to',
  'a',
  'an',
  'of',
  'for',
  'my',
  'i',
  'do',
  'in',
  'on',
  'and',
  'what',
  'is',
  'or',
  'the',
  'with',
  'your',
  'you',
  'at',
  'by',
  'if',
  'it',
  'be',
  'can',
  'get',
  'from',
  'me',
  'we',
  'not',
  'no',
  'this',
  'that',
  'are',
  'as',
  'up',
]);

const WEIGHTS = { title: 6, code: 10, keyword: 5, category: 8, summary: 2, audience: 1, body: 1 } as const;
/** A hit scoring under this share of the best hit is noise for the person searching. */
const RELATIVE_CUTOFF = 0.3;
/** Synonym groups become one search word: `~3` stands for any phrase of group 3. */
const CONCEPT = '~';

interface IndexedGuide {
  id: string;
  /** Best weight of each folded token (and synonym concept) in this guide. */
  tokens: Map<string, number>;
  /** Folded title and keywords, for whole-phrase matches. */
  phrases: string[];
  /** Each title's tokens and, per synonym group, how many of them that group's phrase covers. */
  titles: { tokens: string[]; groups: Map<number, number> }[];
  /** The guide's own procedure code first, then related codes (sub-procedures of a bundle). */
  codes: string[];
  /** Whether codes[0] is the guide's own code (a guide may have related codes only). */
  procedureCodeFirst: boolean;
}

export interface SearchIndex {
  guides: IndexedGuide[];
  /** Every distinct plain token, for typo lookups without scanning each guide. */
  vocabulary: string[];
  /** How many guides hold each token: words every guide uses say little. */
  documentFrequency: Map<string, number>;
  /** Synonym phrases as token sequences, longest first, with their group. */
  synonyms: { tokens: string[]; group: number }[];
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

function synonymTable(groups: readonly (readonly string[])[]): SearchIndex['synonyms'] {
  return groups
    .flatMap((terms, group) => terms.map((t) => ({ tokens: tokensOf(t), group })))
    .filter((s) => s.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length);
}

/** Synonym groups whose phrases occur in a token list, and which token positions they cover (longest first). */
function concepts(
  tokens: readonly string[],
  synonyms: SearchIndex['synonyms'],
): { groups: Set<number>; covered: Set<number>; spans: Map<number, number> } {
  const groups = new Set<number>();
  const covered = new Set<number>();
  const spans = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    for (const s of synonyms) {
      if (s.tokens.every((t, k) => tokens[i + k] === t) && !s.tokens.some((_, k) => covered.has(i + k))) {
        groups.add(s.group);
        s.tokens.forEach((_, k) => covered.add(i + k));
        spans.set(s.group, (spans.get(s.group) ?? 0) + s.tokens.length);
        break;
      }
    }
  }
  return { groups, covered, spans };
}

export function buildSearchIndex(
  guides: readonly Guide[],
  synonymGroups: readonly (readonly string[])[] = [],
): SearchIndex {
  const synonyms = synonymTable(synonymGroups);
  const vocabulary = new Set<string>();
  const documentFrequency = new Map<string, number>();
  const indexed = guides.map((g) => {
    const tokens = new Map<string, number>();
    const keep = (token: string, weight: number) => tokens.set(token, Math.max(tokens.get(token) ?? 0, weight));
    const add = (text: string, weight: number) => {
      const words = tokensOf(text);
      for (const t of words) {
        keep(t, weight);
        vocabulary.add(t);
      }
      for (const group of concepts(words, synonyms).groups) keep(`${CONCEPT}${group}`, weight);
    };
    textsOf(g.title).forEach((t) => add(t, WEIGHTS.title));
    g.keywords.forEach((k) => add(k, WEIGHTS.keyword));
    textsOf(g.summary).forEach((t) => add(t, WEIGHTS.summary));
    textsOf(g.audience).forEach((t) => add(t, WEIGHTS.audience));
    for (const { text } of localizedFields(g)) textsOf(text).forEach((t) => add(t, WEIGHTS.body));
    add(g.id.replace(/-/g, ' '), WEIGHTS.keyword);
    // What the guide is about, by kind: "vneid" finds the VNeID guides before those that mention it.
    add(g.helpKind, WEIGHTS.category);
    add(g.procedureKey.replace(/_/g, ' '), WEIGHTS.category);
    for (const t of tokens.keys()) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    const codes = [g.procedureCode, ...g.relatedCodes].filter((c): c is string => !!c);
    const procedureCodeFirst = !!g.procedureCode;
    const titles = textsOf(g.title).map((t) => {
      const words = tokensOf(t);
      return { tokens: words, groups: concepts(words, synonyms).spans };
    });
    return {
      id: g.id,
      tokens,
      codes,
      procedureCodeFirst,
      titles,
      phrases: [...textsOf(g.title), ...g.keywords].map(normalize),
    };
  });
  return { guides: indexed, vocabulary: [...vocabulary], documentFrequency, synonyms };
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

/** Index words a query word may stand for, with how well it matches (1 exact … 0.6 typo). */
function expand(word: string, index: SearchIndex): Map<string, number> {
  const out = new Map<string, number>([[word, 1]]);
  if (word.startsWith(CONCEPT)) return out;
  const typos = allowedTypos(word.length);
  for (const v of index.vocabulary) {
    if (v === word) continue;
    if (word.length >= 3 && v.startsWith(word)) out.set(v, Math.max(out.get(v) ?? 0, 0.8));
    else if (typos && editDistance(word, v, typos) <= typos) out.set(v, Math.max(out.get(v) ?? 0, 0.6));
  }
  return out;
}

/** A word that can qualify a hit: not filler, not a lone letter or a one- or two-digit number. */
function meaningful(word: string): boolean {
  return word.startsWith(CONCEPT) || (!FILLER.has(word) && word.length > 1 && !/^\d{1,2}$/.test(word));
}

/**
 * Share of a guide's title the query names: "thường trú" is all of "Đăng ký thường trú" but a small
 * part of the birth bundle's long title, so the guide about exactly that comes first.
 */
function titleCoverage(g: IndexedGuide, queryTokens: readonly string[], queryGroups: ReadonlySet<number>): number {
  const words = new Set(queryTokens.filter((w) => !w.startsWith(CONCEPT)));
  let best = 0;
  for (const t of g.titles) {
    if (!t.tokens.length) continue;
    let hit = t.tokens.filter((w) => words.has(w)).length;
    for (const group of queryGroups) hit += t.groups.get(group) ?? 0;
    best = Math.max(best, Math.min(1, hit / t.tokens.length));
  }
  return best;
}

/** Inverse document frequency: a word in every guide counts for about a third of a rare one. */
function rarity(index: SearchIndex, token: string): number {
  const n = index.guides.length || 1;
  return Math.log(1 + n / (index.documentFrequency.get(token) ?? n)) / Math.log(1 + n);
}

/**
 * Guides matching the query, best first. A guide must match every meaningful word of a short
 * query (one miss in three is forgiven in longer ones, so a typo or an unknown word does not hide
 * it); a procedure code matches on its own. Hits far below the best are left out.
 */
export function searchGuides(index: SearchIndex, query: string, limit = 12): SearchHit[] {
  const codeQuery = query.trim().match(/^\d?\.?\d{4,6}$/) ? query.trim().replace(/^\./, '') : null;
  const folded = tokensOf(query);
  const { groups, covered } = concepts(folded, index.synonyms);
  const words = [
    ...new Set([...folded.filter((_, i) => !covered.has(i)), ...[...groups].map((g) => `${CONCEPT}${g}`)]),
  ];
  const required = words.filter(meaningful);
  if (!required.length && !codeQuery) return [];
  const allowedMisses = Math.floor(required.length / 3);
  const expansions = new Map(words.map((w) => [w, expand(w, index)]));
  const phrase = normalize(query);
  const hits: SearchHit[] = [];
  for (const g of index.guides) {
    const codeAt = codeQuery
      ? g.codes.findIndex((c) => c === codeQuery || c.endsWith(codeQuery) || c.replace('.', '') === codeQuery)
      : -1;
    const codeHit = codeAt >= 0;
    // The guide whose own code it is comes before a bundle that includes that procedure.
    let score = codeHit ? WEIGHTS.code * (codeAt === 0 && g.procedureCodeFirst ? 3 : 2) : 0;
    let misses = 0;
    for (const word of words) {
      let best = 0;
      for (const [candidate, quality] of expansions.get(word)!) {
        const weight = g.tokens.get(candidate);
        if (weight) best = Math.max(best, weight * quality * rarity(index, candidate));
      }
      score += best;
      if (best === 0 && meaningful(word)) misses++;
    }
    if (phrase.length >= 4 && g.phrases.some((p) => p.includes(phrase))) score += WEIGHTS.title * 2;
    if (score > 0) score += WEIGHTS.title * titleCoverage(g, required, groups);
    if (codeHit || (score > 0 && required.length > 0 && misses <= allowedMisses)) hits.push({ id: g.id, score });
  }
  hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const top = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= top * RELATIVE_CUTOFF).slice(0, limit);
}
