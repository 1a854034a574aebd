/**
 * Counters of the signaling server, served as Prometheus text on `/metrics`.
 */
import { signalTypeName } from '../../src/shared/codec.js';

/** Counters and gauges of one server instance. */
export class SignalingMetrics {
  readonly #messages = new Map<string, number>();
  readonly #rejections = new Map<string, number>();
  readonly #auth = { ok: 0, failed: 0 };
  relayed = 0;

  /** Counts a received message of `type`. */
  message(type: number | undefined): void {
    const name = signalTypeName(type);
    const key = name.startsWith('UNKNOWN') ? 'UNKNOWN' : name;

    this.#messages.set(key, (this.#messages.get(key) ?? 0) + 1);
  }

  /** Counts a rejected message or socket by error code. */
  rejection(code: string): void {
    this.#rejections.set(code, (this.#rejections.get(code) ?? 0) + 1);
  }

  authenticated(ok: boolean): void {
    if (ok) this.#auth.ok += 1;
    else this.#auth.failed += 1;
  }

  /**
   * Prometheus text exposition (version 0.0.4). `redisUp` (1 or 0) is left out without Redis.
   */
  render(
    gauges: { pending: number; authenticated: number; accounts: number },
    redisUp?: number,
  ): string {
    const memory = process.memoryUsage();
    const lines = [
      '# HELP stardust_signaling_connections Open WebSocket connections by state.',
      '# TYPE stardust_signaling_connections gauge',
      `stardust_signaling_connections{state="pending"} ${gauges.pending}`,
      `stardust_signaling_connections{state="authenticated"} ${gauges.authenticated}`,
      '# HELP stardust_signaling_accounts Accounts with at least one socket on this instance.',
      '# TYPE stardust_signaling_accounts gauge',
      `stardust_signaling_accounts ${gauges.accounts}`,
      '# HELP stardust_signaling_messages_total Messages received, by signal type.',
      '# TYPE stardust_signaling_messages_total counter',
      ...[...this.#messages].map(
        ([type, count]) => `stardust_signaling_messages_total{type="${type}"} ${count}`,
      ),
      '# HELP stardust_signaling_rejections_total Rejected messages and sockets, by error code.',
      '# TYPE stardust_signaling_rejections_total counter',
      ...[...this.#rejections].map(
        ([code, count]) => `stardust_signaling_rejections_total{code="${code}"} ${count}`,
      ),
      '# HELP stardust_signaling_auth_total Authentication attempts by result.',
      '# TYPE stardust_signaling_auth_total counter',
      `stardust_signaling_auth_total{result="ok"} ${this.#auth.ok}`,
      `stardust_signaling_auth_total{result="failed"} ${this.#auth.failed}`,
      '# HELP stardust_signaling_relayed_total Frames delivered to sockets.',
      '# TYPE stardust_signaling_relayed_total counter',
      `stardust_signaling_relayed_total ${this.relayed}`,
      ...(redisUp === undefined
        ? []
        : [
            '# HELP stardust_signaling_redis_up Whether the shared Redis is reachable (1) or not (0).',
            '# TYPE stardust_signaling_redis_up gauge',
            `stardust_signaling_redis_up ${redisUp}`,
          ]),
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${memory.rss}`,
      '# HELP nodejs_heap_used_bytes V8 heap in use, in bytes.',
      '# TYPE nodejs_heap_used_bytes gauge',
      `nodejs_heap_used_bytes ${memory.heapUsed}`,
    ];

    return `${lines.join('\n')}\n`;
  }
}

/**
 * Counts rejections by code and logs them as one line per period instead of one line per
 * message, so a flood cannot flood the log.
 */
export class RejectionLog {
  #counts = new Map<string, number>();
  readonly #log: (counts: Record<string, number>) => void;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(log: (counts: Record<string, number>) => void, periodMs = 10_000) {
    this.#log = log;
    this.#timer = setInterval(() => this.#flush(), periodMs);
    this.#timer.unref();
  }

  add(code: string): void {
    this.#counts.set(code, (this.#counts.get(code) ?? 0) + 1);
  }

  /** Stops the timer and logs the counts of the unfinished period, so none are lost. */
  stop(): void {
    clearInterval(this.#timer);
    this.#flush();
  }

  #flush(): void {
    if (this.#counts.size === 0) return;

    const counts = Object.fromEntries(this.#counts);

    this.#counts = new Map();
    this.#log(counts);
  }
}
