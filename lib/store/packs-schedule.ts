/**
 * The daily check of subscriptions by address: switching it on or off, whether the background
 * needs its alarm, and the check of every subscription the alarm runs.
 */
import type { Handlers } from '../messages/router';
import { scheduleTable } from './db';
import { DAY_MS, type PackShared } from './packs-shared';

/** What the background's alarm calls, beside the request handlers. */
export interface PackAlarm {
  /** Checks every enabled subscription that has an address (the scheduled check). */
  checkAll: () => Promise<void>;
  /** True when a scheduled check is wanted: it is on and a subscription has an address. */
  scheduleWanted: () => Promise<boolean>;
}

/** The handler that switches the scheduled check, and what the alarm calls; checks go through `checkPack`. */
export function scheduleHandlers(
  shared: PackShared,
  checkPack: Handlers['checkPack'],
): Pick<Handlers, 'setPackSchedule'> & PackAlarm {
  const { ctx } = shared;
  const { db } = ctx;
  return {
    async setPackSchedule({ enabled }) {
      await shared.readyToWrite();
      const at = ctx.now();
      await db.transaction('rw', db.meta, db.packs, async () => {
        await scheduleTable(db).put({ key: 'packSchedule', enabled });
        for (const row of await db.packs.toArray())
          await db.packs.update(row.id, {
            nextCheck: enabled && row.url ? Math.max(at, row.lastCheck ?? at) + DAY_MS : undefined,
          });
      });
      shared.packsChanged();
      return { scheduled: enabled };
    },

    async checkAll() {
      await ctx.ready();
      if (ctx.degraded()) return;
      for (const row of await shared.sorted())
        if (row.enabled && row.url) await checkPack({ type: 'checkPack', id: row.id });
    },

    async scheduleWanted() {
      await ctx.ready();
      if (!(await shared.scheduled())) return false;
      return (await db.packs.toArray()).some((p) => p.url !== undefined);
    },
  };
}
