import type { EntityView, EntityRef } from '../lib/messages/protocol';
import { NOTE_KINDS } from '../lib/schema';
import type { Note } from '../lib/schema';
import { fmt, type Lang, type CardStrings } from '../lib/i18n-card';
import { VerdictBadges } from './VerdictBadges';
import { provenanceVerdict } from '../lib/data/verdicts';
import { NoteSection } from './NoteSection';
import { FactList, latestValuation, raisedInRounds } from './FactList';
import { LineageGraph } from './LineageGraph';
import { FundingTimeline } from './FundingTimeline';
import type { ClaimKind } from '../lib/claims/detect';
import type { NoteKind } from '../lib/schema';
import { displayNames } from './names';

export interface EntityCardProps {
  view: EntityView;
  lang: Lang;
  strings: CardStrings;
  /** The text on the page that led here, shown when it differs from the entity's names. */
  matchedText?: string;
  /** True when the page's text was linked to this entity fuzzily (the card says so). */
  matchedFuzzy?: boolean;
  /** The claim the mention's sentence makes: the card leads with it and what the record says. */
  claim?: { kind: ClaimKind; text: string };
  onClose?: () => void;
  /** Unique per card instance: ties the dialog to its heading for screen readers. */
  idPrefix?: string;
  /** Today (YYYY-MM-DD; the reader's clock by default): lines past their shelf life say so. */
  today?: string;
}

/** The fact card: names, type, links, then notes by section, each line dated and sourced. */
export function EntityCard({
  view,
  lang,
  strings,
  matchedText,
  matchedFuzzy = false,
  claim,
  onClose,
  idPrefix = 'assay',
  today = new Date().toISOString().slice(0, 10),
}: EntityCardProps) {
  const { entity } = view;
  const [primary, secondary] = displayNames(entity.name, lang);
  const headingId = `${idPrefix}-heading`;
  const refName = (ref: EntityRef) => displayNames(ref.name, lang)[0];
  const verdict = provenanceVerdict(view);
  const otherBases = view.base.filter(
    (b) => !(verdict?.kind === 'derived' && verdict.base.id === b.id && verdict.relation === b.relation),
  );
  const family = view.family;
  const sections = NOTE_KINDS.map((kind) => ({
    kind,
    // NoteSection orders them (most important first).
    notes: entity.notes.filter((n) => n.kind === kind),
    familyNotes: (family?.notes ?? []).filter((n) => n.kind === kind),
  })).filter((s) => s.notes.length + s.familyNotes.length > 0);
  const summary =
    entity.summary && (lang === 'zh' && entity.summary.zh ? entity.summary.zh : entity.summary.en);
  // "Claude Opus 5" linked to the Claude family: say the version is not in the data, not just "fuzzy".
  const names = [entity.name.en, entity.name.zh, entity.name.zhHant, ...entity.aliases.map((a) => a.text)];
  const squash = (text: string) => text.toLowerCase().replace(/[\s\-_.]/g, '');
  const unknownVersion =
    matchedFuzzy &&
    matchedText !== undefined &&
    names.some((n) => n && squash(matchedText).startsWith(squash(n)) && squash(matchedText) !== squash(n));
  const showMatched =
    matchedText !== undefined &&
    (matchedFuzzy ||
      ![entity.name.en, entity.name.zh, entity.name.zhHant].some(
        (n) => n?.toLowerCase() === matchedText.toLowerCase(),
      ));

  return (
    <section
      class="assay-card"
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <header class="card-header">
        <div class="title-row">
          <h2 id={headingId} class="title">
            {primary}
            {secondary && <span class="secondary-name"> · {secondary}</span>}
          </h2>
          {onClose && (
            <button type="button" class="close" aria-label={strings.card.close} onClick={onClose}>
              ×
            </button>
          )}
        </div>
        <p class="facts">
          <span class="type-badge">{strings.types[entity.type]}</span>
          {view.developer && (
            <span>
              {strings.card.by} <strong>{refName(view.developer)}</strong>
            </span>
          )}
          {view.parent && (
            <span>
              {strings.card.parent} <strong>{refName(view.parent)}</strong>
            </span>
          )}
          {family && (
            <span>
              {strings.card.family} <strong>{refName(family)}</strong>
            </span>
          )}
          {/* The provenance badge names the most telling base link; the rest are listed here. */}
          {otherBases.map((b) => (
            <span key={b.id}>
              {strings.relations[b.relation]} <strong>{refName(b)}</strong>
            </span>
          ))}
        </p>
        {view.investors.length > 0 && (
          <p class="facts">
            {strings.card.investors}: {view.investors.map(refName).join(', ')}
          </p>
        )}
        <VerdictBadges view={view} lang={lang} strings={strings} idPrefix={idPrefix} />
        {summary && <p class="summary">{summary}</p>}
        {showMatched && (
          <p class="matched">
            {fmt(
              unknownVersion
                ? strings.card.versionNotInData
                : matchedFuzzy
                  ? strings.card.matchedAsFuzzy
                  : strings.card.matchedAs,
              { text: matchedText },
            )}
          </p>
        )}
      </header>
      <div class="card-body">
        {claim && (
          <ClaimLead claim={claim} sections={sections} view={view} strings={strings} idPrefix={idPrefix} />
        )}
        <FactList
          facts={entity.facts}
          valuation={latestValuation(entity.notes)}
          portfolio={view.portfolio}
          raised={raisedInRounds(entity.notes)}
          lang={lang}
          strings={strings}
          idPrefix={idPrefix}
          today={today}
        />
        <FundingTimeline notes={entity.notes} strings={strings} idPrefix={idPrefix} />
        <LineageGraph
          self={{ id: entity.id, name: entity.name, type: entity.type }}
          bases={view.base}
          derivatives={view.derivatives ?? []}
          lang={lang}
          strings={strings}
          idPrefix={idPrefix}
        />
        {sections.map(({ kind, notes, familyNotes }) => (
          <NoteSection
            key={kind}
            kind={kind}
            notes={notes}
            familyNotes={family ? familyNotes : []}
            familyName={family && refName(family)}
            lang={lang}
            strings={strings}
            ratings={view.ratings}
            idPrefix={idPrefix}
            today={today}
          />
        ))}
        {sections.length === 0 && <p class="empty">{strings.card.noNotes}</p>}
      </div>
      <footer class="card-footer">
        <span>{fmt(strings.card.asOf, { date: view.asOf })}</span>
        {view.edited && <span class="edited">{strings.card.edited}</span>}
      </footer>
    </section>
  );
}

