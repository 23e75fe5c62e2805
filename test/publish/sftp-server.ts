import { closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, renameSync, rmdirSync, statSync, symlinkSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import ssh2, { type Attributes, type SFTPWrapper } from 'ssh2';

const { Server, utils } = ssh2;
const { STATUS_CODE } = utils.sftp;

/** What an injected fault does to one request: answer FAILURE, or cut the connection (a runner that dies). */
export type Fault = 'fail' | 'drop' | undefined;

export interface FakeSftp {
  port: number;
  /** The server's public host key blob, for a known_hosts line. */
  hostKey: string;
  hostKeyType: string;
  /** Operations as received, e.g. "OPEN /var/www/index.html", "POSIX-RENAME /a -> /b". */
  log: string[];
  /** Consulted with each operation's log entry before it is carried out. */
  fault?: (entry: string) => Fault;
  close: () => Promise<void>;
}

function attrsOf(stats: Stats): Attributes {
  return { mode: stats.mode, uid: 0, gid: 0, size: stats.size, atime: Math.floor(stats.atimeMs / 1000), mtime: Math.floor(stats.mtimeMs / 1000) };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A VERSION 3 packet listing extensions, as OpenSSH's sftp-server sends it. */
function versionPacket(extensions: Record<string, string>): Buffer {
  const strings = Object.entries(extensions).flatMap(([name, data]) => [name, data].map((text) => {
    const bytes = Buffer.from(text);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  }));
  const body = Buffer.concat([Buffer.from([2, 0, 0, 0, 3]), ...strings]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/** ssh2's server answers INIT with a bare VERSION 3 (no extensions). */
const BARE_VERSION = versionPacket({});

/**
 * ssh2's server cannot list extensions in its VERSION answer, and ssh2's client (like OpenSSH's)
 * uses posix-rename@openssh.com only when the server lists it. This puts OpenSSH's list in the
 * one VERSION packet of this SFTP channel, keeping the channel's window accounting right.
 */
function advertiseExtensions(sftp: SFTPWrapper, extensions: Record<string, string>): void {
  const internals = sftp as unknown as { _protocol: { channelData(id: number, data: Buffer): void }; outgoing: { id: number; window: number } };
  const protocol = internals._protocol;
  const channelData = protocol.channelData;
  const packet = versionPacket(extensions);
  protocol.channelData = function (this: unknown, id: number, data: Buffer) {
    if (id !== internals.outgoing.id || !data.equals(BARE_VERSION)) return channelData.call(this, id, data);
    protocol.channelData = channelData;
    internals.outgoing.window -= packet.length - data.length;
    return channelData.call(this, id, packet);
  };
}

export interface FakeSftpOptions {
  /** Offer posix-rename@openssh.com, as OpenSSH does (default); false for servers without it. */
  posixRename?: boolean;
}

/**
 * A local SSH server whose SFTP subsystem works on a folder (`root` stands for `/`), accepting
 * only the given client key and speaking the real protocol through ssh2. It behaves as OpenSSH's
 * sftp-server does where servers differ: its identification says OpenSSH (so clients send
 * SYMLINK's arguments in OpenSSH's order, target first), plain RENAME refuses an existing target,
 * and posix-rename@openssh.com renames over one. Symlinks are stored as written, so a relative
 * link resolves as it would in a chroot. Enough for a deploy: open/write/close, stat/lstat,
 * mkdir, opendir/readdir, remove/rmdir, realpath, readlink, symlink, rename.
 */
export async function startFakeSftp(root: string, clientPublicKey: string, username: string, options: FakeSftpOptions = {}): Promise<FakeSftp> {
  const hostKeys = utils.generateKeyPairSync('ed25519');
  const allowed = utils.parseKey(clientPublicKey);
  if (allowed instanceof Error) throw allowed;
  const local = (path: string) => join(root, normalize(`/${path}`));
  const fake: FakeSftp = { port: 0, hostKey: '', hostKeyType: '', log: [], close: async () => {} };

  const server = new Server({ hostKeys: [hostKeys.private], ident: 'OpenSSH_9.6' }, (client) => {
    // ssh2 writes a packet in pieces; without this, Nagle's algorithm delays each answer.
    (client as unknown as { setNoDelay(noDelay: boolean): void }).setNoDelay(true);
    client
      // A client that refuses our host key ends the handshake: that is its right, not a failure here.
      .on('error', (error) => fake.log.push(`ERROR ${error.message}`))
      .on('authentication', (ctx) => {
        const key = ctx.method === 'publickey' ? ctx.key : undefined;
        const sameKey = key && key.algo === allowed.type && key.data.length === allowed.getPublicSSH().length && timingSafeEqual(key.data, allowed.getPublicSSH());
        if (ctx.username !== username || !sameKey) return ctx.reject(['publickey']);
        if (ctx.method === 'publickey' && ctx.signature && ctx.blob && allowed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) return ctx.reject(['publickey']);
        ctx.accept();
      })
      .on('ready', () => {
        client.on('session', (accept) => {
          accept().on('sftp', (acceptSftp) => {
            const sftp = acceptSftp();
            if (options.posixRename !== false) advertiseExtensions(sftp, { 'posix-rename@openssh.com': '1' });
            const handles = new Map<number, { fd?: number; dir?: string; listed?: boolean }>();
            let next = 0;
            const handle = (value: { fd?: number; dir?: string }) => {
              const id = next++;
              handles.set(id, value);
              const buffer = Buffer.alloc(4);
              buffer.writeUInt32BE(id);
              return buffer;
            };
            const lookup = (buffer: Buffer) => handles.get(buffer.readUInt32BE(0));
            /** Logs a changing operation, lets an injected fault take it, and answers a failed one as the server would. */
            const carryOut = (id: number, entry: string, body: () => void) => {
              fake.log.push(entry);
              const fault = fake.fault?.(entry);
              if (fault === 'drop') return void client.end();
              if (fault === 'fail') return void sftp.status(id, STATUS_CODE.FAILURE, 'injected failure');
              try {
                body();
              } catch (error) {
                sftp.status(id, (error as NodeJS.ErrnoException).code === 'ENOENT' ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE, (error as Error).message);
              }
            };
            const ok = (id: number) => sftp.status(id, STATUS_CODE.OK);
            sftp
              .on('REALPATH', (id, path) => sftp.name(id, [{ filename: normalize(`/${path}`), longname: path, attrs: {} as Attributes }]))
              .on('STAT', (id, path) => (existsSync(local(path)) ? sftp.attrs(id, attrsOf(statSync(local(path)))) : sftp.status(id, STATUS_CODE.NO_SUCH_FILE)))
              .on('LSTAT', (id, path) => (exists(local(path)) ? sftp.attrs(id, attrsOf(lstatSync(local(path)))) : sftp.status(id, STATUS_CODE.NO_SUCH_FILE)))
              .on('READLINK', (id, path) => carryOut(id, `READLINK ${path}`, () => {
                const target = readlinkSync(local(path));
                sftp.name(id, [{ filename: target, longname: target, attrs: {} as Attributes }]);
              }))
              .on('MKDIR', (id, path) => carryOut(id, `MKDIR ${path}`, () => {
                mkdirSync(local(path));
                ok(id);
              }))
              .on('OPEN', (id, path) => carryOut(id, `OPEN ${path}`, () => sftp.handle(id, handle({ fd: openSync(local(path), 'w') }))))
              .on('WRITE', (id, h, offset, data) => {
                writeSync(lookup(h)!.fd!, data, 0, data.length, offset);
                ok(id);
              })
              .on('FSTAT', (id, h) => sftp.attrs(id, attrsOf(fstatSync(lookup(h)!.fd!))))
              .on('CLOSE', (id, h) => {
                const open = lookup(h);
                if (open?.fd !== undefined) closeSync(open.fd);
                handles.delete(h.readUInt32BE(0));
                ok(id);
              })
              .on('OPENDIR', (id, path) => {
                if (!existsSync(local(path))) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
                sftp.handle(id, handle({ dir: path }));
              })
              .on('READDIR', (id, h) => {
                const open = lookup(h)!;
                if (open.listed) return sftp.status(id, STATUS_CODE.EOF);
                open.listed = true;
                const names = readdirSync(local(open.dir!)).map((name) => ({ filename: name, longname: name, attrs: attrsOf(lstatSync(join(local(open.dir!), name))) }));
                sftp.name(id, names);
              })
              .on('REMOVE', (id, path) => carryOut(id, `REMOVE ${path}`, () => {
                unlinkSync(local(path));
                ok(id);
              }))
              .on('RMDIR', (id, path) => carryOut(id, `RMDIR ${path}`, () => {
                rmdirSync(local(path));
                ok(id);
              }))
              // The client is not OpenSSH, so ssh2 hands the strings over in the order sent;
              // OpenSSH's order is target first, then the link.
              .on('SYMLINK', (id, target, path) => carryOut(id, `SYMLINK ${path} -> ${target}`, () => {
                symlinkSync(target, local(path));
                ok(id);
              }))
              .on('RENAME', (id, from, to) => carryOut(id, `RENAME ${from} -> ${to}`, () => {
                if (exists(local(to))) return void sftp.status(id, STATUS_CODE.FAILURE, 'target exists');
                renameSync(local(from), local(to));
                ok(id);
              }))
              .on('EXTENDED', (id, name, data) => {
                if (name !== 'posix-rename@openssh.com' || options.posixRename === false || !data) return void sftp.status(id, STATUS_CODE.OP_UNSUPPORTED);
                const fromLength = data.readUInt32BE(0);
                const from = data.toString('utf8', 4, 4 + fromLength);
                const to = data.toString('utf8', 8 + fromLength, 8 + fromLength + data.readUInt32BE(4 + fromLength));
                carryOut(id, `POSIX-RENAME ${from} -> ${to}`, () => {
                  renameSync(local(from), local(to));
                  ok(id);
                });
              });
          });
        });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const publicKey = utils.parseKey(hostKeys.public);
  if (publicKey instanceof Error) throw publicKey;
  fake.port = (server.address() as AddressInfo).port;
  fake.hostKey = publicKey.getPublicSSH().toString('base64');
  fake.hostKeyType = publicKey.type;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
