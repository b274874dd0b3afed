/**
 * An http(s) URL, resolved against the page's address, or null. Anything else (`javascript:`,
 * `data:`, `file:`…) is dropped: these fields end up as links and image sources in the web UI
 * and in other people's tools.
 */
export function httpUrl(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const resolved = new URL(url.trim(), base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}
