/** What the fetch stage leaves in the blob store for extract: the page and how it was got. */
export interface StoredPage {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  charset: string;
  html: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
}
