import { Fragment } from 'preact';
import type { Note, Source } from '../lib/schema';
import { fmt, type Lang, type CardStrings } from '../lib/i18n-card';
import { byTier, sourceKey, type SourceRating } from '../lib/sources/tiers';
import { isStale } from '../lib/data/staleness';

const UNRATED: SourceRating = { tier: 'unrated' };

/** The tier in words (never colour alone); its meaning shows on hover and focus and is read with it. */
function TierMark({ rating, strings }: { rating: SourceRating; strings: CardStrings }) {
  const t = strings.tiers[rating.tier];
  return (
    <span class={`tier tier-${rating.tier}`} tabIndex={0}>
      {t.label}
      <span class="tier-tip">{fmt(t.meaning, { why: rating.why ?? '' })}</span>
    </span>
  );
}

/** One source as "publisher · date", linked to the original; the copy read shows as "via …". */
function SourceLink({
  source,
  rating,
  strings,
}: {
  source: Source;
  rating: SourceRating;
  strings: CardStrings;
}) {
  const label = source.published ? `${source.publisher} · ${source.published}` : source.publisher;
  const link = (href: string, text: string) => (
    <a class="source" href={href} target="_blank" rel="noopener noreferrer" title={source.title}>
      {text}
    </a>
  );
  const viaName = rating.via?.publisher ?? (source.via ? new URL(source.via).hostname : '');
  return (
    <span class="source-item" lang={source.lang}>
      <TierMark rating={rating} strings={strings} />{' '}
      {source.url ? link(source.url, label) : <cite title={source.title}>{label}</cite>}
      {source.via && <> ({link(source.via, fmt(strings.via, { publisher: viaName }))})</>}
    </span>
  );
}

function Sources({
  sources,
  ratings,
  strings,
}: {
  sources: Source[];
  ratings: Record<string, SourceRating>;
  strings: CardStrings;
}) {
  const rated = byTier(
    sources.map((source) => ({ source, rating: ratings[sourceKey(source)] ?? UNRATED })),
    (s) => s.rating.tier,
  );
  return (
    <span class="sources">
      {rated.map(({ source, rating }, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <SourceLink source={source} rating={rating} strings={strings} />
        </Fragment>
      ))}
    </span>
  );
}

export interface NoteItemProps {
  /** Kept in the list but not shown (behind the section's "more"). */
  hidden?: boolean;
  note: Note;
  lang: Lang;
  strings: CardStrings;
  /** Source ratings by `sourceKey` (from the background's host registry); missing ones show "unrated". */
  ratings: Record<string, SourceRating>;
  /** Today (YYYY-MM-DD): a line past its shelf life says it may be out of date. */
  today?: string;
}

/** One dated, sourced line of the card. */
export function NoteItem({ note, lang, strings, ratings, hidden = false, today }: NoteItemProps) {
  const stale = today !== undefined && isStale(note, today).stale;
  const text = lang === 'zh' && note.text.zh ? note.text.zh : note.text.en;
  const responseText =
    note.response && (lang === 'zh' && note.response.text.zh ? note.response.text.zh : note.response.text.en);
  return (
    <li class="note" hidden={hidden}>
      <p class="note-text">{text}</p>
      <p class="note-meta">
        <time dateTime={note.date}>{note.date}</time>
        {stale && <span class="stale">{fmt(strings.card.stale, { date: note.date })}</span>}
        <span class={`status status-${note.status}`}>{strings.statuses[note.status]}</span>
        <Sources sources={note.sources} ratings={ratings} strings={strings} />
      </p>
      {note.response && (
        <div class="response">
          <p class="note-text">
            <strong>{strings.card.response}: </strong>
            {responseText}
          </p>
          <p class="note-meta">
            <Sources sources={note.response.sources} ratings={ratings} strings={strings} />
          </p>
        </div>
      )}
    </li>
  );
}
