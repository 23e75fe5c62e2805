import { describe, expect, it } from 'vitest';
import { checkSshSignature, parseSshPublicKey, type SshPublicKey } from './signature.ts';

// Made with OpenSSH 9.2: `ssh-keygen -t ed25519`, then `ssh-keygen -Y sign -n <namespace>` over MESSAGE.
const OFFICE_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIVbqtt2RqF1lV2Xbo8b3GG5kERv2V7YiLtSBdbBEl2y arsip kecamatan';
const OTHER_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFke95HuX4l+CmX7at3PPEzhfhJGfmUBe2oskYkNJekK pemalsu';
const MESSAGE = Buffer.from('halo\n');
const armor = (lines: string[]) => ['-----BEGIN SSH SIGNATURE-----', ...lines, '-----END SSH SIGNATURE-----', ''].join('\n');
const BY_OFFICE = armor([
  'U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAghVuq23ZGoXWVXZdujxvcYbmQRG',
  '/ZXtiIu1IF1sESXbIAAAAMdGF5YW5nLWFyc2lwAAAAAAAAAAZzaGE1MTIAAABTAAAAC3Nz',
  'aC1lZDI1NTE5AAAAQDZm95+PKhf81oaZLrmYRmMmJC8TXBDvnTMRZZ0GLKZEHRUCS7V9Oa',
  'U8Uw3dM4VK16Y62ZbsavE0LYIbtFUv4QU=',
]);
const BY_OFFICE_SHA256 = armor([
  'U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAghVuq23ZGoXWVXZdujxvcYbmQRG',
  '/ZXtiIu1IF1sESXbIAAAAMdGF5YW5nLWFyc2lwAAAAAAAAAAZzaGEyNTYAAABTAAAAC3Nz',
  'aC1lZDI1NTE5AAAAQBy7e8wtSUdj3PkC6tXvAnexhP1U6CvT9Bp7aAwz9bMigsPS3z7JDt',
  'gzrjrJ4UvPp4ynDMNcKQ7i8EIsN62NSw4=',
]);
const BY_OFFICE_FOR_GIT = armor([
  'U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAghVuq23ZGoXWVXZdujxvcYbmQRG',
  '/ZXtiIu1IF1sESXbIAAAADZ2l0AAAAAAAAAAZzaGE1MTIAAABTAAAAC3NzaC1lZDI1NTE5',
  'AAAAQDHWIdCnA8FiL1AZKZWHSOHD/YmYVXpbE3TxmsyARF/1TEZzYb68IU7Os6Ze69hgYa',
  'OxMkLOrP+mANCZwysmxws=',
]);
const BY_OTHER = armor([
  'U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgWR73ke5fiX4KZftq3c88TOF+Ek',
  'Z+ZQF7aiyRiQ0l6QoAAAAMdGF5YW5nLWFyc2lwAAAAAAAAAAZzaGE1MTIAAABTAAAAC3Nz',
  'aC1lZDI1NTE5AAAAQJK8D6D0uJJnaCXTUQCMj/snzbSNss4l/8kDtufJjV1UcBJuPgfLZx',
  'Sy6R/QYsc2C9tGWUcQWBMxbCehffwcow4=',
]);

function key(line: string): SshPublicKey {
  const parsed = parseSshPublicKey(line);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('parseSshPublicKey', () => {
  it('reads a .pub line with its comment and gives the fingerprint ssh-keygen -l prints', () => {
    const office = key(OFFICE_KEY);
    expect(office.fingerprint).toBe('SHA256:of3em4pXWDE3am5TXtT916dp0Zb6Zwif1D5MtXI1aGM');
    expect(office.comment).toBe('arsip kecamatan');
  });

  it('refuses another key type, a cut-off key and text that is not a key, in Indonesian', () => {
    expect(parseSshPublicKey('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ kantor')).toEqual({ ok: false, message: 'kunci jenis ssh-rsa tidak didukung; arsip ditandatangani dengan kunci ssh-ed25519.' });
    expect(parseSshPublicKey(OFFICE_KEY.slice(0, 60))).toMatchObject({ ok: false, message: expect.stringContaining('rusak') });
    expect(parseSshPublicKey('-----BEGIN OPENSSH PRIVATE KEY-----')).toMatchObject({ ok: false, message: expect.stringContaining('bukan kunci publik SSH') });
  });
});

describe('checkSshSignature', () => {
  const trusted = [key(OFFICE_KEY)];

  it('accepts what ssh-keygen -Y sign -n tayang-arsip made with the office key, with either hash', () => {
    expect(checkSshSignature(MESSAGE, BY_OFFICE, trusted)).toMatchObject({ valid: true, signer: { comment: 'arsip kecamatan' } });
    expect(checkSshSignature(MESSAGE, BY_OFFICE_SHA256, trusted).valid).toBe(true);
    expect(checkSshSignature(MESSAGE, BY_OFFICE, [key(OTHER_KEY), ...trusted]).valid).toBe(true);
  });

  it('refuses the signature once the signed bytes change by one character', () => {
    expect(checkSshSignature(Buffer.from('halo!'), BY_OFFICE, trusted)).toEqual({ valid: false, reason: expect.stringContaining('manifesnya diubah') });
  });

  it('refuses a signature by another key, naming both fingerprints', () => {
    const verdict = checkSshSignature(MESSAGE, BY_OTHER, trusted);
    expect(verdict).toEqual({ valid: false, reason: expect.stringContaining('dibuat dengan kunci lain') });
    expect(verdict.valid === false && verdict.reason).toContain(key(OTHER_KEY).fingerprint);
  });

  it('refuses the office key signing for another purpose (a Git commit)', () => {
    expect(checkSshSignature(MESSAGE, BY_OFFICE_FOR_GIT, trusted)).toEqual({ valid: false, reason: 'tanda tangan ini dibuat untuk keperluan lain ("git"), bukan untuk arsip Tayang ("tayang-arsip")' });
  });

  it('refuses text that is not an SSH signature, or one with a byte changed', () => {
    expect(checkSshSignature(MESSAGE, 'bukan tanda tangan', trusted)).toMatchObject({ valid: false, reason: expect.stringContaining('bukan tanda tangan SSH') });
    const tampered = BY_OFFICE.replace('U8Uw3dM4', 'U8Uw3dM5');
    expect(checkSshSignature(MESSAGE, tampered, trusted).valid).toBe(false);
    expect(checkSshSignature(MESSAGE, BY_OFFICE.replace('U8Uw3dM4VK16Y62ZbsavE0LYIbtFUv4QU=', ''), trusted).valid).toBe(false);
  });
});
