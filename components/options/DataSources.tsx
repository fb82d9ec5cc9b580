import { useEffect, useState } from 'preact/hooks';
import type { PackConflictView, PacksOverview, PackView } from '../../lib/messages/protocol';
import type { LayerRef } from '../../lib/packs/precedence';
import { fmt, type Lang, type Strings } from '../../lib/i18n';

/** Why a subscription or check failed, as the reason names in `strings.sources.reasons`. */
export type SourcesReason = keyof Strings['sources']['reasons'];

/** Where a new subscription comes from: an address, or a file the reader picked. */
export type SubscribeInput = { url: string } | { file: File };

export interface DataSourcesProps {
  overview: PacksOverview | null;
  strings: Strings;
  lang: Lang;
  /** What is running: 'subscribe', or the id of a pack being checked. */
  busy: string | null;
  /** The last subscribe attempt's refusal. */
  subscribeError: { reason: SourcesReason; message: string } | null;
  /** The fingerprint of a typed key, or null when it is not a key. */
  fingerprintOf: (publicKey: string) => Promise<string | null>;
  onSubscribe: (input: SubscribeInput, publicKey: string) => void;
  onCheck: (id: string) => void;
  onCheckFile: (id: string, file: File) => void;
  onReview: (id: string) => void;
  onEnabled: (id: string, enabled: boolean) => void;
  onMove: (id: string, position: number) => void;
  onRemove: (id: string) => void;
  onSchedule: (enabled: boolean) => void;
}

/**
 * The "Data sources" tab: subscribing to a signed pack (address or file, the publisher's key and
 * its fingerprint), the subscriptions in precedence order with their versions, checks and errors,
 * the daily-check switch, and where layers disagree.
 */
export function DataSources(props: DataSourcesProps) {
  const t = props.strings.sources;
  const packs = props.overview?.packs ?? [];
  const titles = new Map(packs.map((p) => [p.id, titleOf(p)]));
  return (
    <div class="data-sources">
      <p>{t.intro}</p>
      <SubscribeForm {...props} />
      <section aria-labelledby="packs-title">
        <h2 id="packs-title">{t.listTitle}</h2>
        {props.overview && (
          <p class="help">
            {fmt(t.bundled, { version: props.overview.bundled.version, date: props.overview.bundled.asOf })}
          </p>
        )}
        {props.overview && packs.length === 0 && <p class="empty">{t.none}</p>}
        {packs.length > 0 && (
          <>
            <label class="check">
              <input
                type="checkbox"
                checked={props.overview?.scheduled ?? true}
                onChange={(e) => props.onSchedule(e.currentTarget.checked)}
              />
              {t.schedule}
            </label>
            <ol class="packs">
              {packs.map((pack, index) => (
                <PackItem key={pack.id} pack={pack} index={index} count={packs.length} {...props} />
              ))}
            </ol>
          </>
        )}
      </section>
      {props.overview && props.overview.conflicts.length > 0 && (
        <Conflicts conflicts={props.overview.conflicts} titles={titles} strings={props.strings} />
      )}
    </div>
  );
}

function SubscribeForm(props: DataSourcesProps) {
  const t = props.strings.sources;
  const [from, setFrom] = useState<'url' | 'file'>('url');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [fingerprint, setFingerprint] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let stale = false;
    if (key.trim() === '') setFingerprint(undefined);
    else void props.fingerprintOf(key).then((f) => !stale && setFingerprint(f));
    return () => {
      stale = true;
    };
  }, [key]);
  const ready = fingerprint && (from === 'url' ? url.trim() !== '' : file !== null);
  return (
    <section aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">{t.subscribeTitle}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // Runs in the click's own turn: the permission prompt needs the reader's gesture.
          if (!ready) return;
          props.onSubscribe(from === 'url' ? { url: url.trim() } : { file: file! }, key.trim());
        }}
      >
        <fieldset>
          <legend>{t.from}</legend>
          {(['url', 'file'] as const).map((value) => (
            <label class="check" key={value}>
              <input
                type="radio"
                name="pack-from"
                value={value}
                checked={from === value}
                onChange={() => setFrom(value)}
              />
              {value === 'url' ? t.fromUrl : t.fromFile}
            </label>
          ))}
        </fieldset>
        {from === 'url' ? (
          <div class="field">
            <label for="pack-url">{t.url}</label>
            <input
              id="pack-url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder="https://"
              aria-describedby="pack-url-help"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
            <span id="pack-url-help" class="help">
              {t.urlHelp}
            </span>
          </div>
        ) : (
          <div class="field">
            <label for="pack-file">{t.file}</label>
            <input
              id="pack-file"
              type="file"
              accept="application/json,.json"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </div>
        )}
        <div class="field">
          <label for="pack-key">{t.publicKey}</label>
          <textarea
            id="pack-key"
            rows={2}
            spellcheck={false}
            autoComplete="off"
            aria-describedby="pack-key-help pack-key-fingerprint"
            aria-invalid={fingerprint === null}
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
          <span id="pack-key-help" class="help">
            {t.keyHelp}
          </span>
          <span
            id="pack-key-fingerprint"
            class={fingerprint === null ? 'field-error' : 'help'}
            aria-live="polite"
          >
            {fingerprint === null ? t.notAKey : fingerprint ? fmt(t.fingerprint, { fingerprint }) : ''}
          </span>
        </div>
        <button type="submit" class="primary" disabled={!ready || props.busy === 'subscribe'}>
          {props.busy === 'subscribe' ? t.subscribing : t.subscribe}
        </button>
      </form>
      <div aria-live="polite">
        {props.subscribeError && (
          <p class="problems" role="alert">
            {fmt(t.refused, {
              reason: t.reasons[props.subscribeError.reason],
              message: props.subscribeError.message,
            })}
          </p>
        )}
      </div>
    </section>
  );
}

