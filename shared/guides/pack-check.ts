import { foldVietnamese } from '../text/fold';
import { factBases, localizedFields, type Guide, type GuideStep, type PackHeader } from './pack-schema';

/**
 * Editorial checks on a pack's content, run by `npm run guides-pack -- check` (and bundle, sign)
 * and by the tests on the shipped pack. The schema says a guide is well formed; these say it is
 * honest: pictures agree with their steps (a blind user hears the picture's description), every
 * fact can be traced to a page a reviewer can open, and "checked on" means something was checked.
 */
export interface ContentProblem {
  guide: string;
  rule: ContentRule;
  message: string;
}

export const CONTENT_RULES = [
  'picture-label',
  'picture-state',
  'picture-pointer',
  'screen-quote',
  'source-unused',
  'source-missing',
  'last-checked',
  'checked-future',
  'unsourced-number',
  'code-basis',
  'official-link',
  'handled-by',
  'wording',
] as const;
export type ContentRule = (typeof CONTENT_RULES)[number];

/**
 * Words that describe the outcome of a screen. A picture that shows one of them describes a state;
 * the step's expected screen must say the same, or the picture tells the citizen something else.
 */
const STATE_WORDS = [
  'thanh cong',
  'hoan thanh',
  'da duyet',
  'da duoc duyet',
  'da thanh toan',
  'that bai',
  'bi tu choi',
  'khong thanh cong',
  'bao loi',
  'bi loi',
  'het han',
];

/** Wording the team agreed for citizens (issue 14); each rule names what to write instead. */
const WORDING: { pattern: RegExp; instead: string }[] = [
  {
    pattern: /lao động\s*[–-]\s*xã hội/i,
    instead:
      'the labour–social affairs office no longer exists as such: name the commune or the social insurance office',
  },
  { pattern: /hợp pháp luật/i, instead: '"phù hợp với pháp luật và phong tục"' },
  { pattern: /người đi làm(?! thủ tục)/i, instead: '"người đi làm thủ tục"' },
  {
    pattern: /trung tâm phục vụ hành chính công xã/i,
    instead: '"Bộ phận một cửa của xã/phường" (one name throughout)',
  },
  {
    pattern: /bộ phận một cửa(?: của)? xã(?!\/phường)/i,
    instead: '"Bộ phận một cửa của xã/phường" (25 of the 135 units are wards)',
  },
  { pattern: /(?<!tư pháp – )(?:công chức|cán bộ) hộ tịch/i, instead: '"công chức tư pháp – hộ tịch"' },
];

/** A number followed by a unit a citizen would plan around: money or time. */
const NUMBER_WITH_UNIT = /\d[\d.,]*\s*(đồng|vnd|ngày|giờ|tháng|năm|phút)/i;
const NOT_CONFIRMED = /chưa xác nhận/i;

export function checkGuideContent(
  guide: Guide,
  pictures: ReadonlyMap<string, string>,
  header: Pick<PackHeader, 'issued'>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (rule: ContentRule, message: string) => problems.push({ guide: guide.id, rule, message });

  guide.steps.forEach((step) => {
    const svg = pictures.get(step.picture);
    if (svg === undefined) return; // a missing picture is the pack verifier's refusal, not ours
    checkPicture(step, svg, add);
  });

  const bases = factBases(guide);
  const used = new Set(bases.flatMap((b) => b.basis.sources));
  for (const s of guide.sources)
    if (!used.has(s.id)) add('source-unused', `source ${s.id} backs no fact; link it from a fact's basis or remove it`);
  if (bases.length === 0)
    add('source-missing', 'no fact names a source: every guide needs facts checked against a page a reviewer can open');
  const newest = bases
    .map((b) => b.basis.checked)
    .sort()
    .at(-1);
  if (!newest) {
    add(
      'last-checked',
      `lastChecked ${guide.lastChecked}${guide.lastChecked === header.issued ? ' is the pack date' : ''} but no fact was checked`,
    );
  } else if (guide.lastChecked !== newest) {
    add('last-checked', `lastChecked ${guide.lastChecked} is not the newest check of its facts (${newest})`);
  }
  for (const b of bases)
    if (b.basis.checked > header.issued)
      add(
        'checked-future',
        `${b.path.join('.')}: checked ${b.basis.checked} after the pack's issue date ${header.issued}`,
      );

  for (const { path, text } of unbackedTexts(guide)) {
    if (NUMBER_WITH_UNIT.test(text.vi) && !NOT_CONFIRMED.test(text.vi)) {
      add(
        'unsourced-number',
        `${path}: "${text.vi.slice(0, 60)}" gives a number with no source; add a basis or say "chưa xác nhận"`,
      );
    }
  }
  if (guide.fee && (guide.fee.inPersonVnd !== undefined || guide.fee.onlineVnd !== undefined) && !guide.fee.basis)
    add('unsourced-number', 'fee amounts given without a basis');
  if ((guide.procedureCode || guide.relatedCodes.length) && !guide.codeBasis)
    add('code-basis', 'procedure codes given without a basis');
  if (!guide.officialLink) add('official-link', 'no official link (printed as a QR code on the handout)');
  if (isProcedure(guide) && !guide.handledBy)
    add('handled-by', 'a procedure guide must say who handles it since 1/7/2025');

  for (const { path, text } of localizedFields(guide)) {
    for (const w of WORDING)
      if (w.pattern.test(text.vi))
        add('wording', `${path.join('.')}: "${text.vi.match(w.pattern)![0]}": write ${w.instead}`);
  }
  return problems;
}

