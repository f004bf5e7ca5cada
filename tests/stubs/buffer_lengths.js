// Byte lengths and offsets of views and buffers, and `index in typedArray`, as the engine's
// interpreter reads them: a fixed-length view, a view on a resizable buffer (whose length the
// engine computes, and which has none once the buffer shrinks below it), buffers of both
// kinds; plain objects at the same sites now and then fail the stubs' guards.
function fixedLengths(v) { return v.byteLength * 1000 + v.byteOffset; }
function trackingLengths(v) { return v.byteLength * 1000 + v.byteOffset; }
function bufferLength(b) { return b.byteLength; }
function has(v, i) { return i in v; }
function main() {
  const fixed = new ArrayBuffer(48);
  const growable = new ArrayBuffer(16, { maxByteLength: 96 });
  const u16 = new Int16Array(fixed, 2, 7);
  const f32 = new Float32Array(growable, 8);
  let acc = 0, log = [];
  for (let r = 0; r < 3000; r++) {
    if (r % 250 === 0) growable.resize(8 + ((r / 250) % 6) * 16);
    acc += fixedLengths(r % 50 === 0 ? { byteLength: 1, byteOffset: 2 } : u16);
    try { acc += trackingLengths(r % 50 === 0 ? { byteLength: 3, byteOffset: 4 } : f32); } catch (e) { acc += 77; }
    acc += bufferLength(r % 2 ? fixed : growable) + (r % 40 === 0 ? bufferLength({ byteLength: 9 }) : 0);
    acc += (has(f32, r % 9) ? 3 : 0) + (has(u16, r % 9) ? 5 : 0) + (has(u16, -1) ? 100 : 0);
    if (r % 500 === 0) log.push([u16, f32].map((x) => x.byteLength + "@" + x.byteOffset + "/" + x.length).join(" "));
  }
  console.log("acc=" + acc + " " + log.join(" | "));
}
