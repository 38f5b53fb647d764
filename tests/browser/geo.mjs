// geo.mjs: where an area appears on screen, computed independently of the app from the data file
// and the documented layout and projection (README: header 56 px; wide: panel on the right, 34%
// of the width clamped to 340..480; narrow: map on top, 52%; fit with 24 px padding;
// equirectangular scaled by cos(latitude) at the centre of the data's bounds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

export const DATA = JSON.parse(readFileSync(join(ROOT, 'data/campaign.json'), 'utf8'));

export function mapRect({ width, height }) {
  const header = 56, body = height - header;
  if (width >= 900 && width >= body) {
    const panel = Math.min(480, Math.max(340, width * 0.34));
    return { x: 0, y: header, w: width - panel, h: body };
  }
  return { x: 0, y: header, w: width, h: Math.floor(body * 0.52) };
}

// An area's rings in degrees; a quantised geometry (docs/data-format.md, "transform") decoded.
function rings(area) {
  const g = area.geometry;
  if (!g) return [];
  const list = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  if (!g.transform) return list;
  const { scale, translate } = g.transform;
  return list.map((ring) => {
    let x = 0, y = 0;
    return ring.map(([dx, dy]) => { x += dx; y += dy; return [x * scale[0] + translate[0], y * scale[1] + translate[1]]; });
  });
}

// lon/lat -> screen pixels for the fitted (initial) view of `viewport`.
export function projector(viewport) {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  const each = (f) => DATA.areas.forEach((a) => {
    rings(a).forEach((r) => r.forEach(([lon, lat]) => f(lon, lat)));
    if (a.marker) f(a.marker.lon, a.marker.lat);
  });
  each((lon, lat) => { minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon); minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat); });
  const lon0 = (minLon + maxLon) / 2, lat0 = (minLat + maxLat) / 2, k = Math.cos(lat0 * Math.PI / 180);
  const world = (lon, lat) => [(lon - lon0) * k, lat0 - lat];
  let wx0 = Infinity, wx1 = -Infinity, wy0 = Infinity, wy1 = -Infinity;
  each((lon, lat) => { const [x, y] = world(lon, lat); wx0 = Math.min(wx0, x); wx1 = Math.max(wx1, x); wy0 = Math.min(wy0, y); wy1 = Math.max(wy1, y); });
  const r = mapRect(viewport), pad = 24;
  const ppu = Math.min((r.w - 2 * pad) / (wx1 - wx0), (r.h - 2 * pad) / (wy1 - wy0));
  const cx = (wx0 + wx1) / 2, cy = (wy0 + wy1) / 2;
  return (lon, lat) => {
    const [x, y] = world(lon, lat);
    return { x: r.x + r.w / 2 + (x - cx) * ppu, y: r.y + r.h / 2 + (y - cy) * ppu };
  };
}

function inside(ringsLonLat, lon, lat) {
  let c = false;
  for (const ring of ringsLonLat) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

// A screen point well inside the area: the interior grid point farthest from its outline.
export function pointInArea(viewport, id) {
  const area = DATA.areas.find((a) => a.id === id);
  const project = projector(viewport);
  if (area.marker && !area.geometry) return project(area.marker.lon, area.marker.lat);
  const rs = rings(area);
  const pts = rs.flat();
  const lons = pts.map((p) => p[0]), lats = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  let best = null, bestD = -1;
  for (let i = 1; i < 40; i++) {
    for (let j = 1; j < 40; j++) {
      const lon = x0 + ((x1 - x0) * i) / 40, lat = y0 + ((y1 - y0) * j) / 40;
      if (!inside(rs, lon, lat)) continue;
      let d = Infinity;
      for (const [plon, plat] of pts) d = Math.min(d, Math.hypot(plon - lon, plat - lat));
      if (d > bestD) { bestD = d; best = [lon, lat]; }
    }
  }
  return project(best[0], best[1]);
}

export const areaName = (id, lang = 'zh') => DATA.areas.find((a) => a.id === id).name[lang];

// ---- where things are on screen, from the app's own semantics items ----------------------------
// (for pointer positions and pixel samples: no layout constants; the functions above are the
// documented layout recomputed independently and are not used to aim the pointer)
import { items as semanticItems, dominantColors } from './harness.mjs';

export const MAP_LIST = { zh: '地图上的区域', en: 'Areas on the map' };
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The mirror button of an area in the map's list "地图上的区域": clicking or tapping it (harness
// `press`) clicks the map at the area's label point or marker.
export function mapAreaButton(page, id, lang = 'zh') {
  return page.locator('#a11y-tree').getByRole('list', { name: MAP_LIST[lang], exact: true })
    .getByRole('button', { name: new RegExp(`^${escapeRe(areaName(id, lang))} · `) });
}

// The map list's items ({name, rect, selected, offscreen, ...}), and one area's item.
export async function mapItems(page, lang = 'zh') {
  const all = await semanticItems(page);
  const list = all.find((i) => i.role === 'list' && i.name === MAP_LIST[lang]);
  if (!list) throw new Error(`no "${MAP_LIST[lang]}" list in the items`);
  return all.filter((i) => i.parent === list.index);
}
export async function areaItem(page, id, lang = 'zh') {
  const prefix = `${areaName(id, lang)} · `;
  const it = (await mapItems(page, lang)).find((i) => i.name.startsWith(prefix));
  if (!it) throw new Error(`no map item for ${prefix}`);
  return it;
}

// The first item with this role and name (string: exact; RegExp), or undefined.
export async function findItem(page, role, name) {
  return (await semanticItems(page)).find((i) => i.role === role && (typeof name === 'string' ? i.name === name : name.test(i.name)));
}

export const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
export const inRect = (r, x, y) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;

// Where to rest the pointer so that nothing on the map is hovered: the header's title.
export async function neutralPoint(page) {
  const h = (await semanticItems(page)).find((i) => i.role === 'heading' && i.level === 1);
  return centre(h.rect);
}

// The most common colour of a rectangle given in CSS px, in a screenshot taken at `scale`
// device pixels per CSS px: inside an area's 20 x 20 map item that is the area's fill.
export function fillColour(img, r, scale = 1) {
  const [top] = dominantColors(img, { x0: Math.round(r.x * scale), y0: Math.round(r.y * scale),
    x1: Math.round((r.x + r.width) * scale), y1: Math.round((r.y + r.height) * scale) }, 0, 1);
  return top.rgb;
}
