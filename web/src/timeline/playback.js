// The playhead: virtual time advancing with requestAnimationFrame, stepping event by event, honouring
// prefers-reduced-motion (play jumps straight to the end). It moves through warped time, so collapsed idle
// stretches pass quickly.

export const SPEEDS = [1, 5, 15, 60, 300];

export class Playback {
  constructor({ onTime = () => {}, onState = () => {}, reducedMotion = () => false, raf, caf } = {}) {
    this.onTime = onTime;
    this.onState = onState;
    this.reducedMotion = reducedMotion;
    this.raf = raf ?? ((f) => requestAnimationFrame(f));
    this.caf = caf ?? ((h) => cancelAnimationFrame(h));
    this.t = 0;
    this.end = 0;
    this.times = [];
    this.warp = { toW: (t) => t, toT: (w) => w, total: 0 };
    this.speed = 15;
    this.playing = false;
    this.handle = 0;
  }

  /** A new run to play: warp from layout, the sorted moments of its events, and its end. */
  setTrack({ warp, times, end }) {
    this.warp = warp;
    this.times = [...new Set(times)].sort((a, b) => a - b);
    this.end = end;
    if (this.t > end) this.seek(end);
  }

  /** The slowest speed from SPEEDS that plays the whole run in about `seconds` of real time. */
  autoSpeed(seconds = 12) {
    const total = this.warp.toW(this.end);
    this.speed = SPEEDS.find((s) => total / s <= seconds) ?? SPEEDS[SPEEDS.length - 1];
    return this.speed;
  }

  seek(t) {
    this.t = Math.min(Math.max(t, 0), this.end);
    this.onTime(this.t);
  }

  play() {
    if (this.reducedMotion()) {
      this.pause();
      this.seek(this.end);
      return;
    }
    if (this.t >= this.end - 1e-9) this.seek(0);
    if (this.playing) return;
    this.playing = true;
    this.onState(true);
    let last = null;
    const frame = (now) => {
      if (!this.playing) return;
      if (last !== null) {
        const w = this.warp.toW(this.t) + ((now - last) / 1000) * this.speed;
        const t = this.warp.toT(w);
        if (t >= this.end) {
          this.seek(this.end);
          this.pause();
          return;
        }
        this.seek(t);
      }
      last = now;
      this.handle = this.raf(frame);
    };
    this.handle = this.raf(frame);
  }

  pause() {
    if (this.handle) this.caf(this.handle);
    this.handle = 0;
    if (this.playing) {
      this.playing = false;
      this.onState(false);
    }
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  next() {
    this.pause();
    this.seek(this.times.find((x) => x > this.t + 1e-9) ?? this.end);
  }

  prev() {
    this.pause();
    const earlier = this.times.filter((x) => x < this.t - 1e-9);
    this.seek(earlier.length ? earlier[earlier.length - 1] : 0);
  }

  home() {
    this.pause();
    this.seek(0);
  }

  toEnd() {
    this.pause();
    this.seek(this.end);
  }
}
