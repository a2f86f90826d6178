// Types of scripts/provision.mjs for its unit test.
export interface Probe {
  command?: string;
  python?: string;
  dpkg?: string;
}
export interface Requirement {
  pkg: string;
  why: string;
  probe: Probe;
}
export type ProvisionPlan = { action: 'none' } | { action: 'install'; commands: string[][] } | { action: 'instruct'; command: string };
export const requirements: Requirement[];
export function provisionPlan(facts: { missing: string[]; isRoot: boolean; isDebian: boolean; hasAptGet: boolean }): ProvisionPlan;
export function provisionRun(deps: {
  probe: (probe: Probe) => boolean;
  exec: (command: string, args: string[]) => number;
  isRoot: boolean;
  isDebian: boolean;
  hasAptGet: boolean;
  log: (text: string) => void;
}): number;
export function systemProbe(probe: Probe): boolean;
export function osIsDebian(osRelease: string): boolean;
