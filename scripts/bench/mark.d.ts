/** The part of mark.js 8.11.1's API the benchmark uses (the package ships no types). */
declare module 'mark.js' {
  interface MarkOptions {
    separateWordSearch?: boolean;
    accuracy?: 'partially' | 'complementary' | 'exactly' | { value: 'exactly'; limiters: string[] };
    caseSensitive?: boolean;
    diacritics?: boolean;
    exclude?: string[];
    done?: (marks: number) => void;
  }
  export default class Mark {
    constructor(context: Element | NodeList | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}
