/**
 * Hosts that serve ads and trackers into frames (a host and its subdomains). The manifest excludes
 * them from the content script (wxt.config.ts), so the browser does not even inject it there; the
 * list is not part of the content script.
 */
export const AD_HOSTS = [
  'doubleclick.net',
  'googlesyndication.com',
  'googleadservices.com',
  'adnxs.com',
  'amazon-adsystem.com',
  'criteo.com',
  'criteo.net',
  'taboola.com',
  'outbrain.com',
  'rubiconproject.com',
  'pubmatic.com',
  'openx.net',
  'adsrvr.org',
  'casalemedia.com',
  'moatads.com',
  'scorecardresearch.com',
  'teads.tv',
  'yieldmo.com',
  'sharethrough.com',
  'smartadserver.com',
];

/** Match patterns for a manifest's exclude_matches: every page of each host and its subdomains. */
export function adHostPatterns(): string[] {
  return AD_HOSTS.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);
}
