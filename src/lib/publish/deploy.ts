import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { copyFile, link, lstat, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { Client, type FileEntryWithStats, type SFTPWrapper, type Stats } from 'ssh2';
import type { DeployTarget } from '../config/publikasi.ts';
import { publishRelease, rollbackRelease, type DeployReport, type PathKind, type ReleaseHost, type ReleaseOptions, type RollbackReport } from './releases.ts';

/**
 * Puts the built site (dist/) where the office's config says: a folder on the runner's machine,
 * or a server over rsync/SSH or SFTP, each as a release switched in atomically (releases.ts);
 * S3-compatible object storage is deploy-s3.ts. GitHub Pages is deployed by the workflow's own
 * actions. Every target mirrors dist/: a page withdrawn from the repository disappears from the
 * site too.
 */

/** Every file under a folder, as `/`-separated relative paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

// ---- folder ------------------------------------------------------------------------------

async function sameContent(a: string, b: string): Promise<boolean> {
  const [one, other] = await Promise.all([stat(a), stat(b).catch(() => undefined)]);
  if (!other?.isFile() || one.size !== other.size) return false;
  return (await readFile(a)).equals(await readFile(b));
}

function kindOf(stats: { isSymbolicLink(): boolean; isDirectory(): boolean } | undefined): PathKind {
  if (!stats) return undefined;
  return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'directory' : 'other';
}

type Undoable = (step: () => Promise<void>, undo: () => Promise<void>) => Promise<void>;

/**
 * Runs steps that each say how to undo themselves; when one fails, the ones done are undone
 * (latest first, as far as possible) and the failure goes on.
 */
async function undoingOnFailure(body: (run: Undoable) => Promise<void>): Promise<void> {
  const undo: (() => Promise<void>)[] = [];
  try {
    await body(async (step, back) => {
      await step();
      undo.unshift(back);
    });
  } catch (error) {
    for (const step of undo) await step().catch(() => undefined);
    throw error;
  }
}

/** The runner's own disk (a self-hosted runner on the office's server). */
function localFolderHost(): ReleaseHost {
  return {
    describe: (path) => path,
    kind: async (path) => kindOf(await lstat(path).catch(() => undefined)),
    readLink: (path) => readlink(path),
    list: (dir) => readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error))),
    listFiles,
    makeDirectory: async (path) => void (await mkdir(path, { recursive: true })),
    async upload(dist, files, dir, previous) {
      for (const file of files) {
        const to = join(dir, file);
        await mkdir(dirname(to), { recursive: true });
        // An unchanged file is shared with the served release: five releases of a site full of
        // PDFs and photos then take little more room than one.
        if (previous && (await sameContent(join(dist, file), join(previous, file)))) await link(join(previous, file), to).catch(() => copyFile(join(dist, file), to));
        else await copyFile(join(dist, file), to);
      }
    },
    async switchLink({ target, path, temporary, release, moveAside }) {
      await rm(temporary, { force: true });
      await symlink(target, temporary);
      await undoingOnFailure(async (run) => {
        if (moveAside) await run(() => rename(path, moveAside), () => rename(moveAside, path));
        if (release) await run(() => rename(release.from, release.to), () => rename(release.to, release.from));
        await rename(temporary, path);
      });
      return { atomic: true };
    },
    remove: (path) => rm(path, { recursive: true, force: true }),
  };
}

export function deployToFolder(dist: string, folder: string, options: ReleaseOptions): Promise<DeployReport> {
  return listFiles(dist).then((files) => publishRelease(localFolderHost(), dist, files, folder, options));
}

export function rollbackFolder(folder: string): Promise<RollbackReport> {
  return rollbackRelease(localFolderHost(), folder);
}

// ---- rsync over SSH ----------------------------------------------------------------------

type RsyncTarget = Extract<DeployTarget, { tujuan: 'rsync' }>;

/** The server as rsync and a shell reach it: over SSH in production, a local folder in tests. */
export interface RemoteShell {
  /** rsync's name for a path there: `deploy@web.jenawi.go.id:/var/www/jenawi`. */
  location(path: string): string;
  /** How rsync gets there (`-e "ssh …"`); none for a local folder. */
  rsyncShell: string[];
  /** Runs a POSIX shell script there; resolves with what it printed. */
  run(script: string): Promise<string>;
  rsync(args: string[]): Promise<void>;
}

