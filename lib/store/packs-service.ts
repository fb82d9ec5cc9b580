/**
 * Subscriptions to signed data packs, in the background: subscribing (by address or from a file)
 * with the publisher's key pinned, checking for a new version, the review of what it would change,
 * and accepting (all or some entities) or rejecting it. A version is verified in full before it is
 * kept for review, and nothing reaches the reader's data until they accept it; a refused version
 * leaves the data as it was and the subscription says why. Downloads go through an injected fetch.
 *
 * The parts: packs-verify (loading and verifying a version), packs-subscribe (subscribing and
 * checking), packs-review (accepting or rejecting), packs-options (the list, its order, switching
 * off, removing), packs-schedule (the daily check); packs-shared and packs-view serve them all.
 */
import type { Handlers } from '../messages/router';
import { optionsHandlers } from './packs-options';
import { reviewHandlers } from './packs-review';
import { scheduleHandlers, type PackAlarm } from './packs-schedule';
import { createShared, type PackContext } from './packs-shared';
import { subscribeHandlers } from './packs-subscribe';

export { PACK_CHECK_MINUTES, type PackContext } from './packs-shared';

type PackRequest =
  | 'listPacks'
  | 'subscribePack'
  | 'checkPack'
  | 'getPackReview'
  | 'acceptPack'
  | 'rejectPack'
  | 'removePack'
  | 'setPackOptions'
  | 'setPackSchedule';

/** The pack handlers, plus what the background's alarm calls. */
export function createPackHandlers(ctx: PackContext): Pick<Handlers, PackRequest> & PackAlarm {
  const shared = createShared(ctx);
  const subscribe = subscribeHandlers(shared);
  return {
    ...subscribe,
    ...reviewHandlers(shared),
    ...optionsHandlers(shared),
    ...scheduleHandlers(shared, subscribe.checkPack),
  };
}
