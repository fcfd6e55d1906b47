import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_RULES, pointerLabels, svgTexts, type ContentRule } from '#shared/guides/pack-check';
import { SOURCE_GUIDES_DIR } from '#core/guides/pack-store';
import { sha256Hex } from '#core/crypto/signing';
import { readPackSource, type PackSource } from '#core/guides/source';
import { checkFolder, contentProblems, ContentRefused } from './guides-pack';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The shipped content with one guide's JSON (and optionally its files) edited. */
function edited(
  id: string,
  edit: (g: Json) => void,
  files: (f: Map<string, Buffer>) => void = () => undefined,
): PackSource {
  const source = readPackSource(SOURCE_GUIDES_DIR);
  const g = JSON.parse(source.files.get(`${id}/guide.json`)!.toString('utf8'));
  edit(g);
  source.files.set(`${id}/guide.json`, Buffer.from(JSON.stringify(g)));
  files(source.files);
  source.manifest = {
    ...source.manifest,
    files: [...source.files].map(([path, data]) => ({ path, sha256: sha256Hex(data), bytes: data.length })),
  };
  return source;
}

function rules(source: PackSource, id: string): ContentRule[] {
  return [
    ...new Set(
      contentProblems(source)
        .filter((p) => p.guide === id)
        .map((p) => p.rule),
    ),
  ];
}

const step = (g: Json, key: string) => g.steps.find((s: Json) => s.key === key);
const stripBases = (value: unknown): void => {
  if (Array.isArray(value)) value.forEach(stripBases);
  else if (value && typeof value === 'object') {
    delete (value as Json).basis;
    delete (value as Json).codeBasis;
    Object.values(value).forEach(stripBases);
  }
};

