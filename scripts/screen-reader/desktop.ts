import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitUntil } from './wait-until';

/**
 * A desktop session for a screen reader on a machine without one: Xvfb, a
 * D-Bus session bus, the AT-SPI bus and registry, a window manager (openbox:
 * without one no window is ever active, and Orca ignores the web page's
 * focus), speech-dispatcher with espeak-ng, and Orca itself. Every process
 * is started here and stopped here by its own id.
 */
export type Desktop = {
  /** The environment a program in this session needs (display, buses, home). */
  env: Record<string, string>;
  /** Orca's debug log, line-buffered: its `SPEECH OUTPUT:` lines are what it spoke. */
  orcaLog: string;
  /** Where espeak-ng's audio goes (ALSA's file plugin): it grows only if speech was really synthesised. */
  audioFile: string;
  /** The locale Orca runs in (its own words — "knapp", "lenke" — follow it). */
  locale: string;
  stop: () => Promise<void>;
};

const required: [string, string][] = [
  ['/usr/bin/Xvfb', 'xvfb'],
  ['/usr/bin/dbus-daemon', 'dbus-x11'],
  ['/usr/libexec/at-spi-bus-launcher', 'at-spi2-core'],
  ['/usr/bin/openbox', 'openbox'],
  ['/usr/bin/orca', 'orca'],
  ['/usr/bin/speech-dispatcher', 'speech-dispatcher'],
  ['/usr/bin/espeak-ng', 'espeak-ng'],
];

export function missingPackages(): string[] {
  return required.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
}

/** Orca speaks its own words in Norwegian if the locale exists (`localedef -i nb_NO -f UTF-8 nb_NO.UTF-8`). */
function orcaLocale(): string {
  const locales = spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout ?? '';
  return /^nb_NO\.utf8$/im.test(locales) ? 'nb_NO.UTF-8' : 'C.UTF-8';
}

export async function startDesktop(workDir: string): Promise<Desktop> {
  const home = path.join(workDir, 'home');
  const runtime = path.join(workDir, 'run');
  mkdirSync(home, { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const audioFile = path.join(workDir, 'speech.raw');
  const orcaLog = path.join(workDir, 'orca-debug.log');
  writeSpeechConfig(home, audioFile);
  const locale = orcaLocale();
  const started: ChildProcess[] = [];
  const stop = async () => {
    // speech-dispatcher was spawned by Orca's client library; it leaves its id in the runtime folder.
    const speechPid = Number(readIfExists(path.join(runtime, 'speech-dispatcher', 'pid', 'speech-dispatcher.pid')).trim());
    if (speechPid > 0) await killPid(speechPid);
    for (const child of started.reverse()) if (child.pid) await killPid(child.pid);
  };
  try {
    const display = await startXvfb(started);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_RUNTIME_DIR: runtime,
      DISPLAY: display,
      LANG: locale,
      LC_ALL: locale,
    };
    env.DBUS_SESSION_BUS_ADDRESS = await startSessionBus(started, env);
    started.push(spawnQuiet('/usr/libexec/at-spi-bus-launcher', ['--launch-immediately'], env));
    await waitUntil('the AT-SPI bus', () => busHasName(env, 'org.a11y.Bus'), 10_000);
    // What GNOME does at login when assistive technology is on: toolkits (Chromium too) then expose their tree.
    dbusSend(env, [
      '--dest=org.a11y.Bus',
      '/org/a11y/bus',
      'org.freedesktop.DBus.Properties.Set',
      'string:org.a11y.Status',
      'string:IsEnabled',
      'variant:boolean:true',
    ]);
    started.push(spawnQuiet('/usr/bin/openbox', [], env));
    const launcher = path.join(import.meta.dirname, 'orca-line-buffered.py');
    // Not --replace: that kills every Orca of this user, and one running already is someone else's.
    const orca = spawnQuiet('/usr/bin/python3', [launcher, `--debug-file=${orcaLog}`], env);
    started.push(orca);
    await waitUntil(
      'Orca to say it is on',
      () => {
        if (orca.exitCode !== null) throw new Error(`Orca exited (${orca.exitCode}); see ${orcaLog}`);
        return readIfExists(orcaLog).includes('SPEECH OUTPUT:');
      },
      30_000,
    );
    return { env, orcaLog, audioFile, locale, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Xvfb picks a free display itself and writes its number to a descriptor (no race with another X server). */
async function startXvfb(started: ChildProcess[]): Promise<string> {
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  started.push(xvfb);
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return `:${number}`;
}

async function startSessionBus(started: ChildProcess[], env: Record<string, string>): Promise<string> {
  const bus = spawn('/usr/bin/dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env: processEnv(env),
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  started.push(bus);
  return new Promise<string>((resolve, reject) => {
    let text = '';
    bus.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0].trim());
    });
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
}

/**
 * speech-dispatcher's own configuration with one change: ALSA instead of
 * PulseAudio (there is no sound server; with Pulse missing speech-dispatcher
 * hung Orca's start for 10 s and then Orca gave up), and ALSA's default
 * device a file, so the audio espeak-ng makes is kept and can be measured.
 */
function writeSpeechConfig(home: string, audioFile: string): void {
  const config = path.join(home, '.config', 'speech-dispatcher');
  mkdirSync(config, { recursive: true });
  writeFileSync(
    path.join(config, 'speechd.conf'),
    `${readFileSync('/etc/speech-dispatcher/speechd.conf', 'utf8')}\nAudioOutputMethod "alsa"\n`,
  );
  writeFileSync(
    path.join(home, '.asoundrc'),
    `pcm.!default { type file slave.pcm "null" file "${audioFile}" format "raw" }\npcm.null { type null }\n`,
  );
}

/** The session's own environment, nothing inherited (no outer bus, display or LD_PRELOAD leaks in). */
function processEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return env as NodeJS.ProcessEnv;
}

function spawnQuiet(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: processEnv(env), stdio: 'ignore' });
}

function dbusSend(env: Record<string, string>, args: string[]): string {
  return spawnSync('/usr/bin/dbus-send', ['--session', '--print-reply', ...args], { env: processEnv(env), encoding: 'utf8' }).stdout ?? '';
}

function busHasName(env: Record<string, string>, name: string): boolean {
  return dbusSend(env, ['--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.ListNames']).includes(`"${name}"`);
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** SIGTERM, then SIGKILL if the process is still there after two seconds (speech-dispatcher can hang on audio). */
async function killPid(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitUntil(`process ${pid} to end`, () => !alive(), 2000);
  } catch {
    if (alive()) process.kill(pid, 'SIGKILL');
  }
}
