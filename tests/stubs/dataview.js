// DataView loads and stores of every non-BigInt type, in both byte orders, at unaligned
// offsets; reads past the end and at negative offsets (RangeError), NaN and -0 floats,
// Uint32 values above INT32_MAX, and a view into the middle of its buffer.
function main() {
  const buf = new ArrayBuffer(64);
  const dv = new DataView(buf);
  const mid = new DataView(buf, 8, 24);
  let s = 0;
  for (let i = 0; i < 300; i++) {
    const le = (i & 1) === 1;
    const o = i % 13;
    dv.setInt8(o, i - 150);
    s += dv.getInt8(o) + dv.getUint8(o);
    dv.setInt16(o + 1, i * 97 - 9000, le);
    s += dv.getInt16(o + 1, le) + dv.getUint16(o + 1, !le);
    dv.setUint16(o + 3, i * 211, le);
    s += dv.getUint16(o + 3, le);
    dv.setInt32(o + 5, i * 1234567 - 99999999, le);
    s += dv.getInt32(o + 5, le) % 1000 + dv.getInt32(o + 5, !le) % 1000;
    dv.setUint32(o + 9, 4000000000 - i * 3, le);
    s += dv.getUint32(o + 9, le) % 100000 + dv.getUint32(o + 9, !le) % 1000;
    dv.setFloat32(o + 13, i / 7, le);
    s += Math.round(dv.getFloat32(o + 13, le) * 1000);
    dv.setFloat64(o + 17, i * 1.5e10 + 0.25, le);
    s += dv.getFloat64(o + 17, le) % 1e6 + (dv.getFloat64(o + 17, !le) === dv.getFloat64(o + 17, !le) ? 1 : 0);
    mid.setUint8(i % 24, i);
    s += mid.getUint8(i % 24) + dv.getUint8(8 + (i % 24));
  }
  console.log("sum " + s);
  dv.setFloat64(0, NaN);
  dv.setFloat32(8, -0);
  console.log("nan " + Number.isNaN(dv.getFloat64(0)) + " negzero " + (1 / dv.getFloat32(8)));
  let errors = 0;
  for (let i = 0; i < 40; i++) {
    try { s += dv.getInt32(60 + (i % 8)); } catch (e) { errors++; }
    try { mid.setFloat64(16 + (i % 12), 1); } catch (e) { errors++; }
    try { s += dv.getUint16(-(i % 3)); } catch (e) { errors++; }
  }
  console.log("errors " + errors);
}
