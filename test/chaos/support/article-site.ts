import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The chaos suite's "internet": a local HTTP server with as many distinct article pages as asked
 * for, generated from one template (own title, people, places, a quotation, several paragraphs),
 * so extraction and enrichment do real work on each. Paths under /gone/ answer 404.
 */
export interface ArticleSite {
  url: string;
  /** Good article URLs 0..n-1 (any number: pages are generated on request). */
  articleUrl(i: number): string;
  /** A URL that answers 404 (the soak's bad URLs). */
  badUrl(i: number): string;
  requests(): number;
  close(): Promise<void>;
}

const FIRST = [
  'Maria',
  'James',
  'Aisha',
  'Kenji',
  'Olga',
  'Pedro',
  'Fatima',
  'Lars',
  'Chen',
  'Amara',
  'Tomas',
  'Ingrid',
  'Rahul',
  'Lucia',
  'Samuel',
  'Noor',
];
const LAST = [
  'Lopez',
  'Whitfield',
  'Okafor',
  'Tanaka',
  'Petrova',
  'Alvarez',
  'Haddad',
  'Lindqvist',
  'Wei',
  'Mensah',
  'Novak',
  'Berg',
  'Sharma',
  'Romano',
  'Adeyemi',
  'Karimi',
];
const ROLES = [
  'the mayor of',
  'a council member in',
  'the police chief of',
  'a spokeswoman for the port of',
  'the head of the school board in',
  'a union leader in',
];
const CITIES = [
  'Springfield',
  'Riverton',
  'Lakeside',
  'Brookhaven',
  'Fairmont',
  'Ashford',
  'Millbrook',
  'Cedar Falls',
  'Westport',
  'Oakridge',
];
const TOPICS = [
  'bridge repairs',
  'a new bus route',
  'the library budget',
  'flood defences',
  'school lunches',
  'a housing plan',
  'park renovations',
  'the water tariff',
];
const ORGS = ['the City Council', 'the Regional Transport Authority', 'the Chamber of Commerce', 'the Teachers Union', 'the Harbour Board'];

const pick = <T>(xs: readonly T[], i: number): T => xs[((i % xs.length) + xs.length) % xs.length] as T;

export function articlePage(i: number): string {
  const a = `${pick(FIRST, i)} ${pick(LAST, i * 7 + 3)}`;
  const b = `${pick(FIRST, i * 5 + 1)} ${pick(LAST, i * 3 + 11)}`;
  const city = pick(CITIES, i * 11 + 2);
  const topic = pick(TOPICS, i * 13 + 5);
  const org = pick(ORGS, i * 17 + 1);
  const title = `${city} weighs ${topic} after vote number ${i}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const para = [
    `${city} officials on Tuesday opened a review of ${topic}, the ${i}th item on a crowded agenda, after ${org} asked for more time to study the costs and the likely effect on residents.`,
    `"We owe people a straight answer on ${topic}, and we will give it before the summer," said ${a}, ${pick(ROLES, i)} ${city}, speaking to reporters outside the town hall.`,
    `${b}, who chairs the finance committee, said the figures presented so far covered only the first two years. "The long-term bill is what worries me," ${b.split(' ')[1]} said, adding that a public hearing was planned for next month.`,
    `Residents who attended the meeting in ${city} were divided. Some said ${topic} had been delayed for too long; others asked why the plan had changed three times since it was first announced in ${2000 + (i % 24)}.`,
    `${org} is expected to publish its own assessment within weeks. A decision by the full council, record ${i} of this session, could come as early as the autumn.`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | The Chaos Courier</title>
<meta name="description" content="${para[0]!.slice(0, 140)}">
<meta name="author" content="${b}">
<meta property="og:site_name" content="The Chaos Courier">
<meta property="article:published_time" content="2024-05-${day}T09:30:00Z">
</head>
<body>
<nav class="top-menu"><ul><li><a href="/">News</a></li><li><a href="/local">Local</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<article class="story">
<h1>${title}</h1>
<div class="byline">By ${b} &middot; <time datetime="2024-05-${day}T09:30:00Z">May ${Number(day)}, 2024</time></div>
<div class="story-body">
${para.map((p) => `<p>${p}</p>`).join('\n')}
</div>
</article>
<aside class="more-stories"><h2>More stories</h2><ul><li><a href="/a">Bridge closure extended</a></li><li><a href="/b">Weather warning for the weekend</a></li></ul></aside>
<footer>Copyright 2024 The Chaos Courier.</footer>
</body>
</html>`;
}

export async function startArticleSite(): Promise<ArticleSite> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const m = /^\/news\/(\d+)\/?$/.exec(path);
    if (!m) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(Number(m[1])));
  });
  // Keep-alive sockets would hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    articleUrl: (i) => `${url}/news/${i}`,
    badUrl: (i) => `${url}/gone/${i}`,
    requests: () => requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
