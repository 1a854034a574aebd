/**
 * The ringtone of an incoming call, made with WebAudio: a 440 + 480 Hz dual tone, two
 * seconds on and four off (the North American ring cadence), so no audio file ships.
 *
 * Autoplay rules: an `AudioContext` made without a user gesture starts `suspended` in most
 * browsers. The ringtone then stays silent and reports `blocked`; {@link Ringtone.resume}
 * from a click or key press starts it. It never plays before the page could play sound.
 */
export class Ringtone {
  #context: AudioContext | null = null;
  #gain: GainNode | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  /** True while the ringtone is wanted but the browser keeps audio suspended (autoplay). */
  get blocked(): boolean {
    return this.#context !== null && this.#context.state !== 'running';
  }

  /** True between {@link start} and {@link stop}. */
  get ringing(): boolean {
    return this.#context !== null;
  }

  /** Starts ringing; returns whether sound could start (false while autoplay blocks it). */
  async start(): Promise<boolean> {
    if (this.#context !== null) return !this.blocked;

    if (typeof AudioContext === 'undefined') return false;

    const context = new AudioContext();
    const gain = context.createGain();

    gain.gain.value = 0;
    gain.connect(context.destination);

    for (const frequency of [440, 480]) {
      const oscillator = context.createOscillator();

      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
    }

    this.#context = context;
    this.#gain = gain;
    this.#schedule();
    this.#timer = setInterval(() => this.#schedule(), 6000);

    return this.resume();
  }

  /** Resumes a ringtone that autoplay suspended; call it from a user gesture. */
  async resume(): Promise<boolean> {
    const context = this.#context;

    if (context === null) return false;

    if (context.state === 'suspended') {
      // Resolves only once the browser allows audio; a page without a gesture waits here.
      await Promise.race([context.resume(), new Promise((resolve) => setTimeout(resolve, 200))]);
    }

    return context.state === 'running';
  }

  /** Stops ringing and releases the audio context. */
  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);

    this.#timer = null;
    void this.#context?.close().catch(() => undefined);
    this.#context = null;
    this.#gain = null;
  }

  /** Schedules one 6 s cycle: 2 s of tone, then 4 s of silence. */
  #schedule(): void {
    const context = this.#context;
    const gain = this.#gain;

    if (context === null || gain === null) return;

    const start = context.currentTime;

    gain.gain.setValueAtTime(0.12, start);
    gain.gain.setValueAtTime(0, start + 2);
  }
}
