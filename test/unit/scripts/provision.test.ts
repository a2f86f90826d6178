// npm test's provisioning step (issue 14): install when root on Debian, else print the one
// command and fail; never skip. Probes and commands are injected; nothing is installed here.
import { describe, expect, it } from 'vitest';
import { osIsDebian, provisionPlan, provisionRun, requirements } from '../../../scripts/provision.mjs';
import type { Probe } from '../../../scripts/provision.mjs';

const all = requirements.map((r) => r.pkg);

/** A machine where `installed` packages are present; `exec` "installs" what apt-get is asked for. */
function machine(
  installed: string[],
  options: { isRoot: boolean; isDebian?: boolean; hasAptGet?: boolean; aptFails?: boolean; aptInstallsNothing?: boolean },
) {
  const present = new Set(installed);
  const ran: string[] = [];
  const logs: string[] = [];
  const pkgOf = (probe: Probe): string => (requirements.find((r) => r.probe === probe) as { pkg: string }).pkg;
  const code = provisionRun({
    probe: (probe) => present.has(pkgOf(probe)),
    exec: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (options.aptFails) return 100;
      if (args[0] === 'install' && !options.aptInstallsNothing) args.slice(3).forEach((p) => present.add(p));
      return 0;
    },
    isRoot: options.isRoot,
    isDebian: options.isDebian ?? true,
    hasAptGet: options.hasAptGet ?? true,
    log: (text) => void logs.push(text),
  });
  return { code, ran, logs };
}

describe('provisionPlan', () => {
  it('does nothing when every package is there', () => {
    expect(provisionPlan({ missing: [], isRoot: false, isDebian: false, hasAptGet: false })).toEqual({ action: 'none' });
  });

  it('installs with apt-get update first when root on Debian', () => {
    expect(provisionPlan({ missing: ['chromium', 'rsyslog'], isRoot: true, isDebian: true, hasAptGet: true })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium', 'rsyslog'],
      ],
    });
  });

  it('prints the one command when not root, and names the packages off Debian', () => {
    expect(provisionPlan({ missing: ['python3-snappy', 'gnutls-bin'], isRoot: false, isDebian: true, hasAptGet: true })).toEqual({
      action: 'instruct',
      command: 'sudo apt-get update && sudo apt-get install -y python3-snappy gnutls-bin',
    });
    expect(provisionPlan({ missing: ['chromium'], isRoot: true, isDebian: false, hasAptGet: false })).toEqual({
      action: 'instruct',
      command: 'install the equivalents of these Debian packages: chromium',
    });
  });
});

describe('provisionRun', () => {
  it('lists every package the tests need, syslog ones included', () => {
    expect(all).toEqual([
      'chromium',
      'python3-snappy',
      'libsnappy-dev',
      'libsnappy-java',
      'default-jdk-headless',
      'rsyslog',
      'rsyslog-gnutls',
      'gnutls-bin',
      'python3-lz4',
    ]);
  });

  it('runs nothing and passes when all are installed', () => {
    expect(machine(all, { isRoot: false })).toEqual({ code: 0, ran: [], logs: [] });
  });

  it('as root on a fresh Debian: apt-get update, then one install of exactly the missing ones, then passes', () => {
    const r = machine(['chromium', 'libsnappy-dev'], { isRoot: true });
    expect(r.ran).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq python3-snappy libsnappy-java default-jdk-headless rsyslog rsyslog-gnutls gnutls-bin python3-lz4',
    ]);
    expect(r.code).toBe(0);
  });

  it('not root: prints the command, exits 1, installs nothing', () => {
    const r = machine(
      all.filter((p) => p !== 'rsyslog-gnutls'),
      { isRoot: false },
    );
    expect(r.code).toBe(1);
    expect(r.ran).toEqual([]);
    expect(r.logs.join('\n')).toBe(
      'npm test needs system packages that are missing:\n  rsyslog-gnutls: syslog over TLS\nRun:\n  sudo apt-get update && sudo apt-get install -y rsyslog-gnutls\nthen npm test again.',
    );
  });

  it('fails when apt-get fails or the packages are still missing afterwards', () => {
    const failed = machine([], { isRoot: true, aptFails: true });
    expect([failed.code, failed.ran]).toEqual([1, ['apt-get update -qq']]);
    const nothing = machine(all.slice(1), { isRoot: true, aptInstallsNothing: true });
    expect(nothing.code).toBe(1);
    expect(nothing.logs.at(-1)).toBe('Still missing after apt-get install: chromium');
  });
});

describe('osIsDebian', () => {
  it('reads ID and ID_LIKE from /etc/os-release', () => {
    expect(osIsDebian('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe(true);
    expect(osIsDebian('ID=ubuntu\nID_LIKE=debian\n')).toBe(true);
    expect(osIsDebian('ID="linuxmint"\nID_LIKE="ubuntu debian"\n')).toBe(true);
    expect(osIsDebian('ID=fedora\nID_LIKE="rhel centos"\n')).toBe(false);
    expect(osIsDebian('')).toBe(false);
  });
});
