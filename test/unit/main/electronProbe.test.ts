import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryFind, electronDisplayMissing } from '../../../main/electronProbe';

async function fakeProject(withBinary: boolean, withPathFile: boolean): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'shiplens-probe-'));
  const pkg = join(root, 'node_modules', 'electron');
  await mkdir(join(pkg, 'dist'), { recursive: true });
  await writeFile(join(pkg, 'package.json'), '{"name":"electron","version":"45.0.0"}');
  if (withPathFile) await writeFile(join(pkg, 'path.txt'), 'electron');
  if (withBinary) await writeFile(join(pkg, 'dist', 'electron'), '');
  return root;
}

describe('electronBinaryFind', () => {
  it('finds an installed binary without running the package', async () => {
    const root = await fakeProject(true, true);
    expect(electronBinaryFind({}, root)).toEqual({ path: join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });
  it('reports a missing binary instead of downloading it', async () => {
    expect(electronBinaryFind({}, await fakeProject(false, true))).toEqual({ reason: 'its binary is not installed' });
    expect(electronBinaryFind({}, await fakeProject(false, false))).toEqual({ reason: 'its binary is not installed' });
  });
  it('reports a missing package', async () => {
    expect(electronBinaryFind({}, await mkdtemp(join(tmpdir(), 'shiplens-empty-')))).toEqual({
      reason: 'the electron package is not installed',
    });
  });
});

describe('electronDisplayMissing', () => {
  it('needs a display on Linux only', () => {
    expect(electronDisplayMissing({}, 'linux')).toBe('no graphical display is available');
    expect(electronDisplayMissing({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(electronDisplayMissing({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(electronDisplayMissing({}, 'darwin')).toBeNull();
  });
});
