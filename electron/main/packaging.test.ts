import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const builder = readFileSync('electron-builder.yml', 'utf8');
const main = readFileSync('electron/main/windows.ts', 'utf8') + readFileSync('electron/main/index.ts', 'utf8');
const preload = readFileSync('electron/preload/index.ts', 'utf8');

/** A static check of the settings that only a packaged Electron app would otherwise reveal. */
describe('electron packaging and shell settings', () => {
  it('sets the fuses: no run-as-node, no NODE_OPTIONS, no inspect, app only from asar', () => {
    for (const line of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'onlyLoadAppFromAsar: true', 'grantFileProtocolExtraPrivileges: false']) {
      expect(builder).toContain(line);
    }
  });

  it('unpacks native modules, builds a per-machine NSIS installer and Linux AppImage and deb', () => {
    expect(builder).toMatch(/asarUnpack:\s*\n\s*- "\*\*\/\*\.node"/);
    expect(builder).toMatch(/perMachine: true/);
    expect(builder).toMatch(/- AppImage/);
    expect(builder).toMatch(/- deb/);
  });

  it('denies permissions, navigation, new windows and webviews, and serves from a custom protocol', () => {
    expect(main).toContain('setPermissionRequestHandler((contents, permission, callback, details) =>');
    expect(main).toContain('callback(isPermissionAllowed(');
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toContain("'will-navigate'");
    expect(main).toContain("'will-attach-webview'");
    expect(main).toContain('protocol.handle(APP_SCHEME');
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toContain("'content-security-policy': CONTENT_SECURITY_POLICY");
    expect(main).not.toMatch(/file:\/\/.*loadURL|loadFile\(/);
  });

  it('exposes one object from the preload and never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('dhs', bridge)");
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).toContain('satisfies PreloadBridge');
  });
});
