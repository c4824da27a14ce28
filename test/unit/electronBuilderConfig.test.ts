// Validates electron-builder.yml offline with electron-builder's own loader and schema check, and pins the hardening keys.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { findPrintFont } from '../../electron/core/print/pdfDocument';

const root = path.resolve(__dirname, '..', '..');
const configFile = path.join(root, 'electron-builder.yml');
// js-yaml comes with electron-builder and ships no types; the one function used here is typed by hand.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

type Raw = Record<string, any>;
const raw = yaml.load(readFileSync(configFile, 'utf-8')) as Raw;

async function loadLikeElectronBuilder(): Promise<Raw> {
  return (await getConfig(root, 'electron-builder.yml', null)) as Raw;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own configuration validation (scheme.json, ajv)', async () => {
    const config = await loadLikeElectronBuilder();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is read by electron-builder exactly as written (no preset or parent config mixed in)', async () => {
    const config = await loadLikeElectronBuilder();
    expect(config.extends ?? null).toBeNull();
    expect(config.appId).toBe(raw.appId);
    expect(config.nsis).toEqual(raw.nsis);
    expect(config.electronFuses).toEqual(raw.electronFuses);
  });

  it('the validation really runs: a misspelt key and a wrong type are rejected', async () => {
    const config = await loadLikeElectronBuilder();
    await expect(validateConfiguration({ ...config, npmRebuid: false } as never, new DebugLogger(false))).rejects.toThrow(/unknown property 'npmRebuid'/);
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } } as never, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
    await expect(validateConfiguration({ ...config, asarUnpack: { pattern: '*.node' } } as never, new DebugLogger(false))).rejects.toThrow(/asarUnpack/);
  });

  it('names the product and writes to release/ with resources/ as build resources', () => {
    expect(raw.appId).toBe('cn.courtdesk.app');
    expect(raw.productName).toBe('法院质效台');
    expect(raw.directories).toEqual({ output: 'release/', buildResources: 'resources/' });
  });

  it('never rebuilds native modules against the wrong headers', () => {
    expect(raw.npmRebuild).toBe(false);
  });

  it('packs into asar with native modules unpacked', () => {
    expect(raw.asar).toBe(true);
    expect(raw.asarUnpack).toContain('**/*.node');
  });

  it('ships an allowlist of built files only: no sources, tests or source maps', () => {
    const files = raw.files as string[];
    expect(files).toContain('dist/**/*');
    expect(files).toContain('package.json');
    expect(files).toContain('!dist/**/*.map');
    for (const pattern of files.filter((f) => !f.startsWith('!'))) {
      expect(pattern).toMatch(/^(dist\/|package\.json$)/);
    }
  });

  it('ships the print font and its licence beside the archive, where the core looks for it', () => {
    expect(raw.extraResources).toEqual([{ from: 'resources/fonts/', to: 'fonts/', filter: ['NotoSansSC-Regular.ttf', 'OFL.txt'] }]);
    for (const f of raw.extraResources[0].filter as string[]) expect(existsSync(path.join(root, 'resources', 'fonts', f))).toBe(true);
    // An installed app runs from resources/app.asar/dist/<entry>/; the core walks up from there to resources/fonts/.
    const installed = path.join(root, '.tmp', 'installed', 'resources');
    const entry = path.join(installed, 'app.asar', 'dist', 'electron');
    mkdirSync(path.join(installed, 'fonts'), { recursive: true });
    try {
      writeFileSync(path.join(installed, 'fonts', 'NotoSansSC-Regular.ttf'), '');
      expect(findPrintFont(entry)).toBe(path.join(installed, 'fonts', 'NotoSansSC-Regular.ttf'));
    } finally {
      rmSync(path.join(root, '.tmp', 'installed'), { recursive: true, force: true });
    }
  });

  it('turns the dangerous Electron fuses off and the integrity fuses on', () => {
    expect(raw.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds an NSIS installer that lets the user choose the folder and keeps court data on uninstall', () => {
    expect(raw.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(raw.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
      perMachine: false,
    });
  });

  it('builds deb and AppImage for x64 and arm64 in the Office category', () => {
    expect(raw.linux.category).toBe('Office');
    expect(raw.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('has the icon electron-builder looks for in buildResources', () => {
    const png = readFileSync(path.join(root, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Width and height from the IHDR chunk: Windows icons need at least 256 px.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
  });
});
