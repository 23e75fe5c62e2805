import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * SSH signatures over an archive's MANIFEST.json: the format `ssh-keygen -Y sign` writes (the one
 * Git uses for signed commits), checked here with node:crypto so verifying needs no OpenSSH, while
 * anyone can still check the same signature with `ssh-keygen -Y verify` years later.
 * Only Ed25519 keys: the kind the docs tell offices to make, and one fixed-size signature to parse.
 * Format: https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.sshsig
 */

/**
 * What the signature is for. It is part of the signed bytes, so a signature the same key made for
 * something else (a Git commit, namespace "git") cannot pass as an archive's.
 */
export const SIGNATURE_NAMESPACE = 'tayang-arsip';

const KEY_TYPE = 'ssh-ed25519';
const MAGIC = Buffer.from('SSHSIG');
const HASHES = ['sha256', 'sha512'] as const;
const ARMOR = /-----BEGIN SSH SIGNATURE-----([\s\S]*?)-----END SSH SIGNATURE-----/;

export interface SshPublicKey {
  /** The key in SSH wire format, as it appears inside a signature. */
  blob: Buffer;
  key: KeyObject;
  /** `SHA256:…`, as `ssh-keygen -l` prints it, so people can compare keys by eye. */
  fingerprint: string;
  comment: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** One line of a `.pub` file: `ssh-ed25519 AAAA… komentar`. */
export function parseSshPublicKey(line: string): Parsed<SshPublicKey> {
  const [type = '', base64 = '', ...comment] = line.trim().split(/\s+/);
  if (type !== KEY_TYPE) {
    return { ok: false, message: type.startsWith('ssh-') || type.startsWith('ecdsa-') ? `kunci jenis ${type} tidak didukung; arsip ditandatangani dengan kunci ssh-ed25519.` : 'bukan kunci publik SSH; isinya satu baris berkas .pub yang diawali "ssh-ed25519 ".' };
  }
  const blob = Buffer.from(base64, 'base64');
  const fields = readWireStrings(blob, 2);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || !fields || fields[0]!.toString() !== KEY_TYPE || fields[1]!.length !== 32) {
    return { ok: false, message: 'kunci publik ssh-ed25519 ini rusak (bagian base64-nya terpotong atau berubah).' };
  }
  return { ok: true, value: { blob, key: ed25519Key(fields[1]!), fingerprint: fingerprintOf(blob), comment: comment.join(' ') } };
}

export type SignatureVerdict = { valid: true; signer: SshPublicKey } | { valid: false; reason: string };

/**
 * Whether `armored` (the text of a `.sig` file) is a signature over exactly `message`, made for
 * `SIGNATURE_NAMESPACE` by one of the `trusted` keys. The reason of a refusal is Indonesian.
 */
export function checkSshSignature(message: Buffer, armored: string, trusted: readonly SshPublicKey[]): SignatureVerdict {
  const parsed = parseArmored(armored);
  if (!parsed) return { valid: false, reason: 'berkas tanda tangannya rusak atau bukan tanda tangan SSH (yang dibuat ssh-keygen -Y sign)' };
  if (parsed.namespace !== SIGNATURE_NAMESPACE) {
    return { valid: false, reason: `tanda tangan ini dibuat untuk keperluan lain ("${parsed.namespace}"), bukan untuk arsip Tayang ("${SIGNATURE_NAMESPACE}")` };
  }
  const signer = trusted.find((candidate) => candidate.blob.equals(parsed.publicKey));
  if (!signer) return { valid: false, reason: `tanda tangan dibuat dengan kunci lain (${fingerprintOf(parsed.publicKey)}), bukan kunci kantor (${trusted.map((k) => k.fingerprint).join(', ')})` };
  const signed = Buffer.concat([MAGIC, wireString(parsed.namespace), wireString(parsed.reserved), wireString(parsed.hash), wireString(createHash(parsed.hash).update(message).digest())]);
  if (!verify(null, signed, signer.key, parsed.signature)) {
    return { valid: false, reason: 'tanda tangan tidak cocok dengan MANIFEST.json di dalam arsip: manifesnya diubah (misalnya dihitung ulang) setelah ditandatangani' };
  }
  return { valid: true, signer };
}

function parseArmored(text: string): { publicKey: Buffer; namespace: string; reserved: Buffer; hash: (typeof HASHES)[number]; signature: Buffer } | undefined {
  const body = ARMOR.exec(text)?.[1]?.replace(/\s+/g, '');
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  const blob = Buffer.from(body, 'base64');
  if (blob.length < 10 || !blob.subarray(0, 6).equals(MAGIC) || blob.readUInt32BE(6) !== 1) return undefined;
  const fields = readWireStrings(blob.subarray(10), 5);
  if (!fields) return undefined;
  const [publicKey, namespace, reserved, hash, wrapped] = fields as [Buffer, Buffer, Buffer, Buffer, Buffer];
  const inner = readWireStrings(wrapped, 2);
  const hashName = hash.toString();
  if (!inner || inner[0]!.toString() !== KEY_TYPE || inner[1]!.length !== 64 || !(HASHES as readonly string[]).includes(hashName)) return undefined;
  return { publicKey, namespace: namespace.toString(), reserved, hash: hashName as (typeof HASHES)[number], signature: inner[1]! };
}

/** SSH wire strings (RFC 4251 §5: uint32 length, then the bytes), exactly the given count, nothing after. */
function readWireStrings(data: Buffer, count: number): Buffer[] | undefined {
  const out: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 4 > data.length) return undefined;
    const length = data.readUInt32BE(offset);
    if (offset + 4 + length > data.length) return undefined;
    out.push(data.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return offset === data.length ? out : undefined;
}

function wireString(data: Buffer | string): Buffer {
  const bytes = Buffer.from(data);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function ed25519Key(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
