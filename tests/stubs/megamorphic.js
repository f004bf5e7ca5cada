// Megamorphic property reads: one site sees objects of many shapes (by name and by computed
// key), so the engine uses its megamorphic lookup; properties on prototypes, missing ones,
// and getters (which the pure lookup refuses, failing the stub) are mixed in.
function make(i) {
  const o = {};
  for (let k = 0; k < (i % 9); k++) o["p" + k] = k;
  o.x = i;
  if (i % 5 === 0) o["k" + i] = 1;
  return o;
}
const proto = { x: 1000, y: 5 };
function readX(o) { return o.x; }
function readY(o) { return o.y; }
function readKey(o, k) { return o[k]; }
function main() {
  const objs = [];
  for (let i = 0; i < 40; i++) objs.push(make(i));
  for (let i = 0; i < 10; i++) objs.push(Object.create(proto));
  objs.push({ get x() { return 7; } });
  let sx = 0, sy = 0, sk = 0;
  const keys = ["x", "p0", "p3", "missing", "y"];
  for (let r = 0; r < 300; r++) {
    for (let i = 0; i < objs.length; i++) {
      const o = objs[i];
      sx += readX(o);
      const y = readY(o);
      if (y !== undefined) sy += y;
      const v = readKey(o, keys[(i + r) % 5]);
      if (typeof v === "number") sk += v;
    }
  }
  console.log("sx=" + sx + " sy=" + sy + " sk=" + sk);
}
