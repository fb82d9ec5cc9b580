/**
 * Messages from the popup to the content script of the active tab. Validated on receipt like the
 * background's union (a page cannot send these: only extension contexts reach a content script's
 * runtime.onMessage).
 */
import * as v from 'valibot';
import { IdSchema } from '../schema';

export const TabRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('pageMentions') }),
  v.strictObject({ type: v.literal('revealMention'), entityId: IdSchema }),
]);

export type TabRequest = v.InferOutput<typeof TabRequestSchema>;

/** What the page mentions, for the popup's "On this page". */
export interface PageMentions {
  host: string;
  disabled: boolean;
  counts: { entityId: string; count: number }[];
}

export interface TabResponseMap {
  pageMentions: PageMentions;
  revealMention: { revealed: boolean };
}

/** Validates a tab message; undefined when it is not one of ours. */
export function parseTabRequest(message: unknown): TabRequest | undefined {
  const result = v.safeParse(TabRequestSchema, message);
  return result.success ? result.output : undefined;
}
