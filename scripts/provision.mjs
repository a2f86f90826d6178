// `npm test`'s first step: the system packages the tests use, installed when missing.
//
// As root on Debian/Ubuntu the missing ones are installed with apt-get (after apt-get update);
// anywhere else the one command to run is printed and the step exits 1. It never skips:
// a test run without its independent writers (python3-snappy, snappy-java, rsyslog, Chromium)
// would either fail obscurely or, worse, test less than it says.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * What the tests need: a Debian package and how to see that it is there. `python` probes the
 * system interpreter the fixture scripts run (/usr/bin/python3), not a pyenv/venv one.
 */
export const requirements = [
  { pkg: 'chromium', why: 'e2e tests (Playwright on /usr/bin/chromium)', probe: { command: 'chromium' } },
  { pkg: 'python3-snappy', why: 'snappy fixtures from an independent writer', probe: { python: 'snappy' } },
  { pkg: 'libsnappy-dev', why: 'the C++ snappy reference', probe: { dpkg: 'libsnappy-dev' } },
  { pkg: 'libsnappy-java', why: 'snappy-java stream fixtures', probe: { dpkg: 'libsnappy-java' } },
  { pkg: 'default-jdk-headless', why: 'javac for the snappy-java fixture writer', probe: { command: 'javac' } },
  { pkg: 'rsyslog', why: 'syslog forwarding tests against a real rsyslogd', probe: { command: 'rsyslogd' } },
  { pkg: 'rsyslog-gnutls', why: 'syslog over TLS', probe: { dpkg: 'rsyslog-gnutls' } },
  { pkg: 'gnutls-bin', why: 'certtool for the syslog TLS certificates', probe: { command: 'certtool' } },
  { pkg: 'python3-lz4', why: 'LZ4 blocks from an independent codec (consumer-group PullLogs)', probe: { python: 'lz4.block' } },
];

/**
 * The decision, from facts only: nothing to do, install (the commands to run), or tell the user
 * the command and fail. `missing` are the packages whose probe failed.
 */
export function provisionPlan({ missing, isRoot, isDebian, hasAptGet }) {
  if (missing.length === 0) return { action: 'none' };
  const install = ['apt-get', 'install', '-y', '-qq', ...missing];
  if (isRoot && isDebian && hasAptGet) return { action: 'install', commands: [['apt-get', 'update', '-qq'], install] };
  const command =
    isDebian || hasAptGet
      ? `sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`
      : `install the equivalents of these Debian packages: ${missing.join(' ')}`;
  return { action: 'instruct', command };
}

/** Run the probes, act on the plan; returns the exit code. Every side effect is injected. */
export function provisionRun({ probe, exec, isRoot, isDebian, hasAptGet, log }) {
  const missingOf = () => requirements.filter((r) => !probe(r.probe)).map((r) => r.pkg);
  const missing = missingOf();
  const plan = provisionPlan({ missing, isRoot, isDebian, hasAptGet });
  if (plan.action === 'none') return 0;
  const why = missing.map((pkg) => `  ${pkg}: ${requirements.find((r) => r.pkg === pkg).why}`).join('\n');
  if (plan.action === 'instruct') {
    log(`npm test needs system packages that are missing:\n${why}\nRun:\n  ${plan.command}\nthen npm test again.`);
    return 1;
  }
  log(`Installing the system packages npm test needs:\n${why}`);
  for (const [command, ...args] of plan.commands) {
    const status = exec(command, args);
    if (status !== 0) {
      log(`${command} ${args.join(' ')} failed (exit ${status}); install them by hand: apt-get install -y ${missing.join(' ')}`);
      return 1;
    }
  }
  const still = missingOf();
  if (still.length > 0) {
    log(`Still missing after apt-get install: ${still.join(' ')}`);
    return 1;
  }
  return 0;
}

/** The real probes: a command on PATH, an installed dpkg package, a module of /usr/bin/python3. */
export function systemProbe(probe) {
  const ok = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
  if (probe.command) return ok('sh', ['-c', `command -v ${probe.command}`]);
  if (probe.python) return ok('/usr/bin/python3', ['-c', `import ${probe.python}`]);
  if (probe.dpkg) {
    try {
      return (
        execFileSync('dpkg-query', ['-W', '-f=${Status}', probe.dpkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) ===
        'install ok installed'
      );
    } catch {
      return false;
    }
  }
  throw new Error(`unknown probe ${JSON.stringify(probe)}`);
}

/** Debian or a derivative (Ubuntu…), from /etc/os-release. */
export function osIsDebian(osRelease) {
  const fields = Object.fromEntries(
    osRelease
      .split('\n')
      .map((l) => /^(\w+)=(.*)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], m[2].replace(/^"|"$/g, '')]),
  );
  return fields.ID === 'debian' || (fields.ID_LIKE ?? '').split(/\s+/).includes('debian');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  process.exitCode = provisionRun({
    probe: systemProbe,
    exec: (command, args) =>
      spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status ?? 1,
    isRoot: process.getuid?.() === 0,
    isDebian: osIsDebian(osRelease),
    hasAptGet: spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
    log: (text) => console.error(`provision: ${text.replace(/\n/g, '\nprovision: ')}`),
  });
}
