// The timeline renderer: hand-rolled SVG from layout(); one row per node, segments, backoff waits, deadline
// lines, kill markers, hatched past-deadline time, a playhead revealing the run, zoom/pan and collapsed idle time.
import { s } from '../dom.js';
import { duration, moment, tick } from '../format.js';
import { layout } from './layout.js';

const ROW_H = 36;
const AXIS_H = 40;
const NAME_W = 240;
const PAD_R = 16;
const LABEL_ROOM = 110; // px right of the last moment, so end-of-run labels (kills, deadlines) have room
const BAR_Y = 15; // bar top within a row
const BAR_H = 15;
const NAME_CHAR_W = 7.6; // px per character of a row name (13px sans), and of its 11px phase
const PHASE_CHAR_W = 6.6;
// Above this many rows only those near the viewport are drawn (a 1 000-pod fan-out has 3 000): the rest would cost
// seconds of DOM work and be scrolled past anyway. Below it every row is in the DOM (tests count on it).
const VIRTUAL_MIN_ROWS = 300;
const VIRTUAL_SLACK_ROWS = 25; // drawn beyond the viewport on each side, so a short scroll redraws nothing
const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];

const TYPE_ICON = { Retry: '↻', Pod: '▪', Steps: '☰', StepGroup: '┆', DAG: '◇', Skipped: '↷', Suspend: '‖' };
const PHASE_ICON = { Succeeded: '✓', Failed: '✕', Error: '⚠', Running: '▶', Pending: '…', Skipped: '↷', Omitted: '↷' };

let instances = 0;

export class TimelineView {
  constructor(host, { onSelect = () => {}, onScrub = () => {} } = {}) {
    this.host = host;
    this.onSelect = onSelect;
    this.onScrub = onScrub;
    this.uid = `tl${++instances}`;
    this.width = 0; // measured at the first render: reading it now would force a layout of a page still being built
    this.t = 0;
    this.selected = '';
    this.collapseIdle = true;
    this.view = null; // {w0, w1} in warped seconds
    this.svg = s('svg', { class: 'tl-svg', 'aria-label': 'Timeline of the simulated run', role: 'group' });
    host.append(this.svg);
    this.observer = new ResizeObserver(() => {
      const w = Math.max(this.host.clientWidth, 480);
      if (Math.abs(w - this.width) > 1) {
        this.width = w;
        this.render();
      }
    });
    this.observer.observe(host);
    // scroll events do not bubble: listen in the capture phase for whichever ancestor scrolls
    this.onScroll = () => {
      if (this.scrollQueued) return;
      this.scrollQueued = true;
      requestAnimationFrame(() => {
        this.scrollQueued = false;
        if (!this.L) return;
        if (!this.rowsCover(this.visibleRows())) this.render();
        else this.stickAxis();
      });
    };
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    this.bindPointer();
  }

  /** [first, end) of the rows the viewport shows now; all rows when there are few. */
  visibleRows() {
    const n = this.L.rows.length;
    if (n <= VIRTUAL_MIN_ROWS) return [0, n];
    const view = this.viewBounds();
    const top = view.top - this.svg.getBoundingClientRect().top - AXIS_H; // chart pixels above the view's top
    const first = Math.floor(top / ROW_H);
    const end = Math.ceil((top + view.bottom - view.top) / ROW_H);
    return [Math.min(Math.max(first, 0), n), Math.min(Math.max(end, 0), n)];
  }

  /** Keeps the axis header at the top of the viewport while the chart's top is scrolled away. */
  stickAxis() {
    if (!this.header) return;
    const height = Number(this.svg.getAttribute('height')) || 0;
    const above = this.viewBounds().top - this.svg.getBoundingClientRect().top;
    this.axisOffset = Math.round(Math.min(Math.max(above, 0), Math.max(height - AXIS_H - ROW_H, 0)));
    this.header.setAttribute('transform', `translate(0,${this.axisOffset})`);
    this.header.classList.toggle('stuck', this.axisOffset > 0);
  }

  focusRow(index) {
    const row = this.L?.rows[index];
    if (!row) return;
    this.revealRow(row.name);
    if (!this.rowsCover([index, index + 1])) this.render(); // the scroll's own redraw comes a frame later
    const el = this.svg.querySelector(`.tl-row[data-row="${index}"]`);
    if (!el) return;
    this.setTabRow(el);
    el.focus({ preventScroll: true });
  }

