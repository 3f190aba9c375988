// Prints the results of clusterbench and bench.mjs in DIR side by side, as Markdown tables.
//
//   node table.mjs DIR

import {readFileSync} from 'node:fs';
import {join} from 'node:path';

const dir = process.argv[2];
if (!dir) {
    console.error('usage: node table.mjs DIR');
    process.exit(1);
}
const civicdesk = JSON.parse(readFileSync(join(dir, 'civicdesk.json'), 'utf8'));
const supercluster = JSON.parse(readFileSync(join(dir, 'supercluster.json'), 'utf8'));

// Milliseconds with three significant digits or more.
function ms(value) {
    if (value >= 100) return value.toFixed(0);
    if (value >= 1) return value.toFixed(1);
    return value.toFixed(3);
}

const mib = (bytes, points) => `${(bytes / 1048576 / (points / 1e6)).toFixed(1)} MiB`;
const row = (cells) => console.log(`| ${cells.join(' | ')} |`);

function printBuild(points, own, others) {
    row(['', 'CivicDesk', ...others.map((o) => `supercluster, ${o.configuration}`)]);
    row(['---', '---', ...others.map(() => '---')]);
    row([
        'build: reset() / load(), median', `${ms(own.buildMs)} ms`,
        ...others.map((o) => `${ms(o.loadMs)} ms`)
    ]);
    row([
        'build, relative to CivicDesk', '1x',
        ...others.map((o) => `${(o.loadMs / own.buildMs).toFixed(1)}x`)
    ]);
    row([
        'memory per million points: index (heap for supercluster)',
        mib(own.memoryBytes, points),
        ...others.map((o) => mib(o.memoryBytes, points)),
    ]);
    row([
        'memory per million points: resident growth',
        mib(own.residentGrowthBytes, points),
        ...others.map((o) => mib(o.residentGrowthBytes, points)),
    ]);
    row([
        'raw limit: std::sort of the 64-bit Morton codes', `${ms(own.mortonSortMs)} ms`,
        ...others.map(() => '')
    ]);
}

function printQueries(own, others) {
    console.log();
    row([
        'zoom', 'clusters, CivicDesk / supercluster (p50)', 'CivicDesk p50 / p99 / max (ms)',
        ...others.map((o) => `supercluster, ${o.configuration}: p50 / p99 / max (ms)`)
    ]);
    row(['---', '---', '---', ...others.map(() => '---')]);
    for (const z of own.zooms) {
        const theirs = others.map((o) => o.zooms.find((t) => t.zoom === z.zoom));
        row([
            z.zoom,
            `${z.clustersP50} / ${theirs[0].clustersP50}`,
            `${ms(z.p50Ms)} / ${ms(z.p99Ms)} / ${ms(z.maxMs)}`,
            ...theirs.map((t) => `${ms(t.p50Ms)} / ${ms(t.p99Ms)} / ${ms(t.maxMs)}`),
        ]);
    }
}

function printGoals(own, others) {
    const fastest = Math.min(...others.map((o) => o.loadMs));
    const slowest = Math.max(...own.zooms.map((z) => z.maxMs));
    const slowestP99 = Math.max(...own.zooms.map((z) => z.p99Ms));
    console.log();
    console.log(
        `Goal, build faster than supercluster: ${own.buildMs < fastest ? 'met' : 'MISSED'} ` +
        `(${ms(own.buildMs)} ms against ${ms(fastest)} ms).`);
    console.log(
        `Goal, queries under 2 ms: ${
            slowest < 2        ? 'met' :
                slowestP99 < 2 ? 'met up to p99' :
                                 'MISSED'} ` +
        `(highest p99 ${ms(slowestP99)} ms, highest max ${ms(slowest)} ms).`);
}

console.log(
    `Seed ${civicdesk.seed}, ${civicdesk.views} view centres of 1920x1080 pixels per zoom, ` +
    `builds: median of ${civicdesk.runs}. supercluster ${supercluster.version} on Node.js ` +
    `${supercluster.node}, options ${supercluster.options}.`);
for (const own of civicdesk.results) {
    const others = supercluster.results.filter((r) => r.points === own.points);
    console.log();
    console.log(`### ${own.points.toLocaleString('en')} points`);
    console.log();
    printBuild(own.points, own, others);
    printQueries(own, others);
    printGoals(own, others);
}
