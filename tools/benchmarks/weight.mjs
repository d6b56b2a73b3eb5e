// The page's weight by part, the wasm opened up: its code, and its data segments split by
// what they hold (the embedded files of core/CMakeLists.txt, found by their bytes, and the
// rest: ICU's and the C++ libraries' own tables and strings). Sizes as on disk and gzipped
// at level 9, each part compressed alone (so the parts add up to a little more than the
// whole gzipped at once).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const PAYLOAD_START = 'var annotatorWasmBase64 = "';
const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

function readUnsigned(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return { value, at };
}

// Sections: [{id, name, start, end}] (start/end of the payload) and the data segments
// [{address, bytes}] of the data section (active segments with an i32.const offset).
export function parseWasm(bytes) {
  const sections = [];
  const segments = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = readUnsigned(bytes, at);
    const start = size.at;
    const end = start + size.value;
    let name = null;
    if (id === 0) {
      const length = readUnsigned(bytes, start);
      name = Buffer.from(bytes.subarray(length.at, length.at + length.value)).toString('utf8');
    }
    sections.push({ id, name, start, end });
    if (id === 11) {
      let p = start;
      const count = readUnsigned(bytes, p);
      p = count.at;
      for (let s = 0; s < count.value; s++) {
        const flags = readUnsigned(bytes, p);
        p = flags.at;
        let address = null;
        if (flags.value === 2) p = readUnsigned(bytes, p).at;  // memory index
        if (flags.value !== 1) {
          if (bytes[p] !== 0x41) throw new Error('data segment offset is not an i32.const');
          // i32.const takes a signed LEB128; addresses here are below 2^31.
          const offset = readUnsigned(bytes, p + 1);
          address = offset.value;
          p = offset.at;
          if (bytes[p++] !== 0x0b) throw new Error('data segment offset expression does not end');
        }
        const length = readUnsigned(bytes, p);
        p = length.at;
        segments.push({ address, bytes: bytes.subarray(p, p + length.value) });
        p += length.value;
      }
    }
    at = end;
  }
  return { sections, segments };
}

// The wasm's bytes inside annotator-core.js, and the JS around them.
export function splitCore(path) {
  const text = readFileSync(path, 'latin1');
  const start = text.indexOf(PAYLOAD_START);
  if (start < 0) throw new Error(`${path} holds no ${PAYLOAD_START}…"`);
  const from = start + PAYLOAD_START.length;
  const to = text.indexOf('"', from);
  const base64 = text.slice(from, to);
  return {
    base64Bytes: base64.length,
    glue: Buffer.from(text.slice(0, from) + text.slice(to), 'latin1'),
    wasm: new Uint8Array(Buffer.from(base64, 'base64')),
  };
}

// The byte at `address` of the memory the segments set up (segments sorted by address),
// or 0 where no segment writes.
function byteAt(sorted, address) {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = sorted[middle];
    if (address < segment.address) high = middle - 1;
    else if (address >= segment.address + segment.bytes.length) low = middle + 1;
    else return segment.bytes[address - segment.address];
  }
  return 0;
}

// Where the file's bytes start in the wasm's memory. Candidates come from runs of 16
// non-zero bytes of the file found in a segment (less the run's place in the file); the
// one kept is the candidate at which the whole file reads back (zero runs are not in the
// wasm: wasm-opt leaves them out of the segments, and memory starts zeroed).
function addressOf(file, sorted) {
  const matches = (address) => {
    for (let i = 0; i < file.length; i++) if (byteAt(sorted, address + i) !== file[i]) return false;
    return true;
  };
  let tries = 0;
  for (let i = 0; i + 16 <= file.length && tries < 16; i++) {
    const probe = file.subarray(i, i + 16);
    if (probe.includes(0)) continue;
    tries++;
    const needle = Buffer.from(probe);
    for (const segment of sorted) {
      const bytes = Buffer.from(segment.bytes.buffer, segment.bytes.byteOffset, segment.bytes.length);
      for (let found = bytes.indexOf(needle); found >= 0; found = bytes.indexOf(needle, found + 1)) {
        if (matches(segment.address + found - i)) return segment.address + found - i;
      }
    }
    i += 15;
  }
  return null;
}

// The embedded files as core/CMakeLists.txt lists them (CORE_EMBEDDED).
export function embeddedFiles(root) {
  const cmake = readFileSync(join(root, 'core', 'CMakeLists.txt'), 'utf8');
  const list = /set\(CORE_EMBEDDED\s+([\s\S]*?)\)/.exec(cmake);
  return list ? list[1].split(/\s+/).filter(Boolean) : [];
}

