import type { JanusServerConfig } from '../janus/types.js';

/** The room settings of the `signaling` command. */
export interface RoomFlags {
  /** Rooms are served when the command has a chain to read memberships from. */
  enabled: boolean;
  chainUrl: string | undefined;
  janus: JanusServerConfig[];
  secretKey: string | undefined;
}

/** Usage lines of the room flags, appended to the command's usage. */
export const ROOM_FLAGS_USAGE = `
Voice rooms (served when --chain is given; memberships are read from it):
  --janus URLS          comma-separated Janus WebSocket URLs for room media; without it rooms
                        of up to six members use a peer mesh (env STARDUST_JANUS_URLS)
  --janus-admin-key KEY the AudioBridge admin_key of those servers
                        (env STARDUST_JANUS_ADMIN_KEY)
  --room-secret SECRET  secret the rooms' Janus secrets are derived from; give every instance
                        the same one (env STARDUST_ROOM_SECRET, default random per start)
  --no-rooms            answer room messages with UNKNOWN_TYPE`;

const OWN_FLAGS = new Set(['--janus', '--janus-admin-key', '--room-secret']);

/**
 * Takes the room flags out of `argv` and returns them with the remaining arguments, which
 * the signaling options parser reads. `--chain` stays in place: both need it.
 *
 * @throws TypeError for a flag without its value, or Janus URLs without an admin key.
 */
export function roomFlagsFrom(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { rooms: RoomFlags; rest: string[] } {
  const values = new Map<string, string>();
  const rest: string[] = [];
  let chainUrl = env.STARDUST_CHAIN;
  let disabled = false;

  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    const [flag, inline] = argument.split(/=(.*)/s, 2) as [string, string | undefined];

    if (flag === '--no-rooms') {
      disabled = true;
      continue;
    }

    if (flag === '--chain') chainUrl = inline ?? argv[index + 1] ?? chainUrl;

    if (!OWN_FLAGS.has(flag)) {
      rest.push(argument);
      continue;
    }

    const value = inline ?? argv[index + 1];

    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new TypeError(`${flag} needs a value`);
    }

    values.set(flag, value);

    if (inline === undefined) index += 1;
  }

  const urls = list(values.get('--janus') ?? env.STARDUST_JANUS_URLS);
  const adminKey = values.get('--janus-admin-key') ?? env.STARDUST_JANUS_ADMIN_KEY;

  if (urls.length > 0 && adminKey === undefined) {
    throw new TypeError('--janus needs --janus-admin-key (or STARDUST_JANUS_ADMIN_KEY)');
  }

  return {
    rooms: {
      enabled: !disabled && chainUrl !== undefined,
      chainUrl,
      janus: urls.map((url) => ({ url, adminKey: adminKey! })),
      secretKey: values.get('--room-secret') ?? env.STARDUST_ROOM_SECRET,
    },
    rest,
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
