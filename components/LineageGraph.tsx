import type { EntityRef } from '../lib/messages/protocol';
import type { RelationKind } from '../lib/schema';
import type { CardStrings, Lang } from '../lib/i18n-card';
import { displayNames } from './names';

export interface LineageLink extends EntityRef {
  relation: RelationKind;
}

export interface LineageGraphProps {
  self: EntityRef;
  /** What this entity is built on. */
  bases: readonly LineageLink[];
  /** What is built on it (the relation is theirs to it). */
  derivatives: readonly LineageLink[];
  lang: Lang;
  strings: CardStrings;
  idPrefix: string;
}

const ROW = 30;
const WIDTH = 320;
const COLUMN = 100;
const MAX_ROWS = 5;

/** Shortens a name to fit its column; the whole name stays in the node's title. */
function fit(name: string, max = 15): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/**
 * Lineage as a picture: what the entity is built on (left), the entity, what is built on it
 * (right), each link with its relation. A list says the same for screen readers.
 */
export function LineageGraph({ self, bases, derivatives, lang, strings, idPrefix }: LineageGraphProps) {
  if (bases.length === 0 && derivatives.length === 0) return null;
  const t = strings.lineage;
  const name = (ref: EntityRef) => displayNames(ref.name, lang)[0];
  const left = bases.slice(0, MAX_ROWS);
  const right = derivatives.slice(0, MAX_ROWS);
  const rows = Math.max(left.length, right.length, 1);
  const height = rows * ROW + 8;
  const y = (i: number, count: number) => 4 + (rows * ROW) / 2 + (i - (count - 1) / 2) * ROW;
  const middle = y(0, 1);
  const node = (ref: LineageLink, x: number, cy: number, anchor: 'start' | 'end') => (
    <g key={`${x}-${ref.id}`}>
      <title>{`${name(ref)}: ${strings.relations[ref.relation]}`}</title>
      <text x={x} y={cy - 2} text-anchor={anchor} class="lineage-name">
        {fit(name(ref))}
      </text>
      <text x={x} y={cy + 10} text-anchor={anchor} class="lineage-relation">
        {fit(strings.relations[ref.relation], 20)}
      </text>
    </g>
  );
  const headingId = `${idPrefix}-lineage`;
  return (
    <section class="lineage" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" aria-hidden="true" focusable="false">
        {left.map((b, i) => (
          <line key={`l-${b.id}`} x1={COLUMN} y1={y(i, left.length)} x2={WIDTH / 2 - 40} y2={middle} />
        ))}
        {right.map((d, i) => (
          <line
            key={`r-${d.id}`}
            x1={WIDTH / 2 + 40}
            y1={middle}
            x2={WIDTH - COLUMN}
            y2={y(i, right.length)}
          />
        ))}
        <rect x={WIDTH / 2 - 40} y={middle - 11} width={80} height={22} rx={4} />
        <text x={WIDTH / 2} y={middle + 4} text-anchor="middle" class="lineage-self">
          <title>{name(self)}</title>
          {fit(name(self), 12)}
        </text>
        {left.map((b, i) => node(b, COLUMN - 4, y(i, left.length), 'end'))}
        {right.map((d, i) => node(d, WIDTH - COLUMN + 4, y(i, right.length), 'start'))}
      </svg>
      <ul class="visually-hidden">
        {bases.map((b) => (
          <li key={`b-${b.id}`}>{`${t.builtOn} ${name(b)} (${strings.relations[b.relation]})`}</li>
        ))}
        {derivatives.map((d) => (
          <li key={`d-${d.id}`}>{`${t.builtOnIt} ${name(d)} (${strings.relations[d.relation]})`}</li>
        ))}
      </ul>
      {derivatives.length > MAX_ROWS && (
        <p class="lineage-more">{t.more.replace('{n}', String(derivatives.length - MAX_ROWS))}</p>
      )}
    </section>
  );
}
