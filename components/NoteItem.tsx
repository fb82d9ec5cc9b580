import { Fragment } from 'preact';
import type { Note, Source } from '../lib/schema';
import type { Lang, Strings } from '../lib/i18n';

function SourceLink({ source }: { source: Source }) {
  const label = source.published ? `${source.publisher}, ${source.published}` : source.publisher;
  return (
    <a class="source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {label}
    </a>
  );
}

function Sources({ sources }: { sources: Source[] }) {
  return (
    <span class="sources">
      {sources.map((s, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <SourceLink source={s} />
        </Fragment>
      ))}
    </span>
  );
}

/** One dated, sourced line of the card. */
export function NoteItem({ note, lang, strings }: { note: Note; lang: Lang; strings: Strings }) {
  const text = lang === 'zh' && note.text.zh ? note.text.zh : note.text.en;
  const responseText =
    note.response && (lang === 'zh' && note.response.text.zh ? note.response.text.zh : note.response.text.en);
  return (
    <li class="note">
      <p class="note-text">{text}</p>
      <p class="note-meta">
        <time dateTime={note.date}>{note.date}</time>
        <span class={`status status-${note.status}`}>{strings.statuses[note.status]}</span>
        <Sources sources={note.sources} />
      </p>
      {note.response && (
        <div class="response">
          <p class="note-text">
            <strong>{strings.card.response}: </strong>
            {responseText}
          </p>
          <p class="note-meta">
            <Sources sources={note.response.sources} />
          </p>
        </div>
      )}
    </li>
  );
}
