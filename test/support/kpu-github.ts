import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { startGithubServer, type GithubServer } from './github-server.ts';

export interface KpuGithub {
  readonly server: GithubServer;
  /** The test's working folder: the checkout the command runs in. */
  readonly dir: string;
}

/**
 * The KPU office's repository on the local GitHub, fresh for each test of the file that calls
 * this: the base branch's config (`base1`), the Ketua Divisi team, a working folder that
 * `prepare` fills, and at the end no request the real API would have refused.
 */
export function useKpuGithub(config: string, prefix: string, prepare: (dir: string) => Promise<unknown> = async () => {}): KpuGithub {
  let server: GithubServer | undefined;
  let dir: string | undefined;
  beforeEach(async () => {
    server = await startGithubServer();
    dir = await mkdtemp(join(tmpdir(), prefix));
    await prepare(dir);
    server.setFile('base1', 'tayang.config.yml', config);
    server.setTeam('kpu/ketua-divisi', ['ketua-x']);
  });
  afterEach(async () => {
    expect(server!.violations).toEqual([]);
    await server!.close();
    await rm(dir!, { recursive: true, force: true });
  });
  return {
    get server() {
      return server!;
    },
    get dir() {
      return dir!;
    },
  };
}
