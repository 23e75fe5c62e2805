/** The platforms Tayang writes posts for (DESIGN.md §4). Kept apart from the limits so the config schema loads no data files. */
export const PLATFORMS = ['instagram', 'facebook', 'x', 'youtube', 'whatsapp'] as const;
export type Platform = (typeof PLATFORMS)[number];
