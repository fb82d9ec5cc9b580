/**
 * The canonical form of a source URL: what a reader should land on, stable over time. Pure string
 * work (WHATWG URL only), shared by the data lint, the importer's checks and the options editor.
 */

/** Query parameters that record how a reader arrived, never which page it is. */
const TRACKING_PARAM =
  /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|ref_url|cmpid|ocid|smid|spm|guccounter|guce_[a-z_]+|sr_share|ito|taid|share_source|share_medium|wt_mc|wt\.mc_id)$/i;

/**
 * Pages that list or search articles (they drift as new ones arrive), not one article: "…/page/41",
 * "/tag/ai", "/search". An article filed under a category ("/category/ai/123.html") is not one.
 */
const PAGED_PATH = /\/page\/\d+\/?$/i;
const LISTING_PATH = /^\/(?:tag|tags|category|categories|search|author|authors)(?:\/[^/.]+)?\/?$/i;
const SEARCH_PARAM = /^(?:q|query|s|search|keyword|keywords|wd)$/i;

/** The host as the registry keys it: lower case, no trailing dot, no leading "www.". */
export function hostKey(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.+$/, '')
    .replace(/^www\./, '');
}

/** The host key of a URL, or undefined when it does not parse. */
export function urlHostKey(url: string): string | undefined {
  try {
    return hostKey(new URL(url).hostname);
  } catch {
    return undefined;
  }
}

/** The tracking parameters a URL carries. */
export function trackingParams(url: URL): string[] {
  return [...new Set([...url.searchParams.keys()].filter((k) => TRACKING_PARAM.test(k)))];
}

/**
 * The URL in canonical form: https, host without a trailing dot, no tracking parameters, no
 * fragment, arXiv papers at their abstract page. Returns the input unchanged when it does not parse.
 */
export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input;
  }
  if (url.protocol === 'http:') url.protocol = 'https:';
  url.hostname = url.hostname.replace(/\.+$/, '');
  for (const key of trackingParams(url)) url.searchParams.delete(key);
  url.hash = '';
  const arxiv = arxivAbstract(url);
  if (arxiv) return arxiv;
  return url.href;
}

/** arxiv.org/pdf/ID(.pdf|vN) → arxiv.org/abs/ID(vN): the abstract is the paper's stable page. */
function arxivAbstract(url: URL): string | undefined {
  if (hostKey(url.hostname) !== 'arxiv.org') return undefined;
  const m = /^\/pdf\/([^/]+?)(?:\.pdf)?\/?$/.exec(url.pathname);
  return m ? `https://arxiv.org/abs/${m[1]}` : undefined;
}

/** What keeps a URL from being canonical, one readable reason each; empty when it is canonical. */
export function urlProblems(input: string): string[] {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return ['is not a URL'];
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:') problems.push('must use https');
  if (url.hostname.endsWith('.')) problems.push('host has a trailing dot');
  const tracking = trackingParams(url);
  if (tracking.length) problems.push(`has tracking parameters (${tracking.join(', ')})`);
  if (url.hash) problems.push('has a fragment (#…)');
  if (arxivAbstract(url)) problems.push('cite the arXiv abstract page (arxiv.org/abs/…), not the PDF');
  if (
    PAGED_PATH.test(url.pathname) ||
    LISTING_PATH.test(url.pathname) ||
    [...url.searchParams.keys()].some((k) => SEARCH_PARAM.test(k))
  )
    problems.push('is a listing or search page, not one article');
  return problems;
}
