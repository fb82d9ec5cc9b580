/**
 * Reads the table of "Awesome LLMs In China" (data/sources/): per row the company's Chinese name,
 * the model or product with its official link, and the links in the notes (open-source repositories).
 */
export interface ChineseListRow {
  row: number;
  company: string;
  product: string;
  productUrl?: string;
  city: string;
  category: string;
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/;

/** Parses the Markdown table rows (those that start with a row number). */
export function parseChineseList(markdown: string): ChineseListRow[] {
  const rows: ChineseListRow[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // "|序号|公司|大模型|省市|类别|官网|说明|": cells[0] is empty before the first bar.
    if (cells.length < 8 || !/^\d+$/.test(cells[1]!)) continue;
    const link = LINK.exec(cells[3]!);
    const product = (link ? link[1]! : cells[3]!).trim();
    if (!cells[2] || !product) continue;
    rows.push({
      row: Number(cells[1]),
      company: cells[2]!.replace(/\*\*/g, ''),
      product,
      productUrl: link?.[2],
      city: cells[4]!,
      category: cells[5]!,
    });
  }
  return rows;
}
