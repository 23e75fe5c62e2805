import { z } from 'zod';

/** The JSON of `periksa`/`aksesibilitas --format json` (DESIGN.md §4), read back for merging. */
export const FindingSchema = z.object({
  file: z.string().min(1),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  rule: z.string().regex(/^[a-z0-9]+\/.+/),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  suggestion: z.string().optional(),
});

/** A finding an item's `periksa.abaikan` lets through, with the reason written there. */
export const WaivedFindingSchema = FindingSchema.extend({ reason: z.string().min(1) });

export const CheckReportSchema = z.object({
  files: z.number().int().min(0),
  findings: z.array(FindingSchema),
  /** Added after the first contract: absent when no finding is waived. */
  waived: z.array(WaivedFindingSchema).optional(),
});

export type CheckReport = z.output<typeof CheckReportSchema>;
