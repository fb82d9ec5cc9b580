import { useState } from 'preact/hooks';
import type { EntityView } from '../lib/messages/protocol';
import type { Lang, CardStrings } from '../lib/i18n-card';
import type { Note } from '../lib/schema';
import { benchmarkVerdict, provenanceVerdict } from '../lib/data/verdicts';
import { NoteItem } from './NoteItem';
import { displayNames } from './names';

interface BadgeProps {
  label: string;
  tone: 'ok' | 'warn' | 'neutral';
  notes: Note[];
  lang: Lang;
  strings: CardStrings;
  id: string;
  ratings: EntityView['ratings'];
}

/** One badge: hover or focus-and-press shows the notes behind it (a disclosure, so links work). */
function Badge({ label, tone, notes, lang, strings, id, ratings }: BadgeProps) {
  const [hover, setHover] = useState(false);
  const [pinned, setPinned] = useState(false);
  const open = hover || pinned;
  return (
    <div class="verdict" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <button
        type="button"
        class={`badge badge-${tone}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setPinned(!pinned)}
      >
        {label}
      </button>
      {open && (
        <div id={id} class="verdict-why" role="region" aria-label={`${strings.verdicts.why}: ${label}`}>
          {notes.length > 0 ? (
            <>
              <p class="verdict-intro">{strings.verdicts.basedOn}</p>
              <ul>
                {notes.map((note) => (
                  <NoteItem key={note.id} note={note} lang={lang} strings={strings} ratings={ratings} />
                ))}
              </ul>
            </>
          ) : (
            <p class="verdict-intro">{strings.verdicts.fromLinks}</p>
          )}
        </div>
      )}
    </div>
  );
}

/** The provenance and benchmark-robustness badges computed from an entity's data. */
export function VerdictBadges({
  view,
  lang,
  strings,
  idPrefix,
}: {
  view: EntityView;
  lang: Lang;
  strings: CardStrings;
  idPrefix: string;
}) {
  const provenance = provenanceVerdict(view);
  const benchmark = benchmarkVerdict(view);
  if (!provenance && !benchmark) return null;
  const v = strings.verdicts;
  let provenanceLabel = '';
  if (provenance?.kind === 'derived') {
    const base = displayNames(provenance.base.name, lang)[0];
    provenanceLabel = `${v.derived[provenance.relation]} ${base}${provenance.alleged ? ` (${v.alleged})` : ''}`;
  } else if (provenance) {
    const qualifier = provenance.status === 'confirmed' ? '' : ` (${strings.statuses[provenance.status]})`;
    provenanceLabel = `${v.original}${qualifier}`;
  }
  return (
    <div class="verdicts">
      {provenance && (
        <Badge
          id={`${idPrefix}-provenance-why`}
          label={provenanceLabel}
          tone={provenance.kind === 'original' ? 'neutral' : 'warn'}
          notes={provenance.notes}
          lang={lang}
          strings={strings}
          ratings={view.ratings}
        />
      )}
      {benchmark && (
        <Badge
          id={`${idPrefix}-benchmark-why`}
          label={v[benchmark.kind]}
          tone={benchmark.kind === 'holds-up' ? 'ok' : benchmark.kind === 'drops' ? 'warn' : 'neutral'}
          notes={benchmark.notes}
          lang={lang}
          strings={strings}
          ratings={view.ratings}
        />
      )}
    </div>
  );
}
