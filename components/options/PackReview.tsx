import { useEffect, useState } from 'preact/hooks';
import type { EntityReviewView, PackReviewView } from '../../lib/messages/protocol';
import { fmt, type Strings } from '../../lib/i18n';

export interface PackReviewProps {
  review: PackReviewView;
  strings: Strings;
  busy: boolean;
  onAccept: (entities: 'all' | string[]) => void;
  onReject: () => void;
  onClose: () => void;
}

/**
 * What a pack's new version would change in that pack's data, entity by entity with the notes
 * added, changed and removed and the sources they rest on; the reader accepts all, some or none.
 */
export function PackReview({ review, strings, busy, onAccept, onReject, onClose }: PackReviewProps) {
  const t = strings.sources;
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(review.entities.map((e) => e.id)));
  useEffect(() => setChosen(new Set(review.entities.map((e) => e.id))), [review.key]);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  return (
    <section class="pack-review" aria-labelledby="review-title">
      <h2 id="review-title" tabIndex={-1}>
        {review.fromVersion
          ? fmt(t.reviewTitle, { title: review.title, from: review.fromVersion, to: review.toVersion })
          : fmt(t.reviewFirst, { title: review.title, to: review.toVersion })}
      </h2>
      <p>{fmt(t.reviewCounts, review.counts)}</p>
      <ul class="review-entities">
        {review.entities.map((entity) => (
          <EntityRow
            key={entity.id}
            entity={entity}
            strings={strings}
            checked={chosen.has(entity.id)}
            onToggle={(on) => toggle(entity.id, on)}
          />
        ))}
      </ul>
      <div class="editor-actions">
        <button
          type="button"
          class="primary"
          disabled={busy || chosen.size === 0}
          onClick={() => onAccept(review.entities.filter((e) => chosen.has(e.id)).map((e) => e.id))}
        >
          {fmt(t.acceptSelected, { count: chosen.size })}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => onAccept('all')}>
          {t.acceptAll}
        </button>
        <button type="button" class="secondary danger" disabled={busy} onClick={onReject}>
          {t.reject}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </section>
  );
}

function EntityRow({
  entity,
  strings,
  checked,
  onToggle,
}: {
  entity: EntityReviewView;
  strings: Strings;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  const t = strings.sources;
  const change = (c: EntityReviewView['change']) =>
    c === 'added' ? t.added : c === 'changed' ? t.changed : t.removedChange;
  const inputId = `review-${entity.id}`;
  return (
    <li class={`review-entity change-${entity.change}`} data-id={entity.id}>
      <label class="check" for={inputId}>
        <input
          id={inputId}
          type="checkbox"
          checked={checked}
          aria-label={fmt(t.selectEntity, { name: entity.name })}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        <strong>{entity.name}</strong> <span class="change-badge">{change(entity.change)}</span>{' '}
        <span class="secondary">
          {strings.types[entity.type]} · {entity.id}
        </span>
      </label>
      {entity.fields.length > 0 && <p class="help">{fmt(t.fields, { fields: entity.fields.join(', ') })}</p>}
      {entity.notes.length > 0 && (
        <ul class="review-notes">
          {entity.notes.map((note) => (
            <li key={note.id} class={`change-${note.change}`}>
              <span class="note-change">
                {fmt(t.noteLine, {
                  change: change(note.change),
                  kind: strings.sections[note.kind],
                  date: note.date,
                })}
              </span>
              <p lang="en">{note.text.en}</p>
              {note.text.zh && <p lang="zh-CN">{note.text.zh}</p>}
              <ul class="review-sources">
                {note.sources.map((source, i) => (
                  <li key={i}>
                    {(source.url ?? source.via) ? (
                      <a href={source.url ?? source.via} target="_blank" rel="noopener noreferrer">
                        {source.publisher}
                      </a>
                    ) : (
                      source.publisher
                    )}
                    {source.published && ` · ${source.published}`}
                    {source.title && <span class="secondary"> · {source.title}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
