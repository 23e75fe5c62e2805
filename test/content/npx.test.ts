import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `npx tayang` as an office's admin runs it: from a shell whose PATH is the machine's own (npm
 * test puts node_modules/.bin first, with the pinned Node 24) and without the npm_* settings npm
 * passes to scripts, on whatever Node installed the project. npm compares the project's own
 * `engines` with that Node when it reads the project afresh, as in a checkout whose
 * node_modules was restored from a cache: `engines` says what installing needs, and the
 * commands themselves run on the pinned Node.
 */
const machinePath = (process.env.PATH ?? '').split(delimiter).filter((entry) => !entry.includes('node_modules')).join(delimiter);
const machineEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), PATH: machinePath };

function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { cwd, env: machineEnv }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }))),
  );
}

describe("npx tayang from the machine's own shell", () => {
  it('speaks Indonesian only: no npm engine warning before the help', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tayang-npx-'));
    await copyFile(join(REPO, 'package.json'), join(dir, 'package.json'));
    for (const shared of ['node_modules', 'scripts']) await symlink(join(REPO, shared), join(dir, shared));
    const { stdout, stderr } = await run('npx', ['--no-install', 'tayang', '--help'], dir).finally(() => rm(dir, { recursive: true, force: true }));
    expect(stdout).toContain('Penggunaan: tayang <perintah>');
    expect(stderr).not.toMatch(/EBADENGINE|npm warn/);
  });
});

describe('installing on an older Node', () => {
  it("prints no English engine warning for a dependency that needs a newer Node, with the project's .npmrc", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tayang-pasang-'));
    try {
      // A dependency whose engines no Node meets, as astro 7 (Node 22+) is on Debian's Node 20.
      await mkdir(join(dir, 'paket'));
      await writeFile(join(dir, 'paket/package.json'), JSON.stringify({ name: 'butuh-node-baru', version: '1.0.0', engines: { node: '>=99' } }));
      const project = join(dir, 'kantor');
      await mkdir(project);
      await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'kantor', version: '1.0.0', private: true, dependencies: { 'butuh-node-baru': 'file:../paket' } }));
      const without = await run('npm', ['install', '--no-audit', '--no-fund'], project);
      expect(`${without.stdout}${without.stderr}`).toContain('EBADENGINE');
      await rm(join(project, 'node_modules'), { recursive: true });
      await copyFile(join(REPO, '.npmrc'), join(project, '.npmrc'));
      const withRc = await run('npm', ['install', '--no-audit', '--no-fund'], project);
      expect(`${withRc.stdout}${withRc.stderr}`).not.toMatch(/EBADENGINE|npm warn/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has every install script of the dependencies reviewed in allowScripts (npm 12 blocks unreviewed ones)', async () => {
    const lock = JSON.parse(await readFile(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const { allowScripts } = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    const withScripts = Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in allowScripts))).toEqual([]);
    // The pinned Node arrives through its own install script.
    expect(allowScripts.node).toBe(true);
  });
});