function kindOf(path) {
  if (path.startsWith('models/')) return 'models';
  if (path.endsWith('.dat')) return 'ICU data';
  return 'lexicons and rules';
}

export function wasmWeight(root, publicDir) {
  const core = splitCore(join(publicDir, 'annotator-core.js'));
  const { sections, segments } = parseWasm(core.wasm);
  const memory = segments.filter((segment) => segment.address != null).sort((a, b) => a.address - b.address);
  const claimed = new Map();  // segment → a mask of its bytes that belong to an embedded file
  const parts = {};
  const add = (part, bytes) => {
    parts[part] ??= { bytes: 0, chunks: [] };
    parts[part].bytes += bytes.length;
    parts[part].chunks.push(bytes);
  };
  const files = [];
  for (const path of embeddedFiles(root)) {
    const file = new Uint8Array(readFileSync(join(root, path)));
    const address = addressOf(file, memory);
    let inWasm = 0;
    if (address != null) {
      for (const segment of memory) {
        const from = Math.max(address, segment.address);
        const to = Math.min(address + file.length, segment.address + segment.bytes.length);
        if (to <= from) continue;
        const piece = segment.bytes.subarray(from - segment.address, to - segment.address);
        inWasm += piece.length;
        if (!claimed.has(segment)) claimed.set(segment, new Uint8Array(segment.bytes.length));
        claimed.get(segment).fill(1, from - segment.address, to - segment.address);
        add(kindOf(path), piece);
      }
    }
    files.push({ path, kind: kindOf(path), fileBytes: file.length, wasmBytes: inWasm, found: address != null });
  }
  // The rest of each segment: static data that is not an embedded file.
  for (const segment of segments) {
    const mask = claimed.get(segment);
    if (!mask) {
      add('other static data', segment.bytes);
      continue;
    }
    let from = 0;
    for (let i = 0; i <= mask.length; i++) {
      if (i < mask.length && !mask[i]) continue;
      if (i > from) add('other static data', segment.bytes.subarray(from, i));
      from = i + 1;
    }
  }
  const code = sections.find((section) => section.id === 10);
  add('code', core.wasm.subarray(code.start, code.end));
  const dataSection = sections.find((section) => section.id === 11);
  const segmentBytes = segments.reduce((sum, segment) => sum + segment.bytes.length, 0);
  const dataBytes = dataSection ? dataSection.end - dataSection.start : 0;
  parts['data segment headers'] = { bytes: dataBytes - segmentBytes, chunks: [] };
  const accounted = Object.values(parts).reduce((sum, part) => sum + part.bytes, 0);
  parts['other sections (types, imports, exports, tables, section headers)'] = { bytes: core.wasm.length - accounted, chunks: [] };
  // The same data as one contiguous image, zero runs included: what it would weigh unpacked.
  const low = Math.min(...memory.map((segment) => segment.address));
  const high = Math.max(...memory.map((segment) => segment.address + segment.bytes.length));
  const image = new Uint8Array(high - low);
  for (const segment of memory) image.set(segment.bytes, segment.address - low);
  const named = sections.filter((section) => section.id === 0).map((section) => ({ name: section.name, bytes: section.end - section.start }));
  return {
    wasmBytes: core.wasm.length,
    wasmGzip: gzipSize(core.wasm),
    base64Bytes: core.base64Bytes,
    glueBytes: core.glue.length,
    glueGzip: gzipSize(core.glue),
    dataSectionBytes: dataBytes,
    dataSectionGzip: dataSection ? gzipSize(core.wasm.subarray(dataSection.start, dataSection.end)) : 0,
    segments: segments.length,
    memoryImage: { bytes: image.length, gzip: gzipSize(image) },
    customSections: named,
    parts: Object.fromEntries(Object.entries(parts).map(([part, value]) => [part, {
      bytes: value.bytes,
      gzip: value.chunks.length === 0 ? null : gzipSize(Buffer.concat(value.chunks.map((chunk) => Buffer.from(chunk)))),
    }])),
    files,
  };
}

// Every file of public/ with its size and gzip -9 size.
export function publicFiles(publicDir) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        files.push({ file: relative(publicDir, path), bytes: bytes.length, gzip: gzipSize(bytes) });
      }
    }
  };
  walk(publicDir);
  return files;
}
