import type { Facts, Note } from '../lib/schema';
import { isExportStatusStale } from '../lib/data/staleness';
import type { EntityView } from '../lib/messages/protocol';
import { fmt, type Lang, type CardStrings } from '../lib/i18n-card';

export interface FactListProps {
  facts?: Facts;
  /** The latest valuation the funding notes record (its note, with sources, is in the Funding section). */
  valuation?: Valuation;
  /** A company's models and the disputes and caveats noted on them. */
  portfolio?: EntityView['portfolio'];
  /** US dollars raised in the rounds the funding notes record. */
  raised?: Raised;
  lang: Lang;
  strings: CardStrings;
  idPrefix: string;
  /** Today (YYYY-MM-DD): an export status past its shelf life says it may be out of date. */
  today?: string;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A valuation from a funding note's structured round. */
export interface Valuation {
  value: number;
  currency: string;
  date: string;
}

/** How a card writes each currency before an amount. */
export const CURRENCY: Record<string, string> = {
  USD: 'US$',
  CNY: 'CN¥',
  EUR: '€',
  GBP: '£',
  JPY: 'JP¥',
  HKD: 'HK$',
};

/** Money raised in recorded rounds (US dollars only: other currencies are not converted). */
export interface Raised {
  value: number;
  rounds: number;
}

/** The US dollars raised across funding notes with a structured round amount (undefined when none). */
export function raisedInRounds(notes: readonly Note[]): Raised | undefined {
  const amounts = notes.flatMap((n) =>
    n.kind === 'funding' && n.round?.amount?.currency === 'USD' ? [n.round.amount.value] : [],
  );
  return amounts.length ? { value: amounts.reduce((a, b) => a + b, 0), rounds: amounts.length } : undefined;
}

/** The latest valuation among funding notes with a structured round (undefined when none has one). */
export function latestValuation(notes: readonly Note[]): Valuation | undefined {
  let latest: Valuation | undefined;
  for (const n of notes) {
    const v = n.kind === 'funding' ? n.round?.valuation : undefined;
    if (v && (!latest || n.date > latest.date))
      latest = { value: v.value, currency: v.currency, date: n.date };
  }
  return latest;
}

/** A count as news writes it: 671B, 1.75T, 340M (three significant digits at most). */
export function compactNumber(value: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (value >= size) return `${Number((value / size).toPrecision(3))}${unit}`;
  }
  return String(Number(value.toPrecision(3)));
}

/** A FLOP count in scientific notation: 3.4 × 10²⁴. */
export function scientific(value: number): string {
  const exponent = Math.floor(Math.log10(value));
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  const power = String(exponent).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
  return `${mantissa} × 10${power}`;
}

function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The structured facts of an entity as a definition list, with the sources that state them. */
export function FactList({
  facts = { sources: [] },
  valuation,
  portfolio,
  raised,
  lang,
  strings,
  idPrefix,
  today,
}: FactListProps) {
  const t = strings.facts;
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const rows: [string, string][] = [];
  if (valuation)
    rows.push([
      t.valuation,
      `${CURRENCY[valuation.currency] ?? `${valuation.currency} `}${compactNumber(valuation.value)} (${valuation.date})`,
    ]);
  if (portfolio) {
    const names = portfolio.top.map((r) => (lang === 'zh' && r.name.zh ? r.name.zh : r.name.en));
    const more = portfolio.count - names.length;
    rows.push([
      t.models,
      names.join(lang === 'zh' ? '、' : ', ') + (more > 0 ? fmt(t.andMore, { n: more }) : ''),
    ]);
    if (portfolio.disputes + portfolio.caveats > 0) {
      const counts = fmt(t.caveatCounts, { disputes: portfolio.disputes, caveats: portfolio.caveats });
      const notable = portfolio.notable;
      rows.push([
        t.caveats,
        notable
          ? `${counts}${fmt(t.notable, {
              name: lang === 'zh' && notable.name.zh ? notable.name.zh : notable.name.en,
              section: strings.sections[notable.kind],
            })}`
          : counts,
      ]);
    }
  }
  if (raised)
    rows.push([
      t.raised,
      fmt(t.raisedValue, { amount: `US$${compactNumber(raised.value)}`, n: raised.rounds }),
    ]);
  if (facts.released) rows.push([t.released, facts.released]);
  if (facts.parameters) rows.push([t.parameters, compactNumber(facts.parameters)]);
  if (facts.trainingCompute) {
    const { flop, confidence } = facts.trainingCompute;
    rows.push([
      t.trainingCompute,
      `${scientific(flop)} FLOP${confidence ? ` (${t.confidence[confidence]})` : ''}`,
    ]);
  }
  if (facts.trainingHardware) {
    const { name, quantity } = facts.trainingHardware;
    rows.push([t.trainingHardware, quantity ? `${quantity.toLocaleString(locale)} × ${name}` : name]);
  }
  if (facts.datasetSize)
    rows.push([t.datasetSize, fmt(t.dataPoints, { n: compactNumber(facts.datasetSize) })]);
  if (facts.access) rows.push([t.access, t.accessKinds[facts.access]]);
  if (facts.generation) rows.push([t.generation, facts.generation]);
  if (facts.keyFigure)
    rows.push([t.keyFigure, lang === 'zh' && facts.keyFigure.zh ? facts.keyFigure.zh : facts.keyFigure.en]);
  if (facts.exportControl) {
    const staleness = today === undefined ? undefined : isExportStatusStale(facts, today);
    const status = t.exportKinds[facts.exportControl];
    rows.push([
      t.exportControl,
      !staleness?.stale
        ? status
        : `${status} · ${staleness.asOf ? fmt(strings.card.stale, { date: staleness.asOf }) : strings.card.staleUndated}`,
    ]);
  }
  if (facts.country?.length)
    rows.push([t.country, facts.country.map((c) => countryName(c, lang)).join(lang === 'zh' ? '、' : ', ')]);
  if (rows.length === 0) return null;
  const headingId = `${idPrefix}-facts`;
  return (
    <section class="fact-strip" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.heading}</h3>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {facts.sources.length > 0 && (
        <p class="fact-sources">
          {t.sources}:{' '}
          {facts.sources.map((s, i) => (
            <span key={`${s.publisher}-${i}`}>
              {i > 0 && ' · '}
              {s.url || s.via ? (
                <a
                  class="source"
                  href={s.url ?? s.via}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={s.title}
                >
                  {s.publisher}
                </a>
              ) : (
                s.publisher
              )}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
