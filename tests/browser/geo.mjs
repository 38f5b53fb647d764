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

function rings(area) {
  const g = area.geometry;
  if (!g) return [];
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
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
