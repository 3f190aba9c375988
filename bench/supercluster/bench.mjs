// Runs the points and views that clusterbench wrote with --export DIR through the JavaScript
// library supercluster, and writes load() and getClusters(bbox, zoom) times to
// DIR/supercluster.json in the form of DIR/civicdesk.json.
//
//   node --expose-gc bench.mjs DIR
//
// The number of builds and of runs of each view are those that clusterbench used.
// Two configurations run. "counts" clusters with point counts only. "statuses" also counts the
// report status of the points of every cluster through map/reduce, as the map's cluster index
// does for every cluster.

import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import Supercluster from 'supercluster';

const ViewWidth = 1920;
const ViewHeight = 1080;
const TileSize = 256;
const MaxZoom = 18;
const StatusCount = 9;
// Views per zoom level run before timing, as clusterbench does.
const WarmUpViews = 100;

// Supercluster's radius is in pixels of a tile of `extent` pixels: with extent 256, a radius
// of 40 is the 40 pixels within which the map merges clusters (map tiles are 256 pixels).
// maxZoom 18 makes it cluster at every zoom level measured, as the map does.
const baseOptions = {
    minZoom: 0,
    maxZoom: MaxZoom,
    minPoints: 2,
    radius: 40,
    extent: TileSize
};

const configurations = {
    counts: {...baseOptions},
    statuses: {
        ...baseOptions,
        map: (properties) => {
            const statuses = new Uint32Array(StatusCount);
            statuses[properties.status] = 1;
            return {statuses};
        },
        reduce: (accumulated, properties) => {
            for (let i = 0; i < StatusCount; i++) accumulated.statuses[i] += properties.statuses[i];
        },
    },
};

function fail(message) {
    console.error(`bench.mjs: ${message}`);
    process.exit(1);
}

function parseArguments(argv) {
    const dir = argv[2];
    if (!dir) fail('usage: node --expose-gc bench.mjs DIR');
    if (typeof globalThis.gc !== 'function')
        fail('run node with --expose-gc, so that memory is measured after a collection');
    return dir;
}

// Reads a views file of clusterbench (see writeViews() in clusterbench.cpp).
function readViews(path) {
    const file = readFileSync(path);
    if (file.toString('latin1', 0, 8) !== 'CDVIEWS1')
        fail(`${path} is not a views file of clusterbench`);
    const pointCount = file.readUInt32LE(8);
    const centreCount = file.readUInt32LE(12);
    const positionsEnd = 16 + pointCount * 16;
    const centresEnd = positionsEnd + centreCount * 4;
    if (file.length !== centresEnd + pointCount)
        fail(`${path} has ${file.length} bytes, not the ${
            centresEnd + pointCount} its counts imply`);

    const features = new Array(pointCount);
    for (let i = 0; i < pointCount; i++) {
        const longitude = file.readDoubleLE(16 + i * 16);
        const latitude = file.readDoubleLE(24 + i * 16);
        features[i] = {
            type: 'Feature',
            geometry: {type: 'Point', coordinates: [longitude, latitude]},
            properties: {status: file[centresEnd + i]},
        };
    }
    const centres = new Array(centreCount);
    for (let i = 0; i < centreCount; i++)
        centres[i] = features[file.readUInt32LE(positionsEnd + i * 4)].geometry.coordinates;
    return {features, centres};
}

