import { useState } from 'preact/hooks';
import type { Note, NoteKind } from '../lib/schema';
import type { SourceRating } from '../lib/sources/tiers';
import { fmt, type CardStrings, type Lang } from '../lib/i18n-card';
import { NoteItem } from './NoteItem';

export interface NoteSectionProps {
  kind: NoteKind;
  notes: readonly Note[];
  /** Notes of the entity's family, which apply to it too. */
  familyNotes: readonly Note[];
  familyName?: string;
  lang: Lang;
  strings: CardStrings;
  ratings: Record<string, SourceRating>;
  idPrefix: string;
  /** Today (YYYY-MM-DD), for lines past their shelf life. */
  today?: string;
}

/** How much a note matters to a reader checking a claim: disputes and failed benchmarks first. */
function weight(note: Note): number {
  if (note.status === 'disputed' || note.status === 'alleged' || note.status === 'refuted') return 2;
  if (note.benchmark?.outcome === 'drops' || note.benchmark?.outcome === 'contaminated') return 2;
  return 0;
}

/** Most important first, then the latest. */
export function byImportance(a: Note, b: Note): number {
  return weight(b) - weight(a) || b.date.localeCompare(a.date);
}

/** One section of the card: its most important line, the rest behind "more". */
export function NoteSection({
  kind,
  notes,
  familyNotes,
  familyName,
  lang,
  strings,
  ratings,
  idPrefix,
  today,
}: NoteSectionProps) {
  const [open, setOpen] = useState(false);
  const own = [...notes].sort(byImportance);
  const family = [...familyNotes].sort(byImportance);
  const total = own.length + family.length;
  const listId = `${idPrefix}-${kind}-list`;
  // Closed, the first line shows: the entity's own if it has one, else its family's.
  const visible = (i: number, ofFamily: boolean) => open || (i === 0 && (ofFamily ? own.length === 0 : true));
  const item = (note: Note, i: number, ofFamily: boolean) => (
    <NoteItem
      key={note.id}
      note={note}
      lang={lang}
      strings={strings}
      ratings={ratings}
      hidden={!visible(i, ofFamily)}
      today={today}
    />
  );
  return (
    <section class={`notes notes-${kind}`} aria-labelledby={`${idPrefix}-${kind}`}>
      <h3 id={`${idPrefix}-${kind}`}>{strings.sections[kind]}</h3>
      <div id={listId}>
        {own.length > 0 && <ul>{own.map((n, i) => item(n, i, false))}</ul>}
        {family.length > 0 && familyName && (
          <div hidden={!open && own.length > 0}>
            <p class="family-label">{fmt(strings.card.fromFamily, { name: familyName })}</p>
            <ul>{family.map((n, i) => item(n, i, true))}</ul>
          </div>
        )}
      </div>
      {total > 1 && (
        <button
          type="button"
          class="link-button more"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? strings.card.less : fmt(strings.card.more, { n: total - 1 })}
        </button>
      )}
    </section>
  );
}
