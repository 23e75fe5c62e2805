import type { Config, Role } from './schema.ts';

/**
 * Role members as accounts and as people. Approvals compare accounts (GitHub logins, teams as
 * "@org/slug"); public pages, the approval sheet and the register name people. This is the one
 * place that turns a login into the person the config says owns it.
 */

export interface Official {
  akun: string;
  /** "Sri Handayani, S.Sos." */
  nama: string;
  /** "Kepala Seksi Pelayanan Umum" */
  jabatan: string;
  /** 18 digits, no spaces. */
  nip?: string;
}

/** The role's members as accounts: logins and "@org/slug" teams. */
export function memberAccounts(role: Role): string[] {
  return role.anggota.map((member) => member.akun);
}

/** Members and the stand-ins whose mandate has not ended by `today` (YYYY-MM-DD, office time). */
export function accountsActingOn(role: Role, today: string): string[] {
  return [...new Set([...memberAccounts(role), ...role.pengganti.filter((standIn) => standIn.sampai >= today).map((standIn) => standIn.akun)])];
}

/**
 * The official behind a login (GitHub logins ignore case): the first member or stand-in of any role
 * written out with a name. Undefined for a login the config does not (or no longer) name.
 */
export function officialOf(config: Pick<Config, 'peran'>, login: string): Official | undefined {
  const key = login.toLowerCase();
  for (const role of Object.values(config.peran)) {
    const entries: Partial<Official>[] = [...role.anggota, ...role.pengganti];
    for (const { akun, nama, jabatan, nip } of entries) {
      if (akun?.toLowerCase() !== key || nama === undefined || jabatan === undefined) continue;
      return { akun, nama, jabatan, ...(nip ? { nip } : {}) };
    }
  }
  return undefined;
}

/** "19780512 200312 2 004": birth date, appointment, sex, number, as the NIP is printed. */
export function formatNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
