/**
 * The data binding of the "Data sources" tab: asks the background for the subscriptions and acts
 * on them, and asks the browser for the one host permission a subscription by address needs, in
 * the reader's click (permissions.request needs a user gesture).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  DataSources,
  titleOf,
  type SourcesReason,
  type SubscribeInput,
} from '../../components/options/DataSources';
import { PackReview } from '../../components/options/PackReview';
import type { PackOutcome, PackReviewView, PacksOverview } from '../../lib/messages/protocol';
import { fmt, type Lang, type Strings } from '../../lib/i18n';
import { keyFingerprint } from '../../lib/packs/keys';
import { MAX_PACK_BYTES } from '../../lib/packs/format';
import { isLoopbackUrl, originPattern, parsePackUrl } from '../../lib/packs/fetch';
import { request } from '../../utils/messaging';

/** Asks for the host permission of a pack address (none for the loopback development exception). */
function askPermission(url: URL): Promise<boolean> {
  // A pack on this machine is the development exception: its server must allow the extension's
  // origin (CORS), as no permission is asked for it.
  if (isLoopbackUrl(url)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [originPattern(url)] });
}

const fingerprintOf = (key: string) => keyFingerprint(key).catch(() => null);

/** Reads a pack file, refusing one over the limit before reading it. */
async function readPack(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_PACK_BYTES)
    return {
      ok: false,
      message: `The file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_PACK_BYTES / 1e6} MB.`,
    };
  return { ok: true, text: await file.text() };
}