describe('guides-pack check: content rules', () => {
  it('the shipped pack passes every rule', () => {
    expect(contentProblems(readPackSource(SOURCE_GUIDES_DIR))).toEqual([]);
  });

  it('fails a picture whose text contradicts its step (the old "Kích hoạt thành công" on the security questions)', () => {
    const svgPath = 'vneid-level-1/security-questions.svg';
    const said = edited(
      'vneid-level-1',
      () => undefined,
      (f) => {
        f.set(
          svgPath,
          Buffer.from(
            f.get(svgPath)!.toString('utf8').replace('</svg>', '<text x="10" y="20">Kích hoạt thành công</text></svg>'),
          ),
        );
      },
    );
    expect(rules(said, 'vneid-level-1')).toEqual(['picture-state']);
  });

  it('fails a step whose expected screen names a label the picture does not show', () => {
    const source = edited('vneid-level-1', (g) => {
      step(g, 'password').screenShows.vi = 'Ô “Mật khẩu” và ô “Passcode” trên cùng màn hình.';
    });
    expect(rules(source, 'vneid-level-1')).toEqual(['picture-label']);
  });

  it('fails a picture that points at something the step does not mention', () => {
    const svgPath = 'bank-account-ekyc/set-login.svg';
    const source = edited(
      'bank-account-ekyc',
      () => undefined,
      (f) => {
        f.set(
          svgPath,
          Buffer.from(
            f
              .get(svgPath)!
              .toString('utf8')
              .replace('aria-label="Tên đăng nhập"', 'aria-label="Chọn cách xác thực khác"'),
          ),
        );
      },
    );
    expect(rules(source, 'bank-account-ekyc')).toEqual(['picture-pointer']);
  });

  it('fails a step whose expected screen quotes no label at all', () => {
    const source = edited('track-application', (g) => {
      step(g, 'read-status').screenShows.vi = 'Màn hình chi tiết hồ sơ.';
    });
    expect(rules(source, 'track-application')).toEqual(['screen-quote']);
  });

  it('fails a guide with no checked fact, and says its lastChecked is only the pack date', () => {
    const source = edited('smartphone-basics', (g) => stripBases(g));
    expect(rules(source, 'smartphone-basics').sort()).toEqual(['last-checked', 'source-missing', 'source-unused']);
    const message = contentProblems(source).find(
      (p) => p.guide === 'smartphone-basics' && p.rule === 'last-checked',
    )!.message;
    expect(message).toMatch(/is the pack date but no fact was checked/);
  });

  it('fails a lastChecked that is not the newest check, and a check dated after the pack', () => {
    expect(
      rules(
        edited('land-registration', (g) => {
          g.lastChecked = '2026-01-01';
        }),
        'land-registration',
      ),
    ).toEqual(['last-checked']);
    const future = edited('land-registration', (g) => {
      g.processingTime.basis.checked = '2027-01-01';
      g.lastChecked = '2027-01-01';
    });
    expect(rules(future, 'land-registration')).toEqual(['checked-future']);
  });

  it('fails a source no fact uses', () => {
    const source = edited('education', (g) => {
      g.sources.push({ id: 'stray', kind: 'press', title: 'Một bài báo', url: 'https://example.org/bai' });
    });
    expect(rules(source, 'education')).toEqual(['source-unused']);
  });

  it('fails a time or fee given as fact with no source, unless it says "chưa xác nhận"', () => {
    const bare = edited('building-permit', (g) => {
      g.resultDelivery = {
        text: { vi: 'Nhận giấy phép sau 15 ngày làm việc.', en: 'The permit after 15 working days.' },
      };
    });
    expect(rules(bare, 'building-permit')).toEqual(['unsourced-number']);
    const honest = edited('building-permit', (g) => {
      g.resultDelivery = {
        text: {
          vi: 'Nhận giấy phép sau 15 ngày làm việc (chưa xác nhận).',
          en: 'After 15 working days (not confirmed).',
        },
      };
    });
    expect(rules(honest, 'building-permit')).toEqual([]);
    const fee = edited('building-permit', (g) => {
      g.fee.inPersonVnd = 75000;
    });
    expect(rules(fee, 'building-permit')).toEqual(['unsourced-number']);
  });

  it('fails procedure codes without a basis, a missing official link, and a procedure guide that does not say who handles it', () => {
    expect(
      rules(
        edited('scam-check', (g) => {
          g.procedureCode = '1.000001';
        }),
        'scam-check',
      ),
    ).toEqual(['code-basis']);
    expect(
      rules(
        edited('scam-check', (g) => {
          delete g.officialLink;
        }),
        'scam-check',
      ),
    ).toEqual(['official-link']);
    expect(
      rules(
        edited('permanent-residence', (g) => {
          delete g.handledBy;
        }),
        'permanent-residence',
      ),
    ).toEqual(['handled-by']);
  });

  it('fails the wording the team retired', () => {
    const cases: [string, string][] = [
      ['Nộp tại Bộ phận một cửa xã.', 'one-stop office without /phường'],
      ['Nộp tại Trung tâm Phục vụ hành chính công xã.', 'second name for the one-stop office'],
      ['Cán bộ hộ tịch ký giấy.', 'the civil-status officer'],
      ['Báo cơ quan lao động – xã hội.', 'a dissolved office'],
      ['Tên phải hợp pháp luật, phong tục.', 'wording'],
      ['Người đi làm mang căn cước.', 'the person filing'],
    ];
    for (const [text, why] of cases) {
      const source = edited('birth-registration', (g) => {
        step(g, 'login').detail = { vi: text, en: 'x' };
      });
      expect(rules(source, 'birth-registration'), why).toEqual(['wording']);
    }
  });

  it('covers every rule it declares', () => {
    const tested: ContentRule[] = [
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
    ];
    expect([...tested].sort()).toEqual([...CONTENT_RULES].sort());
  });
});

describe('guides-pack check: the command', () => {
  it('prints FAIL for the bad guide and refuses the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhs-guides-'));
    try {
      cpSync(SOURCE_GUIDES_DIR, dir, { recursive: true, filter: (p) => !p.includes('_tools') });
      const svg = join(dir, 'vneid-level-1', 'security-questions.svg');
      writeFileSync(
        svg,
        readFileSync(svg, 'utf8').replace('</svg>', '<text x="10" y="20">Kích hoạt thành công</text></svg>'),
      );
      const lines: string[] = [];
      expect(() => checkFolder(dir, (l) => lines.push(l))).toThrow(ContentRefused);
      expect(lines.find((l) => l.includes('vneid-level-1'))).toMatch(/^FAIL/);
      expect(lines.filter((l) => l.startsWith('FAIL'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a picture', () => {
  it('reads the texts a person sees and what the arrow points at', () => {
    const svg = readFileSync(join(SOURCE_GUIDES_DIR, 'vneid-level-1', 'register.svg'), 'utf8');
    expect(svgTexts(svg)).toContain('Đăng nhập');
    expect(pointerLabels(svg)).toEqual(['Đăng ký tài khoản mức 1']);
  });
});
