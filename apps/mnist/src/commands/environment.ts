import { cpus, totalmem } from 'node:os';
import { getKernels } from '@backprop/core';
import type { BenchEnvironment } from '../results/results-schema';

/** The machine a run happened on, for the results document. */
export function describeEnvironment(tfjsBackend: string | null, tfjsSkipped: string[] = []): BenchEnvironment {
  const cpuList = cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpu: cpuList[0]?.model?.trim() || 'unknown',
    cpus: Math.max(1, cpuList.length),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    tfjsBackend,
    tfjsSkipped,
    kernels: getKernels().name,
  };
}
