import { describe, expect, it } from 'vitest';
import { guideHandoffHref, parseGuideHandoff } from './handoff';

describe('guide → kiosk hand-off', () => {
  it('carries the kind of help, a logbook procedure and English', () => {
    const href = guideHandoffHref({ helpKind: 'dvc', procedureKey: 'birth' }, 'en');
    expect(href).toBe('#/kiosk/guide?help=dvc&procedure=birth&lang=en');
    expect(parseGuideHandoff(href)).toEqual({ kind: 'dvc', procedure: 'birth', language: 'en' });
  });

  it('leaves out keys that are not logbook procedures and ignores what it does not know', () => {
    expect(guideHandoffHref({ helpKind: 'vneid', procedureKey: 'vneid' }, 'vi')).toBe('#/kiosk/guide?help=vneid');
    expect(parseGuideHandoff('#/kiosk/guide?help=vneid')).toEqual({ kind: 'vneid', procedure: null, language: 'vi' });
    expect(parseGuideHandoff('#/kiosk')).toBeNull();
    expect(parseGuideHandoff('#/staff?help=dvc')).toBeNull();
    expect(parseGuideHandoff('#/kiosk/guide?help=nope&procedure=birth')).toBeNull();
    expect(parseGuideHandoff('#/kiosk/guide?help=dvc&procedure=<script>')).toEqual({
      kind: 'dvc',
      procedure: null,
      language: 'vi',
    });
  });
});
