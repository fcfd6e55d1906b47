import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Localized } from '#shared/guides/pack-schema';
import { LocalText } from './LocalText';

async function render(language: 'vi' | 'en', text: Localized): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: language, resources: {}, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(LocalText, { text })));
}

describe('guide text in the screen language', () => {
  it('shows the English text as it is on an English screen', async () => {
    expect(await render('en', { vi: 'Mở ứng dụng VNeID', en: 'Open the VNeID app' })).toBe('Open the VNeID app');
  });

  it('marks the Vietnamese shown in place of a missing English text as Vietnamese', async () => {
    expect(await render('en', { vi: 'Mở ứng dụng VNeID' })).toBe('<span lang="vi">Mở ứng dụng VNeID</span>');
  });

  it('needs no mark on a Vietnamese screen', async () => {
    expect(await render('vi', { vi: 'Mở ứng dụng VNeID', en: 'Open the VNeID app' })).toBe('Mở ứng dụng VNeID');
  });
});
