import { describe, expect, it } from 'vitest';
import { guideStepKey, guideTitleKey, isUiKey, parseTextKey, UI_TEXT_KEYS, uiKey } from './keys';
import { vietnameseOf } from './sources';

describe('community text keys', () => {
  it('name whole Vietnamese sentences of the citizen screens, none with a placeholder', () => {
    for (const key of UI_TEXT_KEYS) {
      const text = vietnameseOf(key);
      expect(text, key).toBeTruthy();
      expect(text, key).not.toContain('{{');
    }
    expect(new Set(UI_TEXT_KEYS).size).toBe(UI_TEXT_KEYS.length);
  });

  it('parse ui and guide keys and refuse anything else', () => {
    expect(parseTextKey(uiKey('queue:kiosk.title'))).toEqual({ kind: 'ui', i18nKey: 'queue:kiosk.title' });
    expect(parseTextKey(guideTitleKey('vneid-level-1'))).toEqual({
      kind: 'guide',
      guideId: 'vneid-level-1',
      step: null,
    });
    expect(parseTextKey(guideStepKey('vneid-level-1', 'install'))).toEqual({
      kind: 'guide',
      guideId: 'vneid-level-1',
      step: 'install',
    });
    for (const bad of [
      '',
      'ui:',
      'guide:x',
      'guide:../etc:title',
      'ui:queue:kiosk.title;drop',
      'other:queue:kiosk.title',
    ])
      expect(parseTextKey(bad)).toBeNull();
    expect(isUiKey(uiKey('queue:kiosk.title'))).toBe(true);
    expect(isUiKey(uiKey('queue:kiosk.idleWarning'))).toBe(false);
  });
});
