import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

// patches/linkedom+*.patch: linkedom gave every node (each element, text and comment) its own
// listener Map in a module-wide WeakMap when it was created. Pages are parsed once and never
// listened to, so that cost a WeakMap entry per node: 10% of an extraction thread's own time
// and much of its garbage collection. The patch creates the Map on a node's first listener.

describe('linkedom with the lazy listener patch', () => {
  it('is installed (postinstall: patch-package)', () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('linkedom');
    const source = readFileSync(new URL('../esm/interface/event-target.js', `file://${entry}`), 'utf8');
    expect(source).not.toMatch(/constructor\(\)\s*\{\s*wm\.set/);
    expect(source).toMatch(/if \(!map\) wm\.set\(this, map = new Map\)/);
  });

  it('still delivers events: bubbling, once, removal, and nodes that never had a listener', () => {
    const { document, Event } = parseHTML('<html><body><div id="outer"><p id="inner">x</p></div></body></html>');
    const outer = document.getElementById('outer')!;
    const inner = document.getElementById('inner')!;
    const seen: string[] = [];
    outer.addEventListener('ping', (e: Event) => seen.push(`outer:${(e.target as Element).id}`));
    inner.addEventListener('ping', () => seen.push('inner-once'), { once: true });
    const removed = () => seen.push('removed');
    inner.addEventListener('ping', removed);
    inner.removeEventListener('ping', removed);
    // a node without listeners: removing and dispatching are no-ops, not errors
    document.body.removeEventListener('ping', removed);
    document.body.dispatchEvent(new Event('ping'));

    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(seen).toEqual(['inner-once', 'outer:inner', 'outer:inner']);
  });
});
