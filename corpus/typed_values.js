// Typed values in compiled code: numbers held as f64, int32 and booleans in Wasm locals, locals
// typed across blocks, comparisons feeding branches, dense element reads inline, and the rare
// slow results (BigInt, strings, objects with valueOf) that leave the typed paths.

function show(label, ...xs) {
  console.log(label + " " + xs.map((x) => (Object.is(x, -0) ? "-0" : String(x))).join(" "));
}

function int32Edges() {
  const big = 2147483647, small = -2147483648;
  let a = big + 1, b = small - 1, c = big * 2, d = small * -1;
  let e = (big + 1) | 0, f = (small - 1) | 0, g = big * big;
  let h = 0 * -1, i = -0 + 0, j = -0 - 0, k = 5 % 3, l = -5 % 3, m = 5 % -3, n = -4 % 2;
  show("int32 edges", a, b, c, d, e, f, g, h, i, j, k, l, m, n);
}

function toInt32Edges() {
  const xs = [0.5, -0.5, 1.5e10, -1.5e10, 2 ** 31, 2 ** 32 + 7, -(2 ** 53), 1e300, NaN, Infinity, -Infinity, -0];
  const out = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    out.push(x | 0, x >>> 0, ~x, x << 1, x >> 1, x & 0xff, x ^ -1);
  }
  show("toInt32", ...out);
}

function doubleChains(n) {
  let s = 0, p = 1, q = 0.1;
  for (let i = 0; i < n; i++) {
    s += i * 0.5 - q;
    p = p * 1.0001;
    q = q / 1.5 + 1 / (i + 1);
  }
  const z = -s * 0;
  show("doubles", s.toFixed(6), p.toFixed(6), q.toFixed(9), z, 0 / 0, 1 / z, -(0 / 0));
}

function loopCounters(n) {
  let count = 0, sum = 0, odd = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2) odd++;
    sum = (sum + i * i) | 0;
    count++;
  }
  let j = 0;
  while (j < 10) j += 3;
  let k = 100;
  do { k -= 7; } while (k > 0);
  show("counters", count, sum, odd, j, k);
}

function maybeUndefined(flag) {
  let x;
  if (flag) x = 41;
  const y = x + 1;
  let t;
  for (let i = 0; i < 3; i++) t = (t === undefined ? 0 : t) + i;
  return [y, t, x < 100, x === undefined];
}

function comparisons() {
  const vals = [0, -0, 1, -1, 0.5, NaN, Infinity, "1", "a", null, undefined, true, false];
  let bits = "";
  for (let i = 0; i < vals.length; i++) {
    for (let j = 0; j < vals.length; j++) {
      const a = vals[i], b = vals[j];
      bits += (a < b ? 1 : 0) + (a <= b ? 1 : 0) + (a == b ? 1 : 0) + (a === b ? 1 : 0);
    }
    bits += "|";
  }
  show("compare", bits);
  let u = 0;
  for (const v of vals) if (v === undefined || v === null || v === true) u++;
  show("identity", u);
}

// BigInt literals and array holes are ops of their own; keeping them at the top level lets the
// functions below be compiled whole.
const B0 = 0n, B1 = 1n, B2 = 2n, B3 = 3n, B5 = 5n, B6 = 6n, B9 = 9n, B10 = 10n;
const HOLEY = [1, 2, 3, , 5];

function slowResults() {
  const o = { valueOf() { return 7; } };
  const s = "3";
  const big = B10;
  show("mixed", o - 2, o * 2, s - 1, s * s, "x" + 1 + 2, 1 + 2 + "x", o + 1, s + 1, -s, +s, ~s, s | 0, s % 2);
  show("bigint", big - B3, big * big, big / B3, big % B3, -big, big + B1, big ** B3, big & B6, ~big);
  let acc = B0;
  for (let i = B0; i < B5; i++) acc = acc * B2 + i;
  show("bigint loop", acc);
  let m = 1;
  for (let i = 0; i < 3; i++) m = (i === 1 ? big - B9 : B2 - B1) === B1 ? m * 2 - 1 : m;
  show("after bigint", m);
  let k = 0;
  for (let i = 0; i < 4; i++) k = k + (i === 2 ? Number(big - B9) : 1);
  show("after bail", k);
}

function denseReads() {
  const a = HOLEY;
  const holes = [];
  holes[3] = "x";
  const obj = { 0: "zero", length: 1 };
  const sparse = [];
  sparse[1000] = 1;
  let out = [];
  for (let i = -1; i < 7; i++) out.push(a[i], holes[i], obj[i]);
  out.push(a[1.5], a[2.0], a["2"], a[-0], sparse[1000], sparse[999]);
  Object.setPrototypeOf(holes, { 1: "proto" });
  out.push(holes[1], holes[3]);
  const s = "str";
  out.push(s[0], s[5]);
  show("dense", ...out);
  let sum = 0;
  const arr = [];
  for (let i = 0; i < 100; i++) arr.push(i * 1.5);
  for (let i = 0; i < arr.length; i++) sum += arr[i] + arr[i + 1 < arr.length ? i + 1 : 0];
  show("sum", sum);
}

function stackShuffles(x) {
  const o = { v: 1 };
  o.v += x;
  o.v++;
  let a = 1, b = 2;
  [a, b] = [b, a];
  const r = { n: 5 };
  const post = r.n++;
  const pre = ++r.n;
  return [o.v, a, b, post, pre, r.n];
}

function main() {
  int32Edges();
  toInt32Edges();
  doubleChains(1000);
  loopCounters(1000);
  show("maybe", ...maybeUndefined(true), ...maybeUndefined(false));
  comparisons();
  slowResults();
  denseReads();
  show("shuffles", ...stackShuffles(3));
}
