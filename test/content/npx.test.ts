import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, symlink } from 'node:fs/promises';
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
describe("npx tayang from the machine's own shell", () => {
  it('speaks Indonesian only: no npm engine warning before the help', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tayang-npx-'));
    await copyFile(join(REPO, 'package.json'), join(dir, 'package.json'));
    for (const shared of ['node_modules', 'scripts']) await symlink(join(REPO, shared), join(dir, shared));
    const path = (process.env.PATH ?? '').split(delimiter).filter((entry) => !entry.includes('node_modules')).join(delimiter);
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), PATH: path };
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile('npx', ['--no-install', 'tayang', '--help'], { cwd: dir, env }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }))),
    ).finally(() => rm(dir, { recursive: true, force: true }));
    expect(stdout).toContain('Penggunaan: tayang <perintah>');
    expect(stderr).not.toMatch(/EBADENGINE|npm warn/);
  });
});
