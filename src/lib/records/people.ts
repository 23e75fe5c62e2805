import { formatNip, officialOf } from '../config/officials.ts';
import type { Config } from '../config/schema.ts';

/**
 * How the approval sheet, the item page and the register name the people in a record. A record
 * keeps logins (the technical trace, never rewritten); the reader sees the official's name and
 * position from the office's current config. A login the config does not name, such as an author
 * who holds no office or an official who has since left, gets a neutral label and never the login:
 * the role an approver acted in, as the record wrote it, or "staf <kantor>" for the one who
 * proposed or published.
 */

export type PeopleConfig = Pick<Config, 'peran' | 'kantor'>;

export interface PersonView {
  /** "Sri Handayani, S.Sos."; absent when the config names nobody for the login. */
  name?: string;
  /** "Kepala Seksi Pelayanan Umum" */
  position?: string;
  /** "19780512 200312 2 004" */
  nip?: string;
  /** For a sentence: "Sri Handayani, S.Sos. (Kepala Seksi Pelayanan Umum)", or the neutral label. */
  label: string;
}

/** The person behind `login`, or `fallback` when the config does not say who that is. */
export function personView(config: PeopleConfig, login: string, fallback: string): PersonView {
  const official = officialOf(config, login);
  if (!official) return { label: fallback };
  return {
    name: official.nama,
    position: official.jabatan,
    ...(official.nip ? { nip: formatNip(official.nip) } : {}),
    label: `${official.nama} (${official.jabatan})`,
  };
}

/** Whoever proposed or published a change: an official by name, anyone else as the office's staff. */
export function staffView(config: PeopleConfig, login: string): PersonView {
  return personView(config, login, `staf ${config.kantor.nama}`);
}

/**
 * An approver in a sentence: "Sri Handayani, S.Sos. (Kepala Seksi Pelayanan Umum), sebagai PPID
 * Pelaksana"; the role alone when the config does not name them; no "sebagai" when the position is
 * the role ("Drs. Hartono, M.Si. (Camat Jenawi)").
 */
export function approverLabel(official: PersonView, role: string): string {
  return official.name === undefined || official.position === role ? official.label : `${official.label}, sebagai ${role}`;
}
