// The routing model drawn as an SVG graph: one column per distance from the entry screen.

const NS = 'http://www.w3.org/2000/svg';

function walkActions(node, found) {
  if (Array.isArray(node)) { node.forEach((n) => walkActions(n, found)); return; }
  if (!node || typeof node !== 'object') return;
  if (node.name === 'navigate' && node.next && node.next.name) found.add(node.next.name);
  Object.values(node).forEach((v) => walkActions(v, found));
}

/** The routing model of a flow: the declared one, or the one implied by its navigate actions. */
export function routingModel(flow) {
  if (flow.routing_model && Object.keys(flow.routing_model).length > 0) return flow.routing_model;
  const model = {};
  for (const s of flow.screens || []) {
    const found = new Set();
    walkActions(s.layout, found);
    model[s.id] = [...found].filter((n) => n !== s.id);
  }
  return model;
}

/** The screen a flow opens on: the first screen without an inbound edge, else the first screen. */
export function entryScreen(flow) {
  const model = routingModel(flow);
  const inbound = new Set(Object.values(model).flat());
  const ids = (flow.screens || []).map((s) => s.id);
  return ids.find((id) => !inbound.has(id) && model[id] !== undefined) || ids[0];
}

function el(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Draws the graph; `current` is highlighted, `visited` screens are marked. */
export function drawGraph(flow, current, visited) {
  const model = routingModel(flow);
  const ids = (flow.screens || []).map((s) => s.id);
  const depth = {};
  const entry = entryScreen(flow);
  const queue = [entry];
  depth[entry] = 0;
  while (queue.length) {
    const id = queue.shift();
    for (const next of model[id] || []) {
      if (depth[next] === undefined) { depth[next] = depth[id] + 1; queue.push(next); }
    }
  }
  let maxDepth = Math.max(0, ...Object.values(depth));
  for (const id of ids) if (depth[id] === undefined) depth[id] = ++maxDepth;
  const columns = [];
  for (const id of ids) (columns[depth[id]] ||= []).push(id);
  const W = 150;
  const H = 44;
  const GX = 50;
  const GY = 18;
  // Few levels: left to right. Many levels (long chains): top to bottom, so it fits the pane.
  const vertical = columns.length > 5;
  const pos = {};
  columns.forEach((col, d) => (col || []).forEach((id, i) => {
    pos[id] = vertical ? { x: 10 + i * (W + GX), y: 10 + d * (H + GY + 10) } : { x: 10 + d * (W + GX), y: 10 + i * (H + GY) };
  }));
  const widest = Math.max(...columns.map((c) => (c ? c.length : 0)));
  const width = vertical ? 20 + widest * (W + GX) - GX + 60 : 20 + columns.length * (W + GX) - GX;
  const height = vertical ? 20 + columns.length * (H + GY + 10) - GY - 10 : 20 + widest * (H + GY) - GY + 40;
  const svg = el('svg', { xmlns: NS, viewBox: `0 0 ${width} ${height}`, width, height, class: 'routing', role: 'img', 'aria-label': 'routing model' });
  const defs = el('defs', {});
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#667781' }));
  defs.append(marker);
  svg.append(defs);
  for (const [from, tos] of Object.entries(model)) {
    for (const to of tos || []) {
      const a = pos[from];
      const b = pos[to];
      if (!a || !b) continue;
      let d;
      if (vertical) {
        const forward = b.y > a.y;
        d = forward
          ? `M ${a.x + W / 2} ${a.y + H} C ${a.x + W / 2} ${a.y + H + 14}, ${b.x + W / 2} ${b.y - 14}, ${b.x + W / 2} ${b.y}`
          : `M ${a.x + W} ${a.y + H / 2} C ${a.x + W + 50} ${a.y + H / 2}, ${b.x + W + 50} ${b.y + H / 2}, ${b.x + W} ${b.y + H / 2}`;
      } else {
        const forward = b.x > a.x;
        d = forward
          ? `M ${a.x + W} ${a.y + H / 2} C ${a.x + W + GX / 2} ${a.y + H / 2}, ${b.x - GX / 2} ${b.y + H / 2}, ${b.x} ${b.y + H / 2}`
          : `M ${a.x + W / 2} ${a.y + H} C ${a.x + W / 2} ${a.y + H + 40}, ${b.x + W / 2} ${b.y + H + 40}, ${b.x + W / 2} ${b.y + H}`;
      }
      svg.append(el('path', { d, class: 'edge', 'data-from': from, 'data-to': to, fill: 'none', stroke: '#667781', 'stroke-width': 1.5, 'marker-end': 'url(#arrow)' }));
    }
  }
  const terminal = new Set((flow.screens || []).filter((s) => s.terminal).map((s) => s.id));
  for (const id of ids) {
    const p = pos[id];
    const cls = ['node', id === current ? 'current' : '', visited.has(id) ? 'visited' : '', terminal.has(id) ? 'terminal' : ''].join(' ').trim();
    const g = el('g', { class: cls, 'data-screen': id, transform: `translate(${p.x},${p.y})` });
    g.append(el('rect', { width: W, height: H, rx: 8, ry: 8 }));
    g.append(el('text', { x: W / 2, y: H / 2 + 4, 'text-anchor': 'middle' }, id.length > 18 ? `${id.slice(0, 17)}…` : id));
    svg.append(g);
  }
  return svg;
}
