import { createCatchUpWatch } from './catch-up-watch';

describe('a rebuild’s catch-up watch', () => {
  const clock = () => {
    let at = 0;
    return { now: () => at, advance: (ms: number) => (at += ms) };
  };

  it('keeps going for as long as the lag keeps reaching new lows, however long that takes', () => {
    const time = clock();
    const watch = createCatchUpWatch(1_000, time.now);
    for (let lag = 50_000; lag > 0; lag -= 500) {
      expect(watch(lag)).toBe('catching-up');
      time.advance(900);
    }
    expect(time.now()).toBeGreaterThan(60_000);
    expect(watch(0)).toBe('caught-up');
  });

  it('gives up once the lag has made no new low for longer than the stall limit, even while it moves up and down', () => {
    const time = clock();
    const watch = createCatchUpWatch(1_000, time.now);
    expect(watch(300)).toBe('catching-up');
    time.advance(600);
    expect(watch(320)).toBe('catching-up');
    time.advance(300);
    expect(watch(300)).toBe('catching-up');
    time.advance(200);
    expect(watch(310)).toBe('stalled');
  });

  it('starts the stall clock again at every new low', () => {
    const time = clock();
    const watch = createCatchUpWatch(1_000, time.now);
    watch(100);
    time.advance(990);
    expect(watch(99)).toBe('catching-up');
    time.advance(990);
    expect(watch(99)).toBe('catching-up');
    time.advance(20);
    expect(watch(99)).toBe('stalled');
  });
});
