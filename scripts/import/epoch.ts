/**
 * Reads Epoch AI's "Notable AI Models" CSV (data/sources/) into typed rows: only the columns the
 * importer uses, numbers as numbers, cells trimmed (some model names end with a newline).
 */
import { parse } from 'csv-parse/sync';

export interface EpochRow {
  /** 1-based row number in the CSV (after the header), for the import report. */
  row: number;
  model: string;
  organizations: string[];
  /** Country per organisation, in the same order (Epoch repeats the column per organisation). */
  countries: string[];
  categories: string[];
  published?: string;
  domain: string;
  parameters?: number;
  trainingCompute?: number;
  confidence?: string;
  datasetSize?: number;
  link?: string;
  reference?: string;
  hardware?: string;
  hardwareQuantity?: number;
  baseModel?: string;
  accessibility?: string;
}

const number = (cell: string | undefined): number | undefined => {
  const value = Number(cell?.trim());
  return cell?.trim() && Number.isFinite(value) && value > 0 ? value : undefined;
};
const text = (cell: string | undefined): string | undefined => cell?.replace(/\s+/g, ' ').trim() || undefined;
const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Parses the CSV text into rows. */
export function parseEpoch(csv: string): EpochRow[] {
  const records = parse(csv, { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
  return records.map((r, i) => ({
    row: i + 1,
    model: text(r['Model']) ?? '',
    organizations: list(r['Organization']),
    countries: list(r['Country (of organization)']),
    categories: list(r['Organization categorization']),
    published: text(r['Publication date']),
    domain: list(r['Domain'])[0] ?? 'Other',
    parameters: number(r['Parameters']),
    trainingCompute: number(r['Training compute (FLOP)']),
    confidence: text(r['Confidence']),
    datasetSize: number(r['Training dataset size (gradients)']),
    link: text(r['Link'])?.split(/\s+/)[0],
    reference: text(r['Reference']),
    hardware: list(r['Training hardware'])[0],
    hardwareQuantity: number(r['Hardware quantity']),
    baseModel: text(r['Base model']),
    accessibility: text(r['Model accessibility']),
  }));
}
