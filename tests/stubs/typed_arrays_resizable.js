// Element reads and stores of typed arrays on resizable buffers, and of BigInt arrays, as the
// engine's interpreter makes them: the view's length from the engine (a fixed-length view that
// the shrunk buffer no longer holds has none), then its pure element read (a BigInt read would
// allocate, so it always fails over to the next stub) or its element store; reads past the end
// give undefined, stores past the end are dropped.
function read(a, i) { return a[i]; }
function sum(a) {
  let s = 0;
  for (let i = 0; i < a.length + 2; i++) {
    const v = read(a, i);
    const n = Number(v);
    s += v === undefined ? 1000 : n !== n ? 3 : Math.abs(n) > 1e9 ? 5 : n;
  }
  return s;
}
function main() {
  const buf = new ArrayBuffer(16, { maxByteLength: 64 });
  const views = [new Uint8Array(buf), new Int16Array(buf, 2), new Float64Array(buf), new Int32Array(buf, 4, 2), new Uint32Array(buf)];
  let total = 0, lengths = [];
  for (let r = 0; r < 2000; r++) {
    if (r % 100 === 0) buf.resize(8 + ((r / 100) % 7) * 8);
    const v = views[r % views.length];
    if (v.length > 0) v[r % v.length] = (r * 37) % 1000;
    v[v.length + (r % 3)] = 1;
    if (r % 7 === 0 && v.length > 1) v[1] = r % 2 ? 2.5 : -3;
    total += sum(v);
    if (r % 400 === 0) lengths.push(views.map((x) => x.length).join("/"));
  }
  const big = new BigInt64Array([1n, -2n, 3n]);
  const ubig = new BigUint64Array([5n, 2n ** 63n]);
  for (let r = 0; r < 500; r++) {
    big[r % 4] = BigInt(r) * -3n;
    ubig[r % 2] = BigInt(r) << 40n;
  }
  for (let r = 0; r < 500; r++) total += Number(read(big, r % 4) ?? 7n) + Number(read(ubig, r % 2) % 1000n);
  console.log("bytes=" + new Uint8Array(buf).join(",") + " big=" + big.join(",") + " ubig=" + ubig.join(","));
  console.log("total=" + total + " lengths=" + lengths.join(" "));
}
