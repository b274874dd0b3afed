// The polite HTTP client every stage that reads the web shares (fetch: article pages; discover:
// feeds, sitemaps and home pages): SSRF-safe, deadline- and size-capped (see http/index.ts),
// robots.txt per RFC 9309 and per-host limits shared by every worker through Redis.
export * from './http';
export { createRobotsPolicy, ROBOTS_PRODUCT_TOKEN } from './politeness/robots.policy';
export type { RobotsPolicy, RobotsPolicyOptions, RobotsVerdict } from './politeness/robots.policy';
export { createHostLimiter } from './politeness/host.limiter';
export type { HostLimiter, HostLimiterOptions, HostSlot } from './politeness/host.limiter';
