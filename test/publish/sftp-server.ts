import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, rmdirSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import ssh2, { type Attributes } from 'ssh2';

const { Server, utils } = ssh2;
const { STATUS_CODE } = utils.sftp;

export interface FakeSftp {
  port: number;
  /** The server's public host key blob, for a known_hosts line. */
  hostKey: string;
  hostKeyType: string;
  /** Operations as received, e.g. "OPEN /var/www/index.html". */
  log: string[];
  close: () => Promise<void>;
}

function attrsOf(stats: Stats): Attributes {
  return { mode: stats.mode, uid: 0, gid: 0, size: stats.size, atime: Math.floor(stats.atimeMs / 1000), mtime: Math.floor(stats.mtimeMs / 1000) };
}

/**
 * A local SSH server whose SFTP subsystem works on a folder (`root` stands for `/`), accepting
 * only the given client key: enough SFTP (open/write/close, stat, mkdir, opendir/readdir,
 * remove, realpath) for a deploy, speaking the real protocol through ssh2.
 */
export async function startFakeSftp(root: string, clientPublicKey: string, username: string): Promise<FakeSftp> {
  const hostKeys = utils.generateKeyPairSync('ed25519');
  const allowed = utils.parseKey(clientPublicKey);
  if (allowed instanceof Error) throw allowed;
  const log: string[] = [];
  const local = (path: string) => join(root, normalize(`/${path}`));

  const server = new Server({ hostKeys: [hostKeys.private] }, (client) => {
    client
      // A client that refuses our host key ends the handshake: that is its right, not a failure here.
      .on('error', (error) => log.push(`ERROR ${error.message}`))
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
            sftp
              .on('REALPATH', (id, path) => sftp.name(id, [{ filename: normalize(`/${path}`), longname: path, attrs: {} as Attributes }]))
              .on('STAT', (id, path) => (existsSync(local(path)) ? sftp.attrs(id, attrsOf(statSync(local(path)))) : sftp.status(id, STATUS_CODE.NO_SUCH_FILE)))
              .on('LSTAT', (id, path) => (existsSync(local(path)) ? sftp.attrs(id, attrsOf(statSync(local(path)))) : sftp.status(id, STATUS_CODE.NO_SUCH_FILE)))
              .on('MKDIR', (id, path) => {
                log.push(`MKDIR ${path}`);
                if (existsSync(local(path))) return sftp.status(id, STATUS_CODE.FAILURE);
                mkdirSync(local(path));
                sftp.status(id, STATUS_CODE.OK);
              })
              .on('OPEN', (id, path) => {
                log.push(`OPEN ${path}`);
                try {
                  sftp.handle(id, handle({ fd: openSync(local(path), 'w') }));
                } catch {
                  sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
                }
              })
              .on('WRITE', (id, h, offset, data) => {
                writeSync(lookup(h)!.fd!, data, 0, data.length, offset);
                sftp.status(id, STATUS_CODE.OK);
              })
              .on('FSTAT', (id, h) => sftp.attrs(id, attrsOf(fstatSync(lookup(h)!.fd!))))
              .on('CLOSE', (id, h) => {
                const open = lookup(h);
                if (open?.fd !== undefined) closeSync(open.fd);
                handles.delete(h.readUInt32BE(0));
                sftp.status(id, STATUS_CODE.OK);
              })
              .on('OPENDIR', (id, path) => {
                if (!existsSync(local(path))) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE);
                sftp.handle(id, handle({ dir: path }));
              })
              .on('READDIR', (id, h) => {
                const open = lookup(h)!;
                if (open.listed) return sftp.status(id, STATUS_CODE.EOF);
                open.listed = true;
                const names = readdirSync(local(open.dir!)).map((name) => ({ filename: name, longname: name, attrs: attrsOf(statSync(join(local(open.dir!), name))) }));
                sftp.name(id, names);
              })
              .on('REMOVE', (id, path) => {
                log.push(`REMOVE ${path}`);
                unlinkSync(local(path));
                sftp.status(id, STATUS_CODE.OK);
              })
              .on('RMDIR', (id, path) => {
                rmdirSync(local(path));
                sftp.status(id, STATUS_CODE.OK);
              });
          });
        });
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const publicKey = utils.parseKey(hostKeys.public);
  if (publicKey instanceof Error) throw publicKey;
  return {
    port: (server.address() as AddressInfo).port,
    hostKey: publicKey.getPublicSSH().toString('base64'),
    hostKeyType: publicKey.type,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