  /** Scrolls the row of a node into view when it is not (a long run draws only the rows near the view). */
  revealRow(name) {
    const row = this.L?.rows.find((r) => r.name === name);
    if (!row) return;
    const top = this.svg.getBoundingClientRect().top + AXIS_H + row.index * ROW_H;
    const view = this.viewBounds();
    const viewTop = view.top + AXIS_H; // below the sticky axis
    if (top >= viewTop && top + ROW_H <= view.bottom) return;
    const by = top - viewTop - (view.bottom - viewTop - ROW_H) / 2; // centre it
    if (this.scroller) this.scroller.scrollTop += by;
    else window.scrollBy(0, by);
  }

  /** The timeline's visible area on screen: the nearest scrolling ancestor's box within the viewport. */
  viewBounds() {
    if (this.scroller === undefined) {
      let el = this.host.parentElement;
      while (el && el !== document.body && !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
      this.scroller = el && el !== document.body ? el : null;
    }
    const box = this.scroller?.getBoundingClientRect();
    return { top: Math.max(box?.top ?? 0, 0), bottom: Math.min(box?.bottom ?? Infinity, window.innerHeight) };
  }

  rowsCover([first, end]) {
    return !!this.drawnRows && first >= this.drawnRows[0] && end <= this.drawnRows[1];
  }

  get chartW() {
    return this.width - NAME_W - PAD_R;
  }

  /** The width the view's time span maps onto: the chart less the label room on the right. */
  get plotW() {
    return Math.max(this.chartW - LABEL_ROOM, 120);
  }

  setData(result, { collapseIdle = this.collapseIdle, keepView = false } = {}) {
    const previous = this.L;
    this.result = result;
    this.collapseIdle = collapseIdle;
    this.L = layout(result, { collapseIdle });
    const total = this.L.warp.total;
    if (!keepView || !this.view || !previous || Math.abs(previous.warp.total - total) > 1e-6) this.view = { w0: 0, w1: total };
    this.render();
  }

  /** time (s) → x (px) */
  x(t) {
    const { w0, w1 } = this.view;
    return NAME_W + ((this.L.warp.toW(t) - w0) / (w1 - w0)) * this.plotW;
  }

  /** x (px) → time (s), clamped to the domain */
  timeAt(px) {
    const { w0, w1 } = this.view;
    const w = w0 + ((px - NAME_W) / this.plotW) * (w1 - w0);
    return Math.min(Math.max(this.L.warp.toT(Math.max(w, 0)), 0), this.L.domainEnd);
  }

  zoom(factor, centerPx = NAME_W + this.plotW / 2) {
    if (!this.L) return;
    const { w0, w1 } = this.view;
    const total = this.L.warp.total;
    const at = w0 + ((centerPx - NAME_W) / this.plotW) * (w1 - w0);
    const span = Math.min(Math.max((w1 - w0) / factor, total / 500, 0.5), total);
    let n0 = at - (at - w0) * (span / (w1 - w0));
    n0 = Math.min(Math.max(n0, 0), total - span);
    this.view = { w0: n0, w1: n0 + span };
    this.render();
  }

  pan(dxPx) {
    if (!this.L) return;
    const { w0, w1 } = this.view;
    const total = this.L.warp.total;
    const dw = (dxPx / this.plotW) * (w1 - w0);
    const n0 = Math.min(Math.max(w0 + dw, 0), total - (w1 - w0));
    this.view = { w0: n0, w1: n0 + (w1 - w0) };
    this.render();
  }

  resetView() {
    if (!this.L) return;
    this.view = { w0: 0, w1: this.L.warp.total };
    this.render();
  }

  isZoomed() {
    return !!this.L && (this.view.w0 > 1e-9 || this.view.w1 < this.L.warp.total - 1e-9);
  }

  setSelected(name) {
    this.selected = name;
    for (const el of this.svg.querySelectorAll('.tl-row.selected')) el.classList.remove('selected');
    const row = [...this.svg.querySelectorAll('.tl-row')].find((el) => el.dataset.node === name);
    if (!row) return;
    row.classList.add('selected');
    if (!this.svg.contains(document.activeElement)) this.setTabRow(row);
  }

  setTabRow(el) {
    for (const other of this.svg.querySelectorAll('.tl-row[tabindex="0"]')) other.setAttribute('tabindex', '-1');
    el.setAttribute('tabindex', '0');
  }

  /** Moves the playhead: only the reveal clip and the playhead move, nothing is rebuilt. */
  setTime(t) {
    this.t = t;
    if (!this.L || !this.revealRect) return;
    const x = Math.min(Math.max(this.x(t), NAME_W), this.width);
    this.revealRect.setAttribute('width', String(Math.max(0, x - NAME_W + 1)));
    this.playhead.setAttribute('transform', `translate(${x},0)`);
    const inView = x >= NAME_W && x <= NAME_W + this.chartW + 0.5;
    this.playhead.classList.toggle('hidden', !inView);
    for (const m of this.markerEls ?? []) m.el.classList.toggle('future', m.t > t + 1e-9);
  }

  render() {
    const svg = this.svg;
    // a redraw (a scroll in a long run, a zoom) must not drop the keyboard focus from the row that has it
    const focusedRow = svg.contains(document.activeElement) ? document.activeElement.closest?.('.tl-row')?.dataset.row : undefined;
    svg.replaceChildren();
    if (!this.L) return;
    if (!this.width) this.width = Math.max(this.host.clientWidth || 800, 480);
    const L = this.L;
    const id = (n) => `${this.uid}-${n}`;
    const height = AXIS_H + Math.max(L.rows.length, 1) * ROW_H + 10;
    svg.setAttribute('width', String(this.width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${this.width} ${height}`);
    const chartRight = NAME_W + this.chartW;
    const rowTop = (i) => AXIS_H + i * ROW_H;
    const [first, end] = this.visibleRows();
    const n = L.rows.length;
    this.drawnRows = n <= VIRTUAL_MIN_ROWS ? [0, n] : [Math.max(first - VIRTUAL_SLACK_ROWS, 0), Math.min(end + VIRTUAL_SLACK_ROWS, n)];
    const drawn = (row) => row >= this.drawnRows[0] && row < this.drawnRows[1];
    svg.dataset.rows = String(n);
    svg.dataset.drawnRows = `${this.drawnRows[0]}-${this.drawnRows[1]}`;

    // patterns: never colour alone — pending is striped, backoff dotted, past-deadline cross-hatched
    svg.append(
      s('defs', {},
        s('pattern', { id: id('pending'), width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
          s('rect', { width: 6, height: 6, class: 'pat-pending-bg' }),
          s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'pat-pending-line' })),
        s('pattern', { id: id('backoff'), width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
          s('rect', { width: 6, height: 6, class: 'pat-backoff-bg' }),
          s('circle', { cx: 3, cy: 3, r: 1.2, class: 'pat-backoff-dot' })),
        s('pattern', { id: id('hatch'), width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(-45)' },
          s('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'pat-hatch-line' })),
        s('clipPath', { id: id('chart') }, s('rect', { x: NAME_W, y: 0, width: this.chartW, height })),
        s('clipPath', { id: id('reveal') }, (this.revealRect = s('rect', { x: NAME_W, y: 0, width: this.chartW, height }))),
      ),
    );

    // row bands and names. One row is in the Tab order (the focused, else the selected, else the first drawn);
    // ↑/↓ move between rows, so a run of a thousand rows is one tab stop.
    const wanted = focusedRow !== undefined ? Number(focusedRow) : L.rows.findIndex((r) => r.name === this.selected);
    const tabRow = drawn(wanted) ? wanted : this.drawnRows[0];
    const rowsG = s('g', { class: 'tl-rows' });
    for (const row of L.rows) {
      if (!drawn(row.index)) continue;
      const y = rowTop(row.index);
      const label = `${TYPE_ICON[row.type] ?? '•'} ${row.label}`;
      // a long name keeps the room it needs by showing the phase as its icon alone, then loses its middle
      const nameX = 10 + row.depth * 14;
      const fullPhase = `${PHASE_ICON[row.phase] ?? ''} ${row.phase ?? ''}`;
      const room = (phaseText) => Math.floor((NAME_W - 18 - phaseText.length * PHASE_CHAR_W - nameX) / NAME_CHAR_W);
      const phaseText = label.length > room(fullPhase) ? (PHASE_ICON[row.phase] ?? '') : fullPhase;
      const g = s('g', {
        class: `tl-row${row.index % 2 ? ' odd' : ''}${row.name === this.selected ? ' selected' : ''}`,
        'data-node': row.name,
        'data-row': row.index,
        tabindex: row.index === tabRow ? 0 : -1,
        role: 'button',
        'aria-label': `${row.name}: ${row.type}, ${row.phase}${row.endedBy ? `, ended by ${row.endedBy}` : ''}. Show why.`,
      },
        s('rect', { class: 'tl-band', x: 0, y, width: this.width, height: ROW_H }),
        s('text', { class: 'tl-name', x: nameX, y: y + ROW_H / 2 + 4, text: clipMiddle(label, room(phaseText)) },
          s('title', { text: `${row.name} (${row.type})` })),
        s('text', { class: `tl-phase phase-${row.phase}`, x: NAME_W - 10, y: y + ROW_H / 2 + 4, 'text-anchor': 'end', text: phaseText },
          s('title', { text: row.phase ?? '' })),
      );
      rowsG.append(g);
    }
    svg.append(rowsG, s('line', { class: 'tl-divider', x1: NAME_W, x2: NAME_W, y1: 0, y2: height }));

    const chart = s('g', { class: 'tl-chart', 'clip-path': `url(#${id('chart')})` });
    svg.append(chart);

    // collapsed idle stretches: a band with a break label, so the squeeze is never hidden
    for (const p of L.warp.breaks) {
      const x0 = this.x(p.t0);
      const x1 = this.x(p.t1);
      chart.append(
        s('g', { class: 'tl-break', 'data-from': p.t0, 'data-to': p.t1 },
          s('rect', { x: x0, y: AXIS_H - 8, width: Math.max(x1 - x0, 1), height: height - AXIS_H + 8 }),
          s('title', { text: `${duration(p.t1 - p.t0)} with nothing running, collapsed (toggle "Collapse idle time")` })),
      );
    }

    const revealed = s('g', { class: 'tl-revealed', 'clip-path': `url(#${id('reveal')})` });
    chart.append(revealed);

    for (const hz of L.hatches) {
      if (!drawn(hz.row)) continue;
      const y = rowTop(hz.row);
      const x0 = this.x(hz.start);
      revealed.append(
        s('rect', { class: 'tl-hatch', x: x0, y: y + 2, width: Math.max(this.x(hz.end) - x0, 0), height: ROW_H - 4, fill: `url(#${id('hatch')})`, 'data-node': hz.node, 'data-from-kind': hz.kind },
          s('title', { text: `${hz.node}: past its ${hz.kind} deadline (${moment(hz.start)})` })),
      );
    }

    for (const seg of L.segments) {
      if (!drawn(seg.row)) continue;
      const y = rowTop(seg.row);
      const x0 = this.x(seg.start);
      const w = Math.max(this.x(seg.end) - x0, seg.kind === 'span' ? 1 : 2);
      const span = seg.kind === 'span';
      const attrs = {
        class: `tl-seg seg-${seg.kind} phase-${seg.phase}${seg.open ? ' open' : ''}`,
        x: x0,
        y: span ? y + BAR_Y + BAR_H / 2 - 3 : y + BAR_Y,
        width: w,
        height: span ? 6 : BAR_H,
        rx: span ? 1 : 2,
        'data-node': seg.node,
        'data-kind': seg.kind,
        'data-phase': seg.phase,
        'data-start': seg.start,
        'data-end': seg.end,
      };
      if (seg.kind === 'pending') attrs.fill = `url(#${id('pending')})`;
      if (seg.kind === 'backoff') attrs.fill = `url(#${id('backoff')})`;
      const what = seg.kind === 'backoff' ? seg.label : seg.kind === 'pending' ? 'Pending' : seg.kind === 'running' ? `Running → ${seg.phase}` : seg.phase;
      const rect = s('rect', attrs, s('title', { text: `${seg.node}: ${what}, ${moment(seg.start)} – ${moment(seg.end)}${seg.open ? ' (not finished)' : ''}` }));
      revealed.append(rect);
      const inner = seg.kind === 'backoff' ? seg.label : seg.kind === 'pending' ? 'Pending' : seg.kind === 'running' ? `${PHASE_ICON[seg.phase] ?? ''} ${seg.phase}` : '';
      if (inner && w > inner.length * 6.5 + 8) {
        revealed.append(s('text', { class: `tl-seg-label seg-${seg.kind} phase-${seg.phase}`, x: x0 + 5, y: y + BAR_Y + BAR_H - 4, text: inner }));
      }
    }

    // markers: exit code, and who killed; outside the reveal clip so labels right of the playhead show,
    // hidden until the playhead reaches them
    this.markerEls = [];
    const markersG = s('g', { class: 'tl-markers' });
    for (const m of L.markers) {
      if (!drawn(m.row)) continue;
      const y = rowTop(m.row);
      const x = this.x(m.t);
      const rightRoom = chartRight - x;
      const anchorEnd = rightRoom < m.label.length * 6.6 + 20;
      const g = s('g', { class: `tl-marker marker-${m.kind}`, 'data-node': m.node, 'data-t': m.t, 'data-ended-by': m.endedBy, 'data-exit-code': m.exitCode ?? '' },
        s('title', { text: `${m.node}: ${m.label}${m.endedBy ? ` (endedBy ${m.endedBy})` : ''} at ${moment(m.t)}` }));
      if (m.kind === 'kill') {
        g.append(
          s('circle', { cx: x, cy: y + BAR_Y + BAR_H / 2, r: 7, class: 'marker-dot' }),
          s('text', { x, y: y + BAR_Y + BAR_H / 2 + 4, 'text-anchor': 'middle', class: 'marker-glyph', text: '✕' }),
        );
      } else if (m.kind === 'error') {
        g.append(s('text', { x, y: y + BAR_Y + BAR_H / 2 + 4, 'text-anchor': 'middle', class: 'marker-glyph', text: '⚠' }));
      } else {
        g.append(s('line', { x1: x, x2: x, y1: y + BAR_Y - 3, y2: y + BAR_Y + BAR_H + 3, class: 'marker-tick' }));
      }
      const lx = anchorEnd ? x - 10 : x + (m.kind === 'kill' ? 10 : 5);
      g.append(s('text', { x: lx, y: y + BAR_Y + BAR_H - 3, 'text-anchor': anchorEnd ? 'end' : 'start', class: 'marker-label', text: m.label }));
      markersG.append(g);
      this.markerEls.push({ el: g, t: m.t });
    }

    chart.append(markersG);

    // deadline lines: always visible (they are known when the pod is built), labelled by kind
    const linesG = s('g', { class: 'tl-deadlines' });
    chart.append(linesG);
    const offscreen = [];
    const taken = new Map(); // row → label extents already drawn, so deadline labels never overprint
    const fits = (row, a, b) => !(taken.get(row) ?? []).some(([x0, x1]) => a < x1 + 4 && b > x0 - 4);
    const ordered = [...L.lines].sort((a, b) => (a.row === -1 ? -1 : 0) - (b.row === -1 ? -1 : 0));
    for (const line of ordered) {
      if (line.row !== -1 && !drawn(line.row)) continue;
      if (line.beyond) {
        offscreen.push(line);
        continue;
      }
      const x = this.x(line.at);
      const y0 = line.row === -1 ? AXIS_H - 6 : rowTop(line.row) + 1;
      const y1 = line.row === -1 ? height - 4 : rowTop(line.row) + ROW_H - 1;
      const g = s('g', { class: `tl-deadline dl-${line.kind}`, 'data-deadline-kind': line.kind, 'data-at': line.at, 'data-node': line.node },
        s('line', { x1: x, x2: x, y1: y0, y2: y1 }),
        s('title', { text: `${line.kind} deadline${line.node ? ` of ${line.node}` : ''} at ${moment(line.at)}` }));
      // the full label right of the line, else left of it, else just the kind, else nothing (the title remains)
      const labelRow = Math.max(line.row, 0); // a workflow-wide line is labelled in the first row
      for (const text of [line.label, line.kind]) {
        const w = text.length * 6 + 4;
        const right = [x + 3, x + 3 + w];
        const left = [x - 3 - w, x - 3];
        const side = right[1] <= chartRight && fits(labelRow, ...right) ? right : left[0] >= NAME_W && fits(labelRow, ...left) ? left : null;
        if (!side) continue;
        taken.set(labelRow, [...(taken.get(labelRow) ?? []), side]);
        g.append(s('text', { x: side === right ? x + 3 : x - 3, 'text-anchor': side === right ? 'start' : 'end', y: rowTop(labelRow) + 9, class: 'dl-label', text }));
        break;
      }
      linesG.append(g);
    }
    // deadlines beyond the drawn range (collapse idle time is off): stacked at the right edge, still labelled
    offscreen.forEach((line, i) => {
      const y = line.row === -1 ? AXIS_H + 4 : rowTop(line.row);
      svg.append(
        s('g', { class: `tl-deadline offscreen dl-${line.kind}`, 'data-deadline-kind': line.kind, 'data-at': line.at, 'data-node': line.node },
          s('line', { x1: chartRight + 2, x2: chartRight + 2, y1: y + 2, y2: y + ROW_H - 2 }),
          s('text', { x: chartRight - 2, y: y + 9 + (i % 2) * 0, 'text-anchor': 'end', class: 'dl-label', text: `${line.label} →` }),
          s('title', { text: `${line.kind} deadline${line.node ? ` of ${line.node}` : ''} at ${moment(line.at)}, beyond the drawn range` })),
      );
    });

    // axis: the grid under the bars; ticks, labels and title in a header over the rows that stays at the top of
    // the viewport when a long run scrolls (stickAxis)
    const grid = s('g', { class: 'tl-grid-lines', 'clip-path': `url(#${id('chart')})` });
    const header = s('g', { class: 'tl-header' }, s('rect', { class: 'tl-axis-bg', x: 0, y: 0, width: this.width, height: AXIS_H - 4 }));
    const axis = s('g', { class: 'tl-axis', 'clip-path': `url(#${id('chart')})` });
    header.append(axis);
    const pxPerSec = this.plotW / (this.view.w1 - this.view.w0);
    const step = TICK_STEPS.find((st) => st * pxPerSec >= 70) ?? TICK_STEPS[TICK_STEPS.length - 1];
    let lastRight = -Infinity; // right edge of the last tick label, so labels never overlap
    let lastBreakRight = -Infinity; // break labels have their own line above the ticks
    for (const p of L.warp.pieces) {
      if (p.collapsed) {
        const x0 = this.x(p.t0);
        const x1 = this.x(p.t1);
        const text = `≈ ${duration(p.t1 - p.t0)}`;
        const w = text.length * 6.5;
        const mid = (x0 + x1) / 2;
        if (mid - w / 2 > lastBreakRight + 4 && x1 - x0 > 2) {
          lastBreakRight = mid + w / 2;
          axis.append(s('text', { class: 'tl-break-label', x: mid, y: 11, 'text-anchor': 'middle', text },
            s('title', { text: `${duration(p.t1 - p.t0)} of idle time collapsed` })));
        }
        continue;
      }
      const first = Math.ceil(p.t0 / step) * step;
      const candidates = [p.t0, ...range(first, p.t1, step)];
      for (const t of candidates) {
        const x = this.x(t);
        const text = tick(roundTo(t));
        if (x < NAME_W - 1 || x > chartRight + 1 || x < lastRight + 8) continue;
        lastRight = x + 2 + text.length * 6.5;
        axis.append(
          s('line', { class: 'tl-tick', x1: x, x2: x, y1: AXIS_H - 12, y2: AXIS_H - 6 }),
          s('text', { class: 'tl-tick-label', x: x + 2, y: AXIS_H - 16, text }),
        );
        grid.append(s('line', { class: 'tl-grid', x1: x, x2: x, y1: AXIS_H - 6, y2: height }));
      }
    }
    svg.insertBefore(grid, chart);
    header.append(
      s('text', { class: 'tl-axis-title', x: 10, y: AXIS_H - 16, text: this.collapseIdle && L.warp.breaks.length ? 'time (idle collapsed)' : 'time since start' }),
    );
    svg.append(header);
    this.header = header;
    // measured in the next frame: measuring now would force a layout of a page that is still being built
    if (!this.stickQueued) {
      this.stickQueued = true;
      requestAnimationFrame(() => {
        this.stickQueued = false;
        this.stickAxis();
      });
    }

    // playhead
    this.playhead = s('g', { class: 'tl-playhead', 'aria-hidden': 'true' },
      s('line', { x1: 0, x2: 0, y1: AXIS_H - 14, y2: height }),
      s('path', { d: `M-6,${AXIS_H - 14} L6,${AXIS_H - 14} L0,${AXIS_H - 6} Z` }));
    svg.append(this.playhead);
    this.setTime(this.t);
    if (focusedRow !== undefined) svg.querySelector(`.tl-row[data-row="${focusedRow}"]`)?.focus({ preventScroll: true });
  }

  bindPointer() {
    let drag = null;
    this.svg.addEventListener('pointerdown', (ev) => {
      if (!this.L || ev.button !== 0) return;
      const pt = this.point(ev);
      if (pt.x < NAME_W) return;
      const inAxis = pt.y >= (this.axisOffset ?? 0) && pt.y < (this.axisOffset ?? 0) + AXIS_H;
      const mode = inAxis ? 'scrub' : 'pan';
      drag = { mode, x: pt.x, startX: pt.x, moved: false, target: ev.target };
      this.svg.setPointerCapture?.(ev.pointerId);
      if (mode === 'scrub') this.onScrub(this.timeAt(pt.x));
    });
    this.svg.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const pt = this.point(ev);
      if (Math.abs(pt.x - drag.startX) > 3) drag.moved = true;
      if (drag.mode === 'scrub') this.onScrub(this.timeAt(pt.x));
      else if (drag.moved) {
        this.pan(drag.x - pt.x);
        drag.x = pt.x;
      }
    });
    const end = (ev) => {
      if (!drag) return;
      const d = drag;
      drag = null;
      if (d.mode === 'pan' && !d.moved) {
        const node = d.target?.closest?.('[data-node]')?.getAttribute('data-node');
        if (node) this.onSelect(node);
        else this.onScrub(this.timeAt(this.point(ev).x));
      }
    };
    this.svg.addEventListener('pointerup', end);
    this.svg.addEventListener('pointercancel', () => (drag = null));
    this.svg.addEventListener('click', (ev) => {
      const row = ev.target.closest?.('.tl-row');
      if (row && this.point(ev).x < NAME_W) this.onSelect(row.dataset.node);
    });
    this.svg.addEventListener('keydown', (ev) => {
      const row = ev.target.closest?.('.tl-row');
      if (row && (ev.key === 'Enter' || ev.key === ' ')) {
        ev.preventDefault();
        ev.stopPropagation();
        this.onSelect(row.dataset.node);
      } else if (row && (ev.key === 'ArrowDown' || ev.key === 'ArrowUp')) {
        // row to row, through rows not drawn yet too (a long run draws only those near the view)
        ev.preventDefault();
        ev.stopPropagation();
        this.focusRow(Number(row.dataset.row) + (ev.key === 'ArrowDown' ? 1 : -1));
      }
    });
    this.svg.addEventListener(
      'wheel',
      (ev) => {
        if (!this.L) return;
        if (ev.ctrlKey || ev.metaKey) {
          ev.preventDefault();
          this.zoom(Math.exp(-ev.deltaY * 0.002), this.point(ev).x);
        } else if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
          if (!this.isZoomed()) return;
          ev.preventDefault();
          this.pan(ev.shiftKey ? ev.deltaY : ev.deltaX);
        }
      },
      { passive: false },
    );
  }

  point(ev) {
    const r = this.svg.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  }

  destroy() {
    this.observer.disconnect();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    this.svg.remove();
  }
}

function range(from, to, step) {
  const out = [];
  for (let t = from; t <= to + 1e-9 && out.length < 2000; t += step) out.push(t);
  return out;
}
const roundTo = (t) => Math.round(t * 1000) / 1000;
/** At most n characters: the head and the tail (where attempt and item numbers are) around an ellipsis. */
function clipMiddle(text, n) {
  if (text.length <= n) return text;
  const keep = Math.max(n - 1, 4);
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}
