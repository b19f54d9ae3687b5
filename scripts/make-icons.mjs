#!/usr/bin/env node
/**
 * Renders every icon the installers and the tray need from build/icon.svg and build/tray.svg:
 *   build/icons/<n>x<n>.png  Linux (AppImage, deb, rpm) and the source of the others
 *   build/icon.png           1024 px, electron-builder's fallback
 *   build/icon.ico           Windows, PNG-compressed entries (Vista and later)
 *   build/icon.icns          macOS, PNG entries
 *   build/tray/...           tray icons; trayTemplate*.png is a macOS template image
 * Run with `npm run icons` after changing an SVG; the outputs are committed.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
// ICO entries are at most 256 px (the directory stores sizes in one byte, 0 meaning 256).
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS entry types that hold PNG data, by pixel size (Apple's icns format).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

const render = (svg, size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(([size, png]) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map(([, png]) => png)]);
}

function icns(pngBySize) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

const appSvg = readFileSync(join(buildDir, 'icon.svg'));
const pngBySize = new Map(APP_SIZES.map((size) => [size, render(appSvg, size)]));
mkdirSync(join(buildDir, 'icons'), { recursive: true });
for (const [size, png] of pngBySize) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), png);
writeFileSync(join(buildDir, 'icon.png'), pngBySize.get(1024));
writeFileSync(join(buildDir, 'icon.ico'), ico(ICO_SIZES.map((size) => [size, pngBySize.get(size)])));
writeFileSync(join(buildDir, 'icon.icns'), icns(pngBySize));

const traySvg = readFileSync(join(buildDir, 'tray.svg'));
mkdirSync(join(buildDir, 'tray'), { recursive: true });
writeFileSync(join(buildDir, 'tray', 'trayTemplate.png'), render(traySvg, 16));
writeFileSync(join(buildDir, 'tray', 'trayTemplate@2x.png'), render(traySvg, 32));
// Windows and Linux trays show colour: the app icon, sized for a 16–24 px slot at 2x.
writeFileSync(join(buildDir, 'tray', 'tray.png'), pngBySize.get(32));
console.log(`icons written to ${buildDir}`);
