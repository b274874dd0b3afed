import { readFileSync, readdirSync } from 'node:fs';

// CPU and memory of processes as Linux counts them (/proc), for benchmarks: CPU time rather than
// wall time, because the machine is shared and its load varies.

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Stat {
  ppid: number;
  cpuMs: number;
  childrenCpuMs: number;
}

function statOf(pid: number): Stat | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return {
      ppid: Number(fields[1]),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      childrenCpuMs: (Number(fields[13]) + Number(fields[14])) * TICK_MS,
    };
  } catch {
    return null;
  }
}

/** CPU ms used by a process, its live descendants and its reaped children (0 when it is gone). */
export function treeCpuMs(pid: number | null | undefined): number {
  if (!pid) return 0;
  const stats = new Map<number, Stat>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = statOf(Number(d));
    if (s) stats.set(Number(d), s);
  }
  const root = stats.get(pid);
  if (!root) return 0;
  let total = root.cpuMs + root.childrenCpuMs;
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.pop()!;
    for (const [p, s] of stats) {
      if (s.ppid !== parent) continue;
      total += s.cpuMs + s.childrenCpuMs;
      queue.push(p);
    }
  }
  return total;
}

/** Resident memory now and at its peak (VmRSS, VmHWM), in MB; zeros when the process is gone. */
export function memoryMbOf(pid: number | null | undefined): { rss: number; peak: number } {
  if (!pid) return { rss: 0, peak: 0 };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** The first process whose command line has every one of `parts` (e.g. a Java server by class and port). */
export function findProcess(...parts: string[]): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (parts.every((p) => cmd.some((c) => c.includes(p)))) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}