function PackItem({
  pack,
  index,
  count,
  ...props
}: DataSourcesProps & { pack: PackView; index: number; count: number }) {
  const t = props.strings.sources;
  const when = (ms: number | undefined, none: string) =>
    ms === undefined ? none : new Date(ms).toLocaleString(props.lang === 'zh' ? 'zh-CN' : 'en');
  const shown = pack.accepted ?? pack.pending;
  const title = titleOf(pack);
  const headingId = `pack-${pack.id}-title`;
  return (
    <li class="pack" data-id={pack.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} <span class="secondary">· {fmt(t.order, { position: index + 1 })}</span>
      </h3>
      <dl class="pack-facts">
        {shown && (
          <>
            <dt>{t.publisher}</dt>
            <dd>{shown.publisher}</dd>
          </>
        )}
        {pack.accepted && (
          <>
            <dt>{t.version}</dt>
            <dd>{pack.accepted.version}</dd>
            <dt>{t.asOf}</dt>
            <dd>{pack.accepted.asOf}</dd>
            <dt>{t.licence}</dt>
            <dd>{pack.accepted.licence}</dd>
          </>
        )}
        <dt>{t.address}</dt>
        <dd>{pack.url ?? t.fromAFile}</dd>
        <dt>{t.key}</dt>
        <dd>
          <code>{pack.fingerprint}</code>
        </dd>
        <dt>{t.lastCheck}</dt>
        <dd>{when(pack.lastCheck, t.never)}</dd>
        <dt>{t.nextCheck}</dt>
        <dd>{when(pack.nextCheck, t.notScheduled)}</dd>
      </dl>
      <p class="pack-state">
        {pack.accepted ? fmt(t.inUse, { count: pack.entitiesShown }) : t.notYetAccepted}
        {pack.accepted?.partial && <> {t.partial}</>}
      </p>
      {pack.lastError && (
        <p class="error pack-error">
          {fmt(t.lastError, {
            reason: t.reasons[pack.lastError.reason as SourcesReason] ?? pack.lastError.reason,
            message: pack.lastError.message,
          })}
        </p>
      )}
      {pack.pending && (
        <p class="pack-pending">
          {fmt(t.pending, {
            version: pack.pending.version,
            date: pack.pending.asOf,
            added: pack.pending.counts.added,
            changed: pack.pending.counts.changed,
            removed: pack.pending.counts.removed,
          })}{' '}
          <button type="button" class="primary" onClick={() => props.onReview(pack.id)}>
            {fmt(t.review, { version: pack.pending.version })}
          </button>
        </p>
      )}
      <div class="pack-actions">
        {pack.url && (
          <button
            type="button"
            class="secondary"
            disabled={props.busy === pack.id}
            onClick={() => props.onCheck(pack.id)}
          >
            {props.busy === pack.id ? t.checking : t.checkNow}
          </button>
        )}
        <label class="file-button">
          {t.updateFromFile}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onCheckFile(pack.id, file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={pack.enabled}
            onChange={(e) => props.onEnabled(pack.id, e.currentTarget.checked)}
          />
          {t.enabled}
        </label>
        <button
          type="button"
          class="secondary"
          disabled={index === 0}
          aria-label={`${t.moveUp}: ${title}`}
          onClick={() => props.onMove(pack.id, index - 1)}
        >
          {t.moveUp}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={index + 1 >= count}
          aria-label={`${t.moveDown}: ${title}`}
          onClick={() => props.onMove(pack.id, index + 1)}
        >
          {t.moveDown}
        </button>
        <button
          type="button"
          class="secondary danger"
          aria-label={`${t.remove}: ${title}`}
          onClick={() => props.onRemove(pack.id)}
        >
          {t.remove}
        </button>
      </div>
    </li>
  );
}

function Conflicts({
  conflicts,
  titles,
  strings,
}: {
  conflicts: PackConflictView[];
  titles: Map<string, string>;
  strings: Strings;
}) {
  const t = strings.sources;
  const label = (layer: LayerRef, deleted = false) =>
    layer.kind === 'user'
      ? deleted
        ? t.yourDeletion
        : t.yourEdit
      : layer.kind === 'pack'
        ? (titles.get(layer.id) ?? layer.id)
        : t.bundledData;
  return (
    <section aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t.conflictsTitle}</h2>
      <p class="help">{t.conflictsHelp}</p>
      <table class="entity-table conflicts">
        <thead>
          <tr>
            <th scope="col">{t.entity}</th>
            <th scope="col">{t.shown}</th>
            <th scope="col">{t.alsoIn}</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.id} data-id={c.id}>
              <td>{c.name}</td>
              <td>{label(c.winner, c.deleted)}</td>
              <td>
                {c.layers
                  .filter((l) => !l.sameAsWinner)
                  .map((l) => label(l.layer))
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A pack's name for people: the title of the version in use, else of the one awaiting review. */
export function titleOf(pack: PackView): string {
  return pack.accepted?.title ?? pack.pending?.title ?? pack.id;
}
