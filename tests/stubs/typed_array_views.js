// `new XArray(buffer, byteOffset, length)` allocates from the stub's template object through
// the engine's function behind the IC frame, across minor GCs: with and without offset and
// length, and a bad offset or length (a RangeError through the stub's error path); one site
// constructs several kinds, so its stubs fail their callee guards.
function main() {
  const buf = new ArrayBuffer(64);
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < 64; i++) bytes[i] = (i * 13) & 255;
  let sum = 0, errors = 0, keep = [];
  for (let r = 0; r < 3000; r++) {
    const a = new Int16Array(buf);
    const b = new Uint8Array(buf, r % 16);
    const c = new Int32Array(buf, 8, 1 + (r % 4));
    const d = new Float64Array(buf, 16, 2);
    sum += a[r % 32] + b.length + b[0] + c.length + c[0] + (d.length === 2 ? 1 : 0);
    try { new Int32Array(buf, r % 2 ? 3 : 0, r % 2 ? 1 : 100); } catch (e) { if (e instanceof RangeError) errors++; }
    const K = [Uint16Array, Int8Array, Float32Array][r % 3];
    sum += new K(buf, 4, 3).length;
    keep.push(c);
    if (keep.length > 100) keep = [];
  }
  console.log("sum=" + sum + " errors=" + errors + " kept=" + keep.length);
}
