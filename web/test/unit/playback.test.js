import { describe, expect, it } from 'vitest';
import { Playback } from '../../src/timeline/playback.js';
import { layout } from '../../src/timeline/layout.js';
import seed from '../fixtures/seed.result.json' with { type: 'json' };

function rig({ reduced = false } = {}) {
  const frames = [];
  const times = [];
  const states = [];
  const pb = new Playback({
    onTime: (t) => times.push(t),
    onState: (p) => states.push(p),
    reducedMotion: () => reduced,
    raf: (f) => frames.push(f) && frames.length,
    caf: () => {},
  });
  const L = layout(seed);
  pb.setTrack({ warp: L.warp, times: L.events.map((e) => e.t), end: L.end });
  const tick = (ms) => {
    const f = frames.shift();
    f?.(ms);
  };
  return { pb, times, states, tick, frames };
}

describe('playback', () => {
  it('steps event by event, forwards and back, and clamps at both ends', () => {
    const { pb } = rig();
    pb.home();
    expect(pb.t).toBe(0);
    const seen = [];
    for (let i = 0; i < 6; i++) {
      pb.next();
      seen.push(pb.t);
    }
    expect(seen).toEqual([120, 130, 180, 180, 180, 180]);
    pb.prev();
    expect(pb.t).toBe(130);
    pb.prev();
    pb.prev();
    pb.prev();
    expect(pb.t).toBe(0);
    pb.toEnd();
    expect(pb.t).toBe(180);
  });
  it('advances with animation frames at the chosen speed and stops at the end', () => {
    const { pb, tick, states } = rig();
    pb.speed = 60;
    pb.home();
    pb.play();
    tick(0);
    tick(1000); // one second at ×60
    expect(pb.t).toBeCloseTo(60);
    tick(5000);
    expect(pb.t).toBe(180);
    expect(pb.playing).toBe(false);
    expect(states).toEqual([true, false]);
  });
  it('jumps to the end instead of animating under prefers-reduced-motion', () => {
    const { pb, frames } = rig({ reduced: true });
    pb.home();
    pb.play();
    expect(pb.t).toBe(180);
    expect(frames).toHaveLength(0);
  });
  it('restarts from 0 when played at the end, and picks a speed that fits', () => {
    const { pb } = rig();
    pb.toEnd();
    pb.play();
    expect(pb.t).toBe(0);
    expect(pb.autoSpeed(12)).toBe(15);
  });
});
