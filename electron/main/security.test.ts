import { describe, expect, it } from 'vitest';
import { resolveAppFile } from './protocol-path';
import {
  isKioskEscapeKey,
  isKioskExitChord,
  isPermissionAllowed,
  isTrustedUrl,
  SECURE_WEB_PREFERENCES,
  webPreferencesFor,
} from './security';

describe('electron security policy', () => {
  it('trusts only app://renderer pages', () => {
    expect(isTrustedUrl('app://renderer/index.html#/kiosk')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'http://127.0.0.1:8420/',
      'https://example.org',
      'app://other/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isTrustedUrl(url), url).toBe(false);
    }
  });

  it('keeps the renderer isolated and sandboxed', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('lets only the board play sound without a touch, every window staying isolated', () => {
    expect(webPreferencesFor('board')).toMatchObject({
      ...SECURE_WEB_PREFERENCES,
      autoplayPolicy: 'no-user-gesture-required',
    });
    for (const role of ['staff', 'kiosk'] as const) {
      expect(webPreferencesFor(role)).toEqual(SECURE_WEB_PREFERENCES);
    }
  });

  it('grants the microphone only to our staff page, for sound only; nothing else to anyone', () => {
    expect(isPermissionAllowed('media', 'staff', 'app://renderer/index.html#/staff/community', ['audio'])).toBe(true);
    expect(isPermissionAllowed('media', 'staff', 'app://renderer/index.html', ['audio', 'video'])).toBe(false);
    expect(isPermissionAllowed('media', 'staff', 'app://renderer/index.html', [])).toBe(false);
    expect(isPermissionAllowed('media', 'kiosk', 'app://renderer/index.html#/kiosk', ['audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'board', 'app://renderer/index.html#/board', ['audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'staff', 'https://example.org/', ['audio'])).toBe(false);
    expect(isPermissionAllowed('media', undefined, 'app://renderer/index.html', ['audio'])).toBe(false);
    for (const other of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal']) {
      expect(isPermissionAllowed(other, 'staff', 'app://renderer/index.html', ['audio']), other).toBe(false);
    }
  });

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppFile('/opt/app/renderer', 'app://renderer/index.html')).toBe('/opt/app/renderer/index.html');
    expect(resolveAppFile('/opt/app/renderer', 'app://renderer/')).toBe('/opt/app/renderer/index.html');
    expect(resolveAppFile('/opt/app/renderer', 'app://renderer/assets/a.js?x=1')).toBe('/opt/app/renderer/assets/a.js');
    // The URL parser already folds a literal '..' back inside the host's root.
    expect(resolveAppFile('/opt/app/renderer', 'app://renderer/../secret')).toBe('/opt/app/renderer/secret');
    expect(resolveAppFile('/opt/app/renderer', 'app://renderer/%2e%2e/%2e%2e/etc/passwd')).toBe(
      '/opt/app/renderer/etc/passwd',
    );
    for (const url of [
      'app://renderer/%2F..%2F..%2Fetc%2Fpasswd',
      'app://renderer/a%5C..%5Cb',
      'app://evil/index.html',
      'app://renderer/%00x',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppFile('/opt/app/renderer', url), url).toBeNull();
    }
  });

  it('drops kiosk escape keys and knows the exit chord', () => {
    expect(isKioskEscapeKey({ key: 'F4', alt: true })).toBe(true);
    expect(isKioskEscapeKey({ key: 'r', control: true })).toBe(true);
    expect(isKioskEscapeKey({ key: 'I', control: true, shift: true })).toBe(true);
    expect(isKioskEscapeKey({ key: 'a' })).toBe(false);
    expect(isKioskExitChord({ key: 'Q', control: true, shift: true })).toBe(true);
    expect(isKioskExitChord({ key: 'q', control: true })).toBe(false);
  });
});
