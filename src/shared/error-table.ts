/**
 * The meaning of every error code and the action to take, for the docs page, Node code and
 * applications that show help next to an error.
 *
 * `docs/errors.md` is generated from this table (`npm run docs:errors`) and a test keeps the
 * two equal. The codes themselves are in `errors.ts`. Only importers of this module carry
 * the prose, so the CDN file, which never imports it, stays small.
 */
import type { ERROR_AREAS, ErrorCode } from './errors.js';

/** Every error code with its area, what it means and what to do. */
export const ERROR_CODES = {
  // Configuration and usage.
  CONFIG_INVALID: {
    area: 'config',
    meaning: 'A configuration value or attribute is missing or malformed.',
    action: 'Fix the named option or attribute; the message says which and why.',
  },
  INVALID_ARGUMENT: {
    area: 'config',
    meaning: 'A method was called with an argument it cannot accept.',
    action: 'Check the argument named in the message against the API reference.',
  },
  INVALID_STATE: {
    area: 'config',
    meaning:
      'The operation is not allowed in the current state (for example answering a call that already ended).',
    action: 'Wait for the state the operation needs, or listen to the state events before acting.',
  },
  DISPOSED: {
    area: 'config',
    meaning: 'The object was disposed and can no longer be used.',
    action: 'Create a new client or element instance.',
  },
  INTERNAL_ERROR: {
    area: 'config',
    meaning: 'An unexpected failure inside the SDK or the server.',
    action: 'Report it with the logged context; the operation can usually be retried.',
  },

  // Signaling protocol, checked by the server.
  PROTOCOL_DECODE: {
    area: 'protocol',
    meaning: 'A frame or payload could not be decoded with the signaling schema.',
    action:
      'Send frames encoded with proto/voice.proto; this is a client bug or a corrupted frame.',
  },
  FRAME_TOO_LARGE: {
    area: 'protocol',
    meaning: 'A frame exceeded the server maximum frame size (64 KB by default).',
    action: 'Send smaller messages; voice data goes to IPFS, never through signaling.',
  },
  UNKNOWN_TYPE: {
    area: 'protocol',
    meaning: 'The message type is missing or not one this server handles.',
    action: 'Upgrade the server, or stop sending this type to it.',
  },
  MISSING_FIELD: {
    area: 'protocol',
    meaning: 'A field the message type requires is missing or empty.',
    action: 'Fill the field named in the message.',
  },
  NOT_AUTHENTICATED: {
    area: 'protocol',
    meaning: 'A message other than AUTH_RESPONSE arrived before authentication finished.',
    action: 'Answer AUTH_CHALLENGE first; the SDK does this on connect.',
  },
  AUTH_FAILED: {
    area: 'protocol',
    meaning:
      'The challenge answer was missing, late or signed by a key other than the delegated session key.',
    action:
      'Reconnect to get a fresh challenge; check that the session key matches the delegation.',
  },
  FROM_MISMATCH: {
    area: 'protocol',
    meaning: 'The message names a sender other than the account the socket authenticated as.',
    action: 'Send only as the authenticated account.',
  },
  SESSION_KEY_MISMATCH: {
    area: 'protocol',
    meaning: 'The message names a session key other than the one the socket authenticated with.',
    action: 'Sign with the session key of this connection.',
  },
  TIMESTAMP_OUT_OF_WINDOW: {
    area: 'protocol',
    meaning: 'The message timestamp is more than 30 seconds away from the receiver clock.',
    action: 'Check the system clock of the sender; the SDK re-stamps queued messages on reconnect.',
  },
  NONCE_REPLAYED: {
    area: 'protocol',
    meaning: 'A message with the same nonce was already seen within the replay window.',
    action: 'Use a fresh random nonce per message; a repeat is a replay and is dropped.',
  },
  SIGNATURE_INVALID: {
    area: 'protocol',
    meaning: 'The session-key signature does not verify over the canonical signing bytes.',
    action: 'The message was forged or altered in transit and was dropped.',
  },
  RATE_LIMITED: {
    area: 'protocol',
    meaning: 'The socket or account sent more messages than the rate limit allows.',
    action: 'Slow down; persistent excess closes the socket with code 1008.',
  },
  NOT_CALL_PARTY: {
    area: 'protocol',
    meaning: 'SDP or ICE was addressed to an account that is not the other party of a known call.',
    action: 'Send negotiation messages only within a call that was invited and accepted.',
  },
  PEER_NOT_FOUND: {
    area: 'protocol',
    meaning: 'The addressed account has no live session.',
    action: 'Retry later; for calls the caller receives CALL_BUSY with reason offline instead.',
  },
  SLOW_CONSUMER: {
    area: 'protocol',
    meaning: 'The socket stopped reading and its send buffer passed the server limit.',
    action: 'The client reconnects; keep the page responsive while connected.',
  },
  SERVER_RESTARTING: {
    area: 'protocol',
    meaning: 'The server is shutting down (close code 1012) or overloaded (close code 1013).',
    action: 'Nothing: the client reconnects with a longer backoff.',
  },
  SERVER_UNAVAILABLE: {
    area: 'protocol',
    meaning:
      'The signaling server cannot reach the Redis it shares with other instances, so it cannot route or record the message.',
    action:
      'Retry after a few seconds; a socket refused during authentication is closed with 1013 and the client reconnects. Operators check Redis.',
  },

  // Session delegation.
  DELEGATION_INVALID: {
    area: 'delegation',
    meaning:
      'The delegation is malformed: wrong domain tag, key length, or issued after it expires.',
    action: 'Create a new session; the SDK asks the wallet once.',
  },
  DELEGATION_EXPIRED: {
    area: 'delegation',
    meaning: 'The delegation expired (24 hours after issue by default) or is not valid yet.',
    action: 'Create a new session; the SDK asks the wallet once.',
  },
  DELEGATION_WRONG_GENESIS: {
    area: 'delegation',
    meaning: 'The delegation names another chain than the one this server serves.',
    action:
      'Connect the wallet to the right chain, or configure the server with the right genesis hash.',
  },
  DELEGATION_WRONG_ORIGIN: {
    area: 'delegation',
    meaning: 'The delegation was made for another web origin than the page that connects.',
    action: 'Sessions are bound to one origin; create a new session on this page.',
  },
  DELEGATION_BAD_SIGNATURE: {
    area: 'delegation',
    meaning:
      'The wallet signature over the delegation statement does not verify for the named account.',
    action:
      'Sign the statement with the named account, raw or wrapped in <Bytes>, and nothing else.',
  },
  DELEGATION_REVOKED: {
    area: 'delegation',
    meaning:
      'The session was ended with logout() and its delegation is no longer accepted by the server.',
    action: 'Log in again.',
  },
  DELEGATION_NOT_FOUND: {
    area: 'delegation',
    meaning: 'No live delegation is known for the account and session key.',
    action: 'The sender is offline or the session expired; messages from it are dropped.',
  },

  // Signaling client.
  SIGNAL_TIMEOUT: {
    area: 'signaling',
    meaning: 'A request got no answer from the signaling server in time.',
    action: 'Retry; check that the server is reachable.',
  },
  SIGNAL_DISCONNECTED: {
    area: 'signaling',
    meaning: 'The signaling connection closed before the request was answered, or is closed.',
    action: 'The client reconnects on its own; retry once it is connected.',
  },
  SIGNAL_UNREACHABLE: {
    area: 'signaling',
    meaning: 'The signaling server could not be reached and the reconnect policy gave up.',
    action: 'Check the signaling URL and the server, then connect again.',
  },
  MESSAGE_EXPIRED: {
    area: 'signaling',
    meaning:
      'A message queued during a reconnect was no longer valid to send, such as an offer for an ended call.',
    action: 'Nothing: it was dropped on purpose.',
  },

  // Wallet.
  WALLET_NOT_FOUND: {
    area: 'wallet',
    meaning: 'No wallet extension is installed or enabled for this page.',
    action: 'Install polkadot-js, Talisman or SubWallet, or use the dev signer in development.',
  },
  WALLET_TIMEOUT: {
    area: 'wallet',
    meaning: 'The wallet extension did not answer the enable request in time.',
    action: 'Open the extension and approve the page, then try again.',
  },
  WALLET_REJECTED: {
    area: 'wallet',
    meaning: 'The user refused the request in the wallet.',
    action: 'Ask again only after a new user action.',
  },
  WALLET_NO_ACCOUNTS: {
    area: 'wallet',
    meaning: 'The wallet shares no account usable on this chain.',
    action: 'Create or share an sr25519 or ed25519 account for this chain in the extension.',
  },
  ACCOUNT_UNSUPPORTED: {
    area: 'wallet',
    meaning: 'The account type (such as Ethereum) or its genesis pin cannot sign for this chain.',
    action: 'Pick a Substrate sr25519 or ed25519 account without a pin to another chain.',
  },
  WALLET_SIGNATURE_INVALID: {
    area: 'wallet',
    meaning:
      'The wallet returned a signature that verifies neither over the <Bytes>-wrapped message nor over the raw message for the account.',
    action: 'Report the wallet and its version; the signature was not used.',
  },
  ADDRESS_INVALID: {
    area: 'wallet',
    meaning: 'An address is malformed or its SS58 checksum is wrong.',
    action: 'Check the address; accounts are compared by public key whatever the SS58 prefix.',
  },

  // Chain.
  CHAIN_UNREACHABLE: {
    area: 'chain',
    meaning: 'The chain node could not be reached.',
    action: 'Check the chain URL; records that need the chain are kept and retried.',
  },
  CHAIN_PALLET_MISSING: {
    area: 'chain',
    meaning: 'The chain metadata lacks a pallet or call the SDK needs.',
    action: 'Connect to a Stardust runtime with the voice pallets (or the devnet).',
  },
  TX_INVALID: {
    area: 'chain',
    meaning:
      'The node rejected the transaction before inclusion (bad signature, stale nonce, cannot pay fees).',
    action: 'Read the reason in the message; fund the account or retry with a fresh nonce.',
  },
  TX_FAILED: {
    area: 'chain',
    meaning: 'The transaction was included but its dispatch failed with a module error.',
    action: 'The message names the pallet error and its documentation.',
  },
  TX_DROPPED: {
    area: 'chain',
    meaning:
      'The transaction left the pool without inclusion, or the connection was lost before its result was known.',
    action: 'Check the chain state before resubmitting; the SDK does so for its own retries.',
  },

  // Recording and playback.
  RECORDING_TOO_SHORT: {
    area: 'message',
    meaning: 'The recording was shorter than one second and was discarded.',
    action: 'Hold the button longer.',
  },
  EMPTY_RECORDING: {
    area: 'message',
    meaning: 'The recording contains no audio (only Ogg headers); nothing was uploaded or signed.',
    action: 'Check the microphone and record again.',
  },
  ENCODER_CONFIG_INVALID: {
    area: 'message',
    meaning:
      'Encoder options are invalid, such as a sample rate Opus does not support (8, 12, 16, 24 or 48 kHz).',
    action: 'Fix the option named in the message.',
  },
  ENCODER_LOAD_FAILED: {
    area: 'message',
    meaning: 'The Opus encoder asset could not be loaded.',
    action:
      "Serve the SDK's chunks next to the bundle (with CORS from another origin) and allow blob: and 'wasm-unsafe-eval' in the CSP script-src.",
  },
  MIC_PERMISSION_DENIED: {
    area: 'message',
    meaning: 'The user or the browser denied microphone access.',
    action: 'Allow the microphone for this site in the browser settings.',
  },
  MIC_NOT_FOUND: {
    area: 'message',
    meaning: 'No microphone is available.',
    action: 'Connect a microphone.',
  },
  MIC_UNAVAILABLE: {
    area: 'message',
    meaning:
      'The microphone exists but could not be started (in use by another program, or hardware error).',
    action: 'Close other programs using the microphone and try again.',
  },
  PLAYBACK_BLOCKED: {
    area: 'message',
    meaning: 'The browser blocked playback without a user gesture.',
    action: 'Tap play again.',
  },
  RECORDING_FAILED: {
    area: 'message',
    meaning:
      'The recording stopped because the encoder failed or the microphone track ended while recording.',
    action: 'Record again; if it repeats, check the microphone in the browser settings.',
  },
  AUDIO_FORMAT_INVALID: {
    area: 'message',
    meaning: 'The audio is neither an Ogg Opus nor a WebM stream that can be parsed.',
    action: 'Record with the SDK recorder or MediaRecorder (audio/webm; codecs=opus).',
  },
  PLAYBACK_FAILED: {
    area: 'message',
    meaning: 'The audio could not be decoded or played on this browser.',
    action: 'Retry; if it repeats, the browser lacks Ogg Opus and WebAudio decoding support.',
  },

  // Voice message delivery and encryption.
  KEY_BINDING_INVALID: {
    area: 'message',
    meaning:
      'A device key or prekey from the key directory is not bound to the account by a valid signature.',
    action: 'The key directory returned a substituted key; nothing was sent to it.',
  },
  NO_RECIPIENT_DEVICES: {
    area: 'message',
    meaning:
      'The recipient has no published device keys, or no one-time prekeys left for a burn message.',
    action: 'Ask the recipient to open the app once so it publishes its keys.',
  },
  DECRYPT_FAILED: {
    area: 'message',
    meaning: 'The envelope failed authentication or this device holds no key for it.',
    action: 'The message was altered, or not sent to this device.',
  },
  PUBLIC_BURN_UNSUPPORTED: {
    area: 'message',
    meaning:
      'A voice message was sent both public and burn-after-reading; a public message is stored unencrypted on IPFS, so it cannot be burned.',
    action: 'Send it encrypted to burn it after reading, or public without burn.',
  },
  MESSAGE_BURNED: {
    area: 'message',
    meaning: 'The burn-after-reading message was already played on this device and destroyed.',
    action: 'Nothing: it cannot be opened again.',
  },
  MESSAGE_UNAVAILABLE: {
    area: 'message',
    meaning:
      'Every IPFS gateway failed, timed out or returned content that does not match the CID.',
    action: 'Retry later; another gateway or the sender node may come back.',
  },
  CID_MISMATCH: {
    area: 'message',
    meaning: 'A gateway returned bytes that do not hash to the requested CID.',
    action: 'Nothing: the next gateway is tried and the bytes are never cached.',
  },
  IPFS_UPLOAD_FAILED: {
    area: 'message',
    meaning: 'The IPFS add request failed.',
    action: 'The message stays in the outbox and is retried.',
  },
  STORAGE_UNAVAILABLE: {
    area: 'message',
    meaning: 'IndexedDB cannot be opened; the SDK runs in memory and nothing persists.',
    action: 'Leave private browsing mode to keep messages across reloads.',
  },
  STORAGE_FULL: {
    area: 'message',
    meaning: 'The browser storage quota is used up, so an outbox item or key could not be saved.',
    action:
      'Free space in the browser or lower the cache quota; the item stays in memory until then.',
  },

  // Calls.
  CALL_BUSY: {
    area: 'call',
    meaning: 'The callee is already in a call.',
    action: 'Try again later.',
  },
  CALL_OFFLINE: {
    area: 'call',
    meaning: 'The callee has no live signaling session.',
    action: 'Try again later, or send a voice message.',
  },
  CALL_REJECTED: {
    area: 'call',
    meaning: 'The callee declined the call.',
    action: 'Nothing.',
  },
  CALL_TIMEOUT: {
    area: 'call',
    meaning: 'Nobody answered within the ring timeout (the chain CallTimeout, 60 s by default).',
    action: 'Nothing: the call shows as missed.',
  },
  CALL_TAMPERED: {
    area: 'call',
    meaning: 'An SDP message of the call failed its signature check, so the call was ended.',
    action:
      'Someone between the parties altered the negotiation; do not retry through the same server.',
  },
  CALL_NETWORK_ERROR: {
    area: 'call',
    meaning: 'The media connection failed and ICE restart did not recover it.',
    action: 'Check the network or configure TURN.',
  },
  CALL_INSUFFICIENT_BALANCE: {
    area: 'call',
    meaning: 'The caller cannot pay for the first minute of the call.',
    action: 'Fund the account.',
  },
  CALL_CHAIN_BUSY: {
    area: 'call',
    meaning: 'The chain says one of the parties is already in a call.',
    action: 'Wait for the other call to end or be settled.',
  },
  CALL_BLOCKED: {
    area: 'call',
    meaning: 'The callee blocked the caller.',
    action: 'Nothing.',
  },
  CALL_NOT_FOUND: {
    area: 'call',
    meaning: 'The call id is not known to the server or the chain.',
    action: 'The call already ended.',
  },
  MEDIA_DEVICE_FAILED: {
    area: 'call',
    meaning: 'An audio input or output device could not be opened or switched.',
    action: 'Pick another device.',
  },

  // Rooms.
  ROOM_NOT_FOUND: {
    area: 'room',
    meaning: 'The room does not exist on chain.',
    action: 'Check the room id.',
  },
  ROOM_NOT_MEMBER: {
    area: 'room',
    meaning: 'The account is not a member of the room on chain, so it gets no media.',
    action: 'Join the room on chain first.',
  },
  ROOM_CLOSED: {
    area: 'room',
    meaning: 'The room was closed.',
    action: 'Nothing.',
  },
  ROOM_FULL: {
    area: 'room',
    meaning: 'The room has reached its member limit.',
    action: 'Try again when someone leaves.',
  },
  ROOM_NOT_ALLOWED: {
    area: 'room',
    meaning: 'The role or speaking mode does not allow the action (such as a listener unmuting).',
    action: 'Raise a hand or ask a host.',
  },
  ROOM_ALREADY_JOINED: {
    area: 'room',
    meaning:
      'The account is already in an open room (the chain allows one at a time), so it cannot create or join another.',
    action:
      'Open that room, or close it (its host) or leave it (a member) first; the error carries its room id.',
  },
  ROOM_MEDIA_REFUSED: {
    area: 'room',
    meaning: 'The media server refused the member; the detail carries the Janus error code.',
    action: 'Retry the join; report the code if it persists.',
  },
  ROOM_MEDIA_TIMEOUT: {
    area: 'room',
    meaning: 'The media server (Janus) did not answer a request in time (10 seconds by default).',
    action: 'Retry; if it repeats, check the Janus process and its CPU load.',
  },
  ROOM_MEDIA_DISCONNECTED: {
    area: 'room',
    meaning:
      'The connection to the media server (Janus) was lost before the request was answered, or no configured media server is reachable.',
    action:
      'Nothing for members: the server reconnects and rejoins them. Operators check that Janus runs and its WebSocket URL is right.',
  },
  ROOM_MEDIA_UNAVAILABLE: {
    area: 'room',
    meaning: 'No media server is configured and the room is larger than the peer mesh limit.',
    action: 'Install Janus (apt install janus) and start the signaling server with --janus.',
  },
  ROOM_TIP_UNVERIFIED: {
    area: 'room',
    meaning: "The tip's transfer is not in the named block.",
    action: 'Name the block that holds the transfer.',
  },
} as const satisfies {
  [Code in ErrorCode]: { area: (typeof ERROR_AREAS)[Code]; meaning: string; action: string };
};