function percentile(values, fraction) {
    if (values.length === 0) return 0;
    const sorted = Float64Array.from(values).sort();
    return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

// Web Mercator in normalised units, the same formulas as map/mercator.cpp.
const mercatorY = (latitude) =>
    0.5 - Math.asinh(Math.tan((latitude * Math.PI) / 180)) / (2 * Math.PI);
const latitudeOf = (y) =>
    (Math.atan(Math.sinh(Math.PI * (1 - 2 * Math.min(1, Math.max(0, y))))) * 180) / Math.PI;

// The bbox of ViewWidth x ViewHeight pixels around a centre. Longitudes are left unwrapped:
// supercluster takes a span of 360 degrees or more as the whole world.
function viewAround([longitude, latitude], zoom) {
    const world = TileSize * 2 ** zoom;
    const halfWidth = ViewWidth / 2 / world;
    const halfHeight = ViewHeight / 2 / world;
    const x = longitude / 360 + 0.5;
    const y = mercatorY(latitude);
    return [
        (x - halfWidth) * 360 - 180,
        latitudeOf(y + halfHeight),
        (x + halfWidth) * 360 - 180,
        latitudeOf(y - halfHeight),
    ];
}

// Collects garbage until the memory in use stops shrinking: V8 frees the memory of typed
// arrays after a collection, not during it.
async function settle() {
    let used = Infinity;
    for (;;) {
        globalThis.gc();
        await new Promise((resolve) => setTimeout(resolve, 20));
        const {heapUsed, arrayBuffers} = process.memoryUsage();
        if (heapUsed + arrayBuffers >= used) return process.memoryUsage();
        used = heapUsed + arrayBuffers;
    }
}

// Times load() runs times, then measures the memory of one more index on its own.
async function measureLoad(features, options, runs) {
    const runsMs = [];
    for (let run = 0; run < runs; run++) {
        const start = process.hrtime.bigint();
        new Supercluster(options).load(features);
        runsMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const before = await settle();
    const index = new Supercluster(options).load(features);
    const after = await settle();
    return {
        index,
        loadMs: percentile(runsMs, 0.5),
        loadRunsMs: runsMs,
        memoryBytes: after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers,
        residentGrowthBytes: after.rss - before.rss,
    };
}

// Times the views of a zoom level. A view's time is the fastest of `repeats` runs of it, as in
// clusterbench.
function measureZoom(index, views, zoom, repeats) {
    for (const view of views.slice(0, WarmUpViews)) index.getClusters(view, zoom);
    const times = [];
    const counts = [];
    for (const view of views) {
        let fastest = Infinity;
        let count = 0;
        for (let repeat = 0; repeat < repeats; repeat++) {
            const start = process.hrtime.bigint();
            count = index.getClusters(view, zoom).length;
            fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
        }
        times.push(fastest);
        counts.push(count);
    }
    return {
        zoom,
        p50Ms: percentile(times, 0.5),
        p99Ms: percentile(times, 0.99),
        maxMs: percentile(times, 1),
        clustersP50: percentile(counts, 0.5),
    };
}

async function main() {
    const dir = parseArguments(process.argv);
    const civicdesk = JSON.parse(readFileSync(join(dir, 'civicdesk.json'), 'utf8'));
    const version =
        JSON.parse(
                readFileSync(
                    new URL('./node_modules/supercluster/package.json', import.meta.url), 'utf8'),
                )
            .version;
    console.log(`supercluster ${version}, Node.js ${process.versions.node}`);

    const results = [];
    for (const {points} of civicdesk.results) {
        const {features, centres} = readViews(join(dir, `views-${points}.bin`));
        for (const [name, options] of Object.entries(configurations)) {
            const {index, ...load} = await measureLoad(features, options, civicdesk.runs);
            const zooms = [];
            for (let zoom = 0; zoom <= MaxZoom; zoom++) {
                const views = centres.map((centre) => viewAround(centre, zoom));
                zooms.push(measureZoom(index, views, zoom, civicdesk.repeats));
            }
            const worst = Math.max(...zooms.map((z) => z.p50Ms));
            console.log(
                `${points.toLocaleString('en')} points, ${name}: load() ${
                    load.loadMs.toFixed(1)} ms,` +
                    ` slowest zoom p50 ${worst.toFixed(3)} ms`,
            );
            results.push({points, configuration: name, ...load, zooms});
        }
    }
    const optionsText = JSON.stringify(baseOptions);
    writeFileSync(
        join(dir, 'supercluster.json'),
        JSON.stringify(
            {version, node: process.versions.node, options: optionsText, results}, null, 2),
    );
}

await main();
