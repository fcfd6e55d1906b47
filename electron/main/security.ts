/**
 * The security policy of the Electron shell as plain data and pure functions, so a unit test
 * can check it without an Electron binary (electron docs, tutorial/security.md items 1–20).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Every window gets exactly these: no Node in the page, isolated and sandboxed. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

export type WindowRole = 'staff' | 'kiosk' | 'board';

/**
 * The board is a TV nobody touches: it may play sound without a tap (Chromium's autoplay
 * policy), so calls are heard from the moment it starts. The other windows keep the default.
 */
export function webPreferencesFor(role: WindowRole) {
  return {
    ...SECURE_WEB_PREFERENCES,
    ...(role === 'board' ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
  };
}

/**
 * Permissions a page may get: only the microphone (sound, no camera), only in the staff window,
 * only for our own pages, where the team leader's screen records community translations.
 */
export function isPermissionAllowed(
  permission: string,
  role: WindowRole | undefined,
  url: string,
  mediaTypes: readonly string[] = [],
): boolean {
  return (
    permission === 'media' &&
    role === 'staff' &&
    isTrustedUrl(url) &&
    mediaTypes.length > 0 &&
    mediaTypes.every((t) => t === 'audio')
  );
}

/** Only our own pages, served by our protocol, may be shown or call the core. */
export function isTrustedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Keys that would reload, open developer tools, zoom or quit: dropped in the kiosk window. */
export function isKioskEscapeKey(input: {
  key: string;
  control?: boolean;
  meta?: boolean;
  alt?: boolean;
  shift?: boolean;
}): boolean {
  const key = input.key.toLowerCase();
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (input.alt && key === 'f4') return true;
  if ((input.control || input.meta) && ['r', 'w', 'q', 'n', 't', 'p', 'i', '+', '-', '=', '0'].includes(key))
    return true;
  if ((input.control || input.meta) && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}

/** The staff's way out of the kiosk: Ctrl+Shift+Q asks for the admin PIN on screen. */
export function isKioskExitChord(input: { key: string; control?: boolean; shift?: boolean }): boolean {
  return !!input.control && !!input.shift && input.key.toLowerCase() === 'q';
}
