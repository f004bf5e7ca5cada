// Typed array element loads and stores of every non-BigInt element type, `length`, clamping,
// wrap-around, NaN and out-of-bounds reads and writes, a detached buffer; and dense element
// stores of numbers (plain) and of objects and strings (barriered, by the engine).
function fill(a, n) { for (let i = 0; i < n; i++) a[i] = i * 37 - 500; return a; }
function fillf(a, n) { for (let i = 0; i < n; i++) a[i] = i * 0.75 - 3.5; return a; }
function sum(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
function sumPast(a) { let s = 0, u = 0; for (let i = 0; i < a.length + 2; i++) { const v = a[i]; if (v === undefined) u++; else s += v; } return s + "/" + u; }
function storePast(a) { for (let i = 0; i < a.length + 3; i++) a[i] = i; return a.length; }
function clamp(a) { const xs = [-5, 300, 1.5, 2.5, 254.5, NaN, -0.5, 77]; for (let i = 0; i < xs.length; i++) a[i] = xs[i]; return Array.from(a).join(","); }
function setAll(arr, v) { for (let i = 0; i < arr.length; i++) arr[i] = v; }
function main() {
  const n = 3000;
  const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
  const out = [];
  for (const K of kinds) {
    let t = 0;
    for (let r = 0; r < 5; r++) {
      const a = K === Float32Array || K === Float64Array ? fillf(new K(n), n) : fill(new K(n), n);
      t += sum(a);
    }
    out.push(K.name + ":" + t);
  }
  console.log(out.join(" "));
  const u32 = new Uint32Array(4);
  u32[0] = 4294967295; u32[1] = 2147483648; u32[2] = 7; u32[3] = -1;
  console.log("u32 " + sum(u32) + " " + u32[0] + " " + u32[3]);
  const f = new Float64Array(3);
  f[0] = NaN; f[1] = -0; f[2] = Infinity;
  console.log("f64 " + f[0] + " " + Object.is(f[1], -0) + " " + f[2] + " " + sumPast(f));
  const f32 = new Float32Array(2);
  f32[0] = 0.1; f32[1] = 1e40;
  console.log("f32 " + f32[0] + " " + f32[1]);
  console.log("past " + sumPast(new Int16Array([1, 2, 3])) + " " + storePast(new Int8Array(4)));
  for (let r = 0; r < 50; r++) clamp(new Uint8ClampedArray(8));
  console.log("clamped " + clamp(new Uint8ClampedArray(8)));
  const buf = new ArrayBuffer(16);
  const view = new Int32Array(buf);
  fill(view, 4);
  const before = sumPast(view);
  if (typeof structuredClone === "function") {
    try { structuredClone(buf, { transfer: [buf] }); } catch (e) {}
  }
  console.log("detach " + before + " " + (view.length === 0 ? "0" : sum(view)));
  // Dense element stores: numbers over numbers, then objects and strings over them.
  const arr = new Array(200).fill(0);
  let total = 0;
  for (let r = 0; r < 100; r++) {
    setAll(arr, r);
    total += arr[r] + arr[199];
  }
  setAll(arr, { k: 1 });
  setAll(arr, "s");
  setAll(arr, 2.5);
  console.log("dense " + total + " " + arr[5] + " " + arr.length);
}