/** Which notes bear on a kind of claim. */
const RECORD_FOR: Record<ClaimKind, NoteKind> = {
  comparison: 'benchmark',
  originality: 'provenance',
  money: 'funding',
  openness: 'provenance',
};

/** "This sentence claims …; the record: …", linking the section whose notes bear on the claim. */
function ClaimLead({
  claim,
  sections,
  view,
  strings,
  idPrefix,
}: {
  claim: { kind: ClaimKind; text: string };
  sections: { kind: NoteKind; notes: Note[]; familyNotes: Note[] }[];
  view: EntityView;
  strings: CardStrings;
  idPrefix: string;
}) {
  const t = strings.claims;
  const kind = RECORD_FOR[claim.kind];
  const section = sections.find((s) => s.kind === kind);
  const count = section ? section.notes.length + section.familyNotes.length : 0;
  const access = claim.kind === 'openness' ? view.entity.facts?.access : undefined;
  return (
    <p class="claim-lead">
      {fmt(t.lead, { kind: t.kinds[claim.kind] })} <q>{claim.text}</q>{' '}
      {count > 0 ? (
        // A button, not a #link: the card lives in the page, whose address is not ours to change.
        <button
          type="button"
          class="link-button"
          onClick={(event) =>
            (event.currentTarget as HTMLElement)
              .closest('.assay-card')
              ?.querySelector(`#${idPrefix}-${kind}`)
              ?.scrollIntoView({ block: 'nearest' })
          }
        >
          {fmt(count === 1 ? t.recordOne : t.record, { count, section: strings.sections[kind] })}
        </button>
      ) : access ? (
        fmt(t.recordAccess, { access: strings.facts.accessKinds[access] })
      ) : (
        t.noRecord
      )}
    </p>
  );
}
