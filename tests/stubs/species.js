// Self-hosted species lookups and typed array construction ask the engine's checks:
// `arr.map`/`filter`/`slice` ask whether the constructor is another realm's Array,
// typed array `map`/`filter`/`slice`/`subarray` whether it is a typed array constructor, and
// `new Uint8Array(arrayLike)` that its argument is no ArrayBuffer; a subclass's species and
// a buffer argument take other paths, failing the stubs' guards.
class MyArray extends Array {}
function main() {
  const plain = [1, 2, 3, 4, 5];
  const mine = MyArray.from([6, 7, 8]);
  const ta = new Int16Array([5, -3, 8, 1]);
  const buf = new ArrayBuffer(8);
  let acc = 0, kinds = new Set();
  for (let r = 0; r < 2000; r++) {
    const a = r % 10 === 0 ? mine : plain;
    const m = a.map((x) => x * 2);
    const f = a.filter((x) => x % 2);
    acc += m.length + f.length + a.slice(1).length;
    kinds.add(m.constructor.name);
    const t = ta.map((x) => x + r);
    acc += t[0] + ta.filter((x) => x > 0).length + ta.slice(1, 3)[1] + ta.subarray(2).length;
    const u = new Uint8Array(r % 7 === 0 ? buf : [r & 255, 2, 3]);
    acc += u.length + u[0];
  }
  console.log("acc=" + acc + " kinds=" + [...kinds].join(","));
}
