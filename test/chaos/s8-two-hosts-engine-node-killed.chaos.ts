import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startChaosCluster, type ChaosCluster } from './support/chaos-cluster';
import { CHAOS_URLS } from './support/chaos-env';
import type { ChaosHost } from './support/chaos-run';
import { until } from './support/kills';
import { check } from './support/report';
import { finishScenario, setUpScenario, type Scenario } from './support/scenario';
import { treeCpuMs } from '../support/proc-stats';
import { STAGE_NAMES, type StageProcess, type StageName } from '../support/stage-process';

const DATA = fileURLToPath(new URL('../../.data/chaos-cluster-s8', import.meta.url));
const HTTP_PORTS = [9271, 9272, 9273];
const TRANSPORT_PORTS = [9371, 9372, 9373];

/** Busy and total jiffies of the whole machine (/proc/stat), to tell how much of the CPU a window used. */
function machineCpu(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

const cpuOfSet = (stages: Record<StageName, StageProcess>) => STAGE_NAMES.reduce((sum, s) => sum + treeCpuMs(stages[s].pid()), 0);

// Issue 12, more than one machine: two complete sets of stage processes (as two hosts run them:
// their own processes and health ports) on one Redis, writing to a 3-node engine cluster with one
// replica through every node's URL (SEARCH_URL lists them). Host A alone takes the first 30% of
// the URLs, host B joins for the rest, and once 60% of the rest is enqueued one engine node's JVM
// is SIGKILLed; the last 40% are enqueued after it. N documents, no duplicate, no failed job, both hosts did a share of the work; the
// rates with one host, with two, and after the kill are printed with how busy the machine was.
describe('chaos s8: two hosts, one Redis, a 3-node engine cluster, one node killed', () => {
  let cluster: ChaosCluster;
  let s: Scenario;
  let hostB: ChaosHost;
  beforeAll(async () => {
    cluster = await startChaosCluster({ httpPorts: HTTP_PORTS, transportPorts: TRANSPORT_PORTS, dataDir: DATA, heap: '512m' });
    // Figures are read from node 1, which stays up; the stages know every node.
    s = await setUpScenario('s8', { searchUrl: cluster.urls[0]!, env: { SEARCH_URL: cluster.urls.join(',') } });
    hostB = await s.run.addHost('host-b');
  });
  afterAll(async () => {
    await s?.close();
    await cluster?.stop();
  });

  it(`indexes ${CHAOS_URLS} URLs exactly once with two hosts and an engine node killed`, async () => {
    const n = CHAOS_URLS;
    const first = Math.floor(n * 0.3);
    const t0 = Date.now();
    const urls = Array.from({ length: n }, (_, i) => s.site.articleUrl(i));

    // The probe's own count: until the cluster has dropped the killed node, a refresh that meets
    // a shard copy on it fails (503); the count then stays the last one read.
    let lastCount = 0;
    const docs = async () => {
      try {
        lastCount = await s.run.documents();
      } catch {
        // the killed node not yet left the cluster
      }
      return lastCount;
    };
    // A window's rate: documents indexed over it, and how busy the machine was.
    const window = async (from: number, to: number) => {
      await until(async () => (await docs()) >= from, 10 * 60_000, 300);
      const d0 = await docs();
      const c0 = machineCpu();
      const w0 = Date.now();
      await until(async () => (await docs()) >= to, 10 * 60_000, 300);
      const d1 = await docs();
      const c1 = machineCpu();
      const seconds = (Date.now() - w0) / 1000;
      return {
        documents: d1 - d0,
        docsPerSecond: Number(((d1 - d0) / seconds).toFixed(2)),
        machineCpuUsed: Number(((c1.busy - c0.busy) / Math.max(1, c1.total - c0.total)).toFixed(2)),
      };
    };

    // Host A alone on the first 30%, until they are all in.
    await s.run.enqueue(urls.slice(0, first));
    const oneHost = await window(Math.floor(first * 0.2), Math.floor(first * 0.9));
    await until(async () => (await docs()) >= first, 10 * 60_000, 300);
    // Host B joins (started while the queues are empty, so its start is not counted), then the rest.
    await hostB.startAll();
    // The last 40% are enqueued only once the node is down: the kill comes before the last document
    // whatever the pipeline's speed (a faster pipeline had indexed all 300 between two reads of the
    // count), and those documents are all written to a cluster that has lost a node.
    const rest = n - first;
    const beforeKill = first + Math.floor(rest * 0.6);
    await s.run.enqueue(urls.slice(first, beforeKill));
    const twoHosts = await window(first + Math.floor(rest * 0.1), first + Math.floor(rest * 0.4));
    const docsAtKill = await docs();
    const killedPid = cluster.kill(2);
    const killedAt = Date.now();
    await s.run.enqueue(urls.slice(beforeKill));
    const afterKill = await window(first + Math.floor(rest * 0.5), first + Math.floor(rest * 0.9));
    // The end-of-run figures read every shard: wait (bounded) until the cluster has let the node go.
    const nodesLeft = async () =>
      ((await (await fetch(`${cluster.urls[0]}/_cluster/health`)).json()) as { number_of_nodes: number }).number_of_nodes;
    const nodeGone = await until(async () => (await nodesLeft().catch(() => 3)) === 2, 120_000, 500);

    await finishScenario(s, {
      title: `${n} URLs, host B from the ${first + 1}th, engine node 3 SIGKILLed at ${docsAtKill} documents`,
      t0,
      expectedDocs: n,
      drainTimeoutMs: 15 * 60_000,
      checks: () => {
        const cpuA = cpuOfSet(s.run.stages);
        const cpuB = cpuOfSet(hostB.stages);
        const shareB = cpuB / Math.max(1, cpuA + cpuB);
        return [
          check("host B's share of the stages' CPU (it took part in the last 70%)", '≥ 0.2', shareB.toFixed(2), shareB >= 0.2),
          check('engine node killed before the last document was in', `< ${n}`, docsAtKill, docsAtKill < n),
          check('the cluster went on with the two other nodes', 'yes', nodeGone ? 'yes' : 'no', nodeGone),
          check(
            'every stage of host B worked',
            'all',
            STAGE_NAMES.filter((st) => treeCpuMs(hostB.stages[st].pid()) < 200).join(', ') || 'all',
            STAGE_NAMES.every((st) => treeCpuMs(hostB.stages[st].pid()) >= 200),
          ),
        ];
      },
      extra: { oneHost, twoHosts, afterKill, killedPid, killedAtMs: killedAt - t0, docsAtKill },
      after: async () => {
        const health = (await (await fetch(`${cluster.urls[0]}/_cluster/health`)).json()) as { number_of_nodes: number; status: string };
        const warnLines = (p: StageProcess) =>
          readFileSync(p.logFile, 'utf8')
            .split('\n')
            .filter((l) => l.includes('"level":40')).length;
        // The node really went, and the cluster went on without it (one replica: yellow, nothing lost).
        return {
          engineNodesAfter: health.number_of_nodes,
          engineStatusAfter: health.status,
          indexWarnLines: warnLines(s.run.stages.index) + warnLines(hostB.stages.index),
        };
      },
    });
  });
});