/** The "Data sources" tab with its data. */
export function DataSourcesTab({
  strings,
  lang,
  revision,
  fail,
  onStatus,
}: {
  strings: Strings;
  lang: Lang;
  revision: number;
  fail: (e: unknown) => void;
  onStatus: (text: string) => void;
}) {
  const t = strings.sources;
  const [overview, setOverview] = useState<PacksOverview | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [subscribeError, setSubscribeError] = useState<{ reason: SourcesReason; message: string } | null>(
    null,
  );
  const [review, setReview] = useState<PackReviewView | null>(null);
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);

  useEffect(() => {
    let stale = false;
    request({ type: 'listPacks' }).then((o) => !stale && setOverview(o), fail);
    return () => {
      stale = true;
    };
  }, [revision, tick]);

  const openReview = async (id: string) => {
    setReview(await request({ type: 'getPackReview', id }));
    requestAnimationFrame(() => document.getElementById('review-title')?.focus());
  };

  const subscribe = (input: SubscribeInput, publicKey: string) => {
    setSubscribeError(null);
    const refuse = (reason: SourcesReason, message: string) => setSubscribeError({ reason, message });
    let sent: Promise<PackOutcome | null>;
    if ('url' in input) {
      const parsed = parsePackUrl(input.url);
      if (!parsed.ok) return refuse('address', parsed.message);
      // Called before anything is awaited, so the request still counts as the reader's gesture.
      const permitted = askPermission(parsed.url);
      setBusy('subscribe');
      sent = permitted.then((granted) => {
        if (granted) return request({ type: 'subscribePack', url: parsed.url.href, publicKey });
        refuse('permission', parsed.url.host);
        return null;
      });
    } else {
      setBusy('subscribe');
      sent = readPack(input.file).then((read) => {
        if (read.ok) return request({ type: 'subscribePack', text: read.text, publicKey });
        refuse('oversized', read.message);
        return null;
      });
    }
    sent
      .then(async (outcome) => {
        if (!outcome) return;
        if (!outcome.ok) return refuse(outcome.reason, outcome.message);
        onStatus(fmt(t.subscribed, { title: titleOf(outcome.pack) }));
        reload();
        await openReview(outcome.pack.id);
      })
      .catch((e: unknown) => refuse('failed', e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(null));
  };

  const reportCheck = (outcome: PackOutcome, fallbackTitle: string) => {
    const title = outcome.pack ? titleOf(outcome.pack) : fallbackTitle;
    if (!outcome.ok)
      onStatus(fmt(t.checkFailed, { title, reason: t.reasons[outcome.reason] ?? outcome.reason }));
    else onStatus(fmt(outcome.upToDate ? t.upToDate : t.newVersion, { title }));
    reload();
  };

  const check = (id: string, file?: File) => {
    const pack = overview?.packs.find((p) => p.id === id);
    if (!pack) return;
    const url = pack.url && !file ? parsePackUrl(pack.url) : undefined;
    // Asked again in the click: the reader may have withdrawn the permission in the browser's
    // settings (no prompt shows when it is still granted).
    const permitted = url?.ok ? askPermission(url.url) : Promise.resolve(true);
    setBusy(id);
    permitted
      .then(async (granted) => {
        if (!granted)
          return onStatus(fmt(t.checkFailed, { title: titleOf(pack), reason: t.reasons.permission }));
        if (file) {
          const read = await readPack(file);
          if (!read.ok)
            return onStatus(fmt(t.checkFailed, { title: titleOf(pack), reason: t.reasons.oversized }));
          return reportCheck(await request({ type: 'checkPack', id, text: read.text }), titleOf(pack));
        }
        reportCheck(await request({ type: 'checkPack', id }), titleOf(pack));
      })
      .catch(fail)
      .finally(() => setBusy(null));
  };

  const decide = async (decision: 'all' | string[] | 'reject') => {
    if (!review) return;
    setBusy('review');
    try {
      if (decision === 'reject') {
        await request({ type: 'rejectPack', id: review.id, key: review.key });
        onStatus(fmt(t.rejected, { title: review.title, version: review.toVersion }));
      } else {
        const outcome = await request({
          type: 'acceptPack',
          id: review.id,
          key: review.key,
          entities: decision,
        });
        if (!outcome.ok)
          return onStatus(
            fmt(t.changeFailed, {
              title: review.title,
              reason: t.reasons[outcome.reason],
              message: outcome.message,
            }),
          );
        onStatus(fmt(t.accepted, { title: review.title, version: review.toVersion }));
      }
      setReview(null);
      reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (id: string) => {
    const pack = overview?.packs.find((p) => p.id === id);
    if (!pack) return;
    await request({ type: 'removePack', id });
    if (review?.id === id) setReview(null);
    // The host permission goes with the last subscription that needed it.
    const url = pack.url ? parsePackUrl(pack.url) : undefined;
    if (url?.ok && !isLoopbackUrl(url.url)) {
      const pattern = originPattern(url.url);
      const stillUsed = overview?.packs.some((p) => {
        if (p.id === id || !p.url) return false;
        const other = parsePackUrl(p.url);
        return other.ok && originPattern(other.url) === pattern;
      });
      if (!stillUsed) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    }
    onStatus(fmt(t.removed, { title: titleOf(pack) }));
    reload();
  };

  const setOptions = async (id: string, options: { enabled?: boolean; position?: number }) => {
    const outcome = await request({ type: 'setPackOptions', id, ...options });
    if (!outcome.ok)
      onStatus(
        fmt(t.changeFailed, {
          title: outcome.pack ? titleOf(outcome.pack) : id,
          reason: t.reasons[outcome.reason],
          message: outcome.message,
        }),
      );
    reload();
  };

  return (
    <>
      <DataSources
        overview={overview}
        strings={strings}
        lang={lang}
        busy={busy}
        subscribeError={subscribeError}
        fingerprintOf={fingerprintOf}
        onSubscribe={subscribe}
        onCheck={(id) => check(id)}
        onCheckFile={(id, file) => check(id, file)}
        onReview={(id) => void openReview(id).catch(fail)}
        onEnabled={(id, enabled) => {
          setOverview((o) => o && { ...o, packs: o.packs.map((p) => (p.id === id ? { ...p, enabled } : p)) });
          void setOptions(id, { enabled }).catch(fail);
        }}
        onMove={(id, position) => void setOptions(id, { position }).catch(fail)}
        onRemove={(id) => void remove(id).catch(fail)}
        onSchedule={(enabled) => {
          // Shown at once: a controlled checkbox would otherwise flip back until the list reloads.
          setOverview((o) => o && { ...o, scheduled: enabled });
          void request({ type: 'setPackSchedule', enabled }).then(reload, fail);
        }}
      />
      {review && (
        <PackReview
          review={review}
          strings={strings}
          busy={busy === 'review'}
          onAccept={(entities) => void decide(entities)}
          onReject={() => void decide('reject')}
          onClose={() => setReview(null)}
        />
      )}
    </>
  );
}
