#!/usr/bin/env node
// Opens draw.io files with draw.io's own model code (the mxgraph npm package: mxCodec decoding into an
// mxGraphModel, as draw.io does when it opens a file) and checks that the model holds every cell of the file
// with its parent, and every edge with its two ends. Not a build dependency: install it anywhere with
//   npm install --prefix DIR mxgraph@4.2.2 jsdom
// and run
//   NODE_PATH=DIR/node_modules node tests/tools/drawio_mxgraph_check.js FILE.drawio...
// Exit status: 0 all files open and match, 1 a file does not, 77 mxgraph or jsdom is missing (CTest: skipped).
'use strict';
const fs = require('fs');
const zlib = require('zlib');

let JSDOM, mxgraphFactory;
try {
    ({ JSDOM } = require('jsdom'));
    mxgraphFactory = require('mxgraph');
} catch (error) {
    console.log('SKIP: the mxgraph and jsdom npm packages are not installed (' + error.message.split('\n')[0] + ')');
    process.exit(77);
}

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
for (const name of ['window', 'document', 'navigator', 'XMLSerializer', 'DOMParser', 'Node', 'XMLDocument'])
    global[name] = name === 'window' ? dom.window : dom.window[name];
const mx = mxgraphFactory({ mxLoadResources: false, mxLoadStylesheets: false });
// mxCodec finds a class by its element name on the window, as in a browser page that loaded mxClient.js.
for (const name of Object.keys(mx))
    dom.window[name] = mx[name];

// A page's <mxGraphModel>: inline, or compressed the way draw.io does (base64 of raw deflate of
// encodeURIComponent(xml)).
function pageModels(text) {
    const doc = mx.mxUtils.parseXml(text);
    const root = doc.documentElement;
    if (root.nodeName === 'mxGraphModel')
        return [{ name: 'Page 1', model: root }];
    if (root.nodeName !== 'mxfile')
        throw new Error('not a draw.io file: <' + root.nodeName + '>');
    const pages = [];
    for (const diagram of Array.from(root.getElementsByTagName('diagram'))) {
        let model = Array.from(diagram.childNodes).find((n) => n.nodeName === 'mxGraphModel');
        if (!model) {
            const inflated = zlib.inflateRawSync(Buffer.from(diagram.textContent.trim(), 'base64')).toString('latin1');
            model = mx.mxUtils.parseXml(decodeURIComponent(inflated)).documentElement;
        }
        pages.push({ name: diagram.getAttribute('name') || 'Page ' + (pages.length + 1), model });
    }
    return pages;
}

// What the file says, read straight from the XML (each <mxCell>, or an <object>/<UserObject> around one).
function cellsInXml(modelElement) {
    const cells = [];
    const root = Array.from(modelElement.childNodes).find((n) => n.nodeName === 'root');
    for (const element of Array.from(root.childNodes)) {
        if (element.nodeType !== 1)
            continue;
        const wrapped = element.nodeName === 'object' || element.nodeName === 'UserObject';
        const cell = wrapped ? Array.from(element.childNodes).find((n) => n.nodeName === 'mxCell') : element;
        cells.push({
            id: element.getAttribute('id'),
            parent: cell.getAttribute('parent'),
            vertex: cell.getAttribute('vertex') === '1',
            edge: cell.getAttribute('edge') === '1',
            source: cell.getAttribute('source'),
            target: cell.getAttribute('target'),
        });
    }
    return cells;
}

function checkPage(page) {
    const model = new mx.mxGraphModel();
    new mx.mxCodec(page.model.ownerDocument).decode(page.model, model);
    const expected = cellsInXml(page.model);
    const problems = [];
    const decoded = Object.values(model.cells || {});
    if (decoded.length !== expected.length)
        problems.push(`${decoded.length} cells decoded, ${expected.length} in the file`);
    for (const cell of expected) {
        const got = model.getCell(cell.id);
        if (!got) {
            problems.push(`cell ${cell.id} missing`);
            continue;
        }
        const parent = got.getParent() ? got.getParent().getId() : null;
        if (parent !== cell.parent)
            problems.push(`cell ${cell.id}: parent ${parent}, file says ${cell.parent}`);
        if (got.isVertex() !== cell.vertex || got.isEdge() !== cell.edge)
            problems.push(`cell ${cell.id}: vertex/edge flags differ`);
        if (cell.edge) {
            const source = got.getTerminal(true), target = got.getTerminal(false);
            if (!source || source.getId() !== cell.source || !target || target.getId() !== cell.target)
                problems.push(`edge ${cell.id}: ends not joined as in the file`);
        }
        if (cell.vertex && !got.getGeometry())
            problems.push(`vertex ${cell.id}: no geometry`);
    }
    const count = (what) => expected.filter((c) => c[what]).length;
    return { cells: decoded.length, vertices: count('vertex'), edges: count('edge'), problems };
}

let failed = 0;
const totals = { files: 0, cells: 0, vertices: 0, edges: 0 };
for (const file of process.argv.slice(2)) {
    let pages;
    try {
        pages = pageModels(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        console.log(`FAIL ${file}: ${error.message}`);
        ++failed;
        continue;
    }
    for (const page of pages) {
        const result = checkPage(page);
        const where = `${file} [${page.name}]`;
        if (result.problems.length) {
            ++failed;
            console.log(`FAIL ${where}: ${result.problems.slice(0, 5).join('; ')}`);
        } else {
            console.log(`ok   ${where}: ${result.cells} cells, ${result.vertices} vertices, ${result.edges} edges`);
        }
        totals.cells += result.cells;
        totals.vertices += result.vertices;
        totals.edges += result.edges;
    }
    ++totals.files;
}
console.log(`${totals.files} files, ${totals.cells} cells (${totals.vertices} vertices, ${totals.edges} edges) ` +
            `decoded by mxgraph ${mx.mxClient.VERSION}; ${failed} failed`);
process.exit(failed ? 1 : 0);