/** Runs a program; a failure says what the program said (its stderr), not the whole command line. */
async function run(program: string, args: string[]): Promise<string> {
  try {
    return (await promisify(execFile)(program, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    throw new Error(stderr === '' ? (error as Error).message : `${program}: ${stderr}`);
  }
}

export function sshShell(target: RsyncTarget): RemoteShell {
  const ssh = ['-p', String(target.port), '-o', 'BatchMode=yes'];
  return {
    location: (path) => `${target.server}:${path}`,
    rsyncShell: ['-e', ['ssh', ...ssh].join(' ')],
    run: (script) => run('ssh', [...ssh, target.server, script]),
    rsync: async (args) => void (await run('rsync', args)),
  };
}

/** A word for a POSIX shell: single-quoted, `'` written `'\''`. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * rsync's arguments for one release: archive, compress, checksum (CI checkouts have fresh
 * mtimes), into a new folder; `--link-dest` hard-links what the served release already has, so
 * an upload costs only the changed files in transfer and disk. A relative `--link-dest` is
 * relative to the destination, so it is written that way.
 */
export function rsyncArguments(dist: string, shell: Pick<RemoteShell, 'location' | 'rsyncShell'>, dir: string, previous: string | undefined): string[] {
  return [
    '--archive',
    '--compress',
    '--checksum',
    ...(previous ? [`--link-dest=${posix.relative(dir, previous)}`] : []),
    ...shell.rsyncShell,
    `${dist.replace(/\/?$/, '/')}`,
    `${shell.location(dir)}/`,
  ];
}

/** The release steps as shell commands on the server (GNU coreutils: `mv -T`). */
function rsyncHost(shell: RemoteShell): ReleaseHost {
  const q = shellQuote;
  const lines = (text: string) => text.split('\n').filter((line) => line !== '');
  return {
    describe: (path) => shell.location(path),
    kind: async (path) => lines(await shell.run(`if [ -L ${q(path)} ]; then echo link; elif [ -d ${q(path)} ]; then echo directory; elif [ -e ${q(path)} ]; then echo other; fi`))[0] as PathKind,
    readLink: async (path) => (await shell.run(`readlink -- ${q(path)}`)).trim(),
    list: async (dir) => lines(await shell.run(`if [ -d ${q(dir)} ]; then ls -1A -- ${q(dir)}; fi`)),
    listFiles: async (dir) =>
      (await shell.run(`if [ -d ${q(dir)} ]; then cd -- ${q(dir)} && find . -type f -print0; fi`))
        .split('\0')
        .filter((path) => path !== '')
        .map((path) => path.replace(/^\.\//, ''))
        .sort(),
    makeDirectory: async (path) => void (await shell.run(`mkdir -p -- ${q(path)}`)),
    upload: (from, _files, dir, previous) => shell.rsync(rsyncArguments(from, shell, dir, previous)),
    // One script: the steps of the switch follow each other at once, and those done are undone
    // when a later one fails.
    async switchLink({ target, path, temporary, release, moveAside }) {
      const moves: [string, string][] = [...(moveAside ? [[path, moveAside] as [string, string]] : []), ...(release ? [[release.from, release.to] as [string, string]] : []), [temporary, path]];
      const mv = ([from, to]: [string, string]) => `mv -T -- ${q(from)} ${q(to)}`;
      const undo = (done: [string, string][]) => done.map(([from, to]) => `${mv([to, from])}; `).reverse().join('');
      const steps = moves.map((move, i) => `${mv(move)} || { ${undo(moves.slice(0, i))}exit 1; }`);
      await shell.run(`rm -f -- ${q(temporary)} && ln -s -- ${q(target)} ${q(temporary)} || exit 1\n${steps.join('\n')}`);
      return { atomic: true };
    },
    remove: async (path) => void (await shell.run(`rm -rf -- ${q(path)}`)),
  };
}

export async function deployWithRsync(dist: string, target: RsyncTarget, options: ReleaseOptions, shell: RemoteShell = sshShell(target)): Promise<DeployReport> {
  return publishRelease(rsyncHost(shell), dist, await listFiles(dist), target.folder, options);
}

export function rollbackRsync(target: RsyncTarget, shell: RemoteShell = sshShell(target)): Promise<RollbackReport> {
  return rollbackRelease(rsyncHost(shell), target.folder);
}

// ---- SFTP --------------------------------------------------------------------------------

type SftpTarget = Extract<DeployTarget, { tujuan: 'sftp' }>;

export interface SshCredentials {
  /** OpenSSH private key (the TAYANG_SSH_KEY secret). */
  privateKey: string;
  /** known_hosts lines for the server (the TAYANG_SSH_KNOWN_HOSTS secret, from ssh-keyscan). */
  knownHosts: string;
}

/**
 * Whether known_hosts lists this key for this host (plain or hashed `|1|salt|hash` names; a
 * non-standard port is written `[host]:port`). An unknown server is refused: the site's files
 * must not go to whoever answers on that address.
 */
export function hostKeyIsKnown(knownHosts: string, host: string, port: number, key: Buffer): boolean {
  const name = port === 22 ? host : `[${host}]:${port}`;
  const blob = key.toString('base64');
  return knownHosts.split('\n').some((line) => {
    const [hosts, , keyData] = line.trim().split(/\s+/);
    if (!hosts || hosts.startsWith('#') || keyData !== blob) return false;
    return hosts.split(',').some((entry) => {
      const hashed = /^\|1\|([^|]+)\|(.+)$/.exec(entry);
      if (!hashed) return entry === name;
      return createHmac('sha1', Buffer.from(hashed[1]!, 'base64')).update(name).digest('base64') === hashed[2];
    });
  });
}

async function connectSftp(target: SftpTarget, credentials: SshCredentials): Promise<{ sftp: SFTPWrapper; end: () => void }> {
  const [username, host] = target.server.split('@') as [string, string];
  const client = new Client();
  return new Promise((resolve, reject) => {
    client
      .on('ready', () => {
        // A deploy is many small requests, each waiting for its answer: Nagle's algorithm would hold
        // each one back until the last was acknowledged (tens of milliseconds with delayed ACKs).
        client.setNoDelay(true);
        client.sftp((error, sftp) => (error ? reject(error) : resolve({ sftp, end: () => client.end() })));
      })
      .on('error', (error) => reject(new Error(`sambungan SFTP ke ${target.server} gagal: ${error.message}`)))
      .connect({
        host,
        port: target.port,
        username,
        privateKey: credentials.privateKey,
        hostVerifier: (key: Buffer) => hostKeyIsKnown(credentials.knownHosts, host, target.port, key),
        readyTimeout: 30_000,
      });
  });
}

/**
 * ssh2's callback API as promises, for the calls a release needs. A request made after the
 * connection closed would never be answered, so it fails at once.
 */
function sftpCalls(sftp: SFTPWrapper) {
  let closed: Error | undefined;
  for (const event of ['end', 'close']) sftp.once(event, () => (closed = new Error('sambungan SFTP terputus')));
  const call =
    <A extends unknown[], R>(method: (...args: [...A, (error: Error | null | undefined, result?: R) => void]) => void) =>
    (...args: A): Promise<R> =>
      closed ? Promise.reject(closed) : new Promise((resolve, reject) => method.call(sftp, ...args, (error: Error | null | undefined, result?: R) => (error ? reject(error) : resolve(result as R))));
  return {
    lstat: call<[string], Stats>(sftp.lstat),
    stat: call<[string], Stats>(sftp.stat),
    readlink: call<[string], string>(sftp.readlink),
    readdir: call<[string], FileEntryWithStats[]>(sftp.readdir),
    mkdir: call<[string], void>(sftp.mkdir),
    put: call<[string, string], void>(sftp.fastPut),
    rename: call<[string, string], void>(sftp.rename),
    symlink: call<[string, string], void>(sftp.symlink),
    unlink: call<[string], void>(sftp.unlink),
    rmdir: call<[string], void>(sftp.rmdir),
    /**
     * OpenSSH's posix-rename@openssh.com: rename over an existing name in one step (plain SFTP
     * rename refuses an existing target). False when the server does not offer it.
     */
    posixRename: (from: string, to: string) =>
      closed
        ? Promise.reject(closed)
        : new Promise<boolean>((resolve, reject) => {
            try {
              sftp.ext_openssh_rename(from, to, (error) => (error ? reject(error) : resolve(true)));
            } catch {
              resolve(false);
            }
          }),
  };
}

async function listRemote(sftp: ReturnType<typeof sftpCalls>, root: string, dir = ''): Promise<string[]> {
  let entries: FileEntryWithStats[];
  try {
    entries = await sftp.readdir(posix.join(root, dir));
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = dir === '' ? entry.filename : `${dir}/${entry.filename}`;
    if (entry.attrs.isDirectory()) files.push(...(await listRemote(sftp, root, path)));
    else if (entry.attrs.isFile()) files.push(path);
  }
  return files.sort();
}

function sftpHost(target: SftpTarget, connection: SFTPWrapper): ReleaseHost {
  const sftp = sftpCalls(connection);
  const makeDirectory = async (path: string): Promise<void> => {
    if ((await sftp.stat(path).catch(() => undefined))?.isDirectory()) return;
    if (posix.dirname(path) !== path) await makeDirectory(posix.dirname(path));
    await sftp.mkdir(path);
  };
  const remove = async (path: string): Promise<void> => {
    const stats = await sftp.lstat(path).catch(() => undefined);
    if (!stats) return;
    if (!stats.isDirectory()) return sftp.unlink(path);
    for (const entry of await sftp.readdir(path)) await remove(posix.join(path, entry.filename));
    await sftp.rmdir(path);
  };
  return {
    describe: (path) => `sftp://${target.server}:${target.port}${path.startsWith('/') ? '' : '/~/'}${path}`,
    kind: async (path) => kindOf(await sftp.lstat(path).catch(() => undefined)),
    readLink: (path) => sftp.readlink(path),
    list: async (dir) => (await sftp.readdir(dir).catch(() => [])).map((entry) => entry.filename),
    listFiles: (dir) => listRemote(sftp, dir),
    makeDirectory,
    async upload(dist, files, dir) {
      await sftp.mkdir(dir);
      const made = new Set(['']);
      for (const file of files) {
        const parts = file.split('/').slice(0, -1);
        for (let i = 1; i <= parts.length; i++) {
          const sub = parts.slice(0, i).join('/');
          if (made.has(sub)) continue;
          await sftp.mkdir(posix.join(dir, sub));
          made.add(sub);
        }
        await sftp.put(join(dist, file), posix.join(dir, file));
      }
    },
    async switchLink({ target: linkTarget, path, temporary, release, moveAside }) {
      await sftp.unlink(temporary).catch(() => undefined);
      await sftp.symlink(linkTarget, temporary);
      let atomic = true;
      await undoingOnFailure(async (run) => {
        if (moveAside) await run(() => sftp.rename(path, moveAside), () => sftp.rename(moveAside, path));
        if (release) await run(() => sftp.rename(release.from, release.to), () => sftp.rename(release.to, release.from));
        if (await sftp.posixRename(temporary, path)) return;
        // Plain SFTP rename refuses an existing name: the old link goes first.
        atomic = moveAside !== undefined;
        await sftp.unlink(path).catch(() => undefined);
        await sftp.rename(temporary, path);
      });
      return { atomic };
    },
    remove,
  };
}

async function withSftp<T>(target: SftpTarget, credentials: SshCredentials, body: (host: ReleaseHost) => Promise<T>): Promise<T> {
  const { sftp, end } = await connectSftp(target, credentials);
  try {
    return await body(sftpHost(target, sftp));
  } finally {
    end();
  }
}

export async function deployWithSftp(dist: string, target: SftpTarget, credentials: SshCredentials, options: ReleaseOptions): Promise<DeployReport> {
  const files = await listFiles(dist);
  return withSftp(target, credentials, (host) => publishRelease(host, dist, files, target.folder, options));
}

export function rollbackSftp(target: SftpTarget, credentials: SshCredentials): Promise<RollbackReport> {
  return withSftp(target, credentials, (host) => rollbackRelease(host, target.folder));
}