/** Every guide of a pack; pictures keyed by pack path (`<guide>/<file>`). */
export function checkPackContent(
  guides: readonly Guide[],
  files: ReadonlyMap<string, string>,
  header: Pick<PackHeader, 'issued'>,
): ContentProblem[] {
  return guides.flatMap((g) => {
    const pictures = new Map<string, string>();
    for (const [path, text] of files) if (path.startsWith(`${g.id}/`)) pictures.set(path.slice(g.id.length + 1), text);
    return checkGuideContent(g, pictures, header);
  });
}

function checkPicture(step: GuideStep, svg: string, add: (rule: ContentRule, message: string) => void): void {
  const shown = svgTexts(svg);
  const pictureText = fold(shown.join(' '));
  const expected = fold(step.screenShows.vi);
  const stepText = fold([step.instruction.vi, step.detail?.vi ?? '', step.screenShows.vi].join(' '));
  const quotes = quoted(step.screenShows.vi);
  if (quotes.length === 0)
    add('screen-quote', `step ${step.key}: screenShows names no label in “quotes”, so its picture cannot be checked`);
  for (const q of quotes) {
    if (!pictureText.includes(fold(q)))
      add('picture-label', `step ${step.key}: the screen should show “${q}” but ${step.picture} does not`);
  }
  for (const word of STATE_WORDS) {
    const re = new RegExp(`(^| )${word}( |$)`);
    if (re.test(pictureText) && !re.test(expected))
      add('picture-state', `step ${step.key}: ${step.picture} says "${word}" but the expected screen does not`);
  }
  for (const label of pointerLabels(svg)) {
    const words = fold(label)
      .split(' ')
      .filter((w) => w.length > 1);
    const found = words.filter((w) => stepText.split(' ').includes(w)).length;
    if (!stepText.includes(fold(label)) && found < Math.ceil(words.length * 0.6)) {
      add('picture-pointer', `step ${step.key}: ${step.picture} points at "${label}", which the step does not mention`);
    }
  }
}

/** Texts a person reads on the picture: each <text> element (tspans joined) and the <title>. */
export function svgTexts(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<(text|title)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    out.push(
      decode(m[2]!.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  return out.filter(Boolean);
}

/**
 * What the picture points at: `<g class="hi" aria-label="…">` around the highlighted part (the
 * yellow box the arrow points to). Pictures without one point at nothing in particular.
 */
export function pointerLabels(svg: string): string[] {
  return [...svg.matchAll(/<g\b(?=[^>]*\bclass="hi")[^>]*\baria-label="([^"]*)"/g)].map((m) => decode(m[1]!));
}

function quoted(text: string): string[] {
  return [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!.trim()).filter(Boolean);
}

function fold(text: string): string {
  return foldVietnamese(text).replace(/y/g, 'i');
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function isProcedure(g: Guide): boolean {
  return !['dvc', 'vneid', 'payment', 'signature', 'smartphone', 'ecommerce', 'scam', 'other'].includes(g.procedureKey);
}

/** Texts of facts that carry no basis (a citizen will see them marked "chưa xác nhận"). */
function unbackedTexts(g: Guide): { path: string; text: { vi: string } }[] {
  const out: { path: string; text: { vi: string } }[] = [];
  const facts: [string, { text: { vi: string }; basis?: unknown } | undefined][] = [
    ['processingTime', g.processingTime],
    ['resultDelivery', g.resultDelivery],
    ['handledBy', g.handledBy],
    ['ask', g.ask],
    ...g.documents.map((d, i) => [`documents.${i}`, d] as [string, typeof d]),
    ...g.prerequisites.map((d, i) => [`prerequisites.${i}`, d] as [string, typeof d]),
  ];
  for (const [path, f] of facts) if (f && !f.basis) out.push({ path, text: f.text });
  if (g.fee && !g.fee.basis) out.push({ path: 'fee.summary', text: g.fee.summary });
  for (const s of g.steps) {
    if (s.basis) continue;
    out.push({ path: `steps.${s.key}.instruction`, text: s.instruction });
    if (s.detail) out.push({ path: `steps.${s.key}.detail`, text: s.detail });
  }
  for (const e of g.commonErrors) if (!e.basis) out.push({ path: `commonErrors.${e.key}.whatToDo`, text: e.whatToDo });
  return out;
}
