// Membership and type tests in stubs: `i in array` over holes and past the end,
// Array.isArray on arrays, objects, primitives and a proxy, and `in` / hasOwnProperty at
// sites that see many shapes (the engine's megamorphic lookup), with misses and a getter.
const holes = [1, , 3, , 5, 6, , 8];
const kinds = [[1, 2], { length: 2 }, "str", 7, null, new Proxy([], {}), [], undefined];
function has(i, a) { return i in a; }
function isArr(v) { return Array.isArray(v); }
function hasKey(k, o) { return k in o; }
function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
function typeName(v) { return typeof v; }
function main() {
  let h = 0, a = 0, k = 0, w = 0, t = "";
  const objs = [];
  for (let i = 0; i < 30; i++) {
    const o = {};
    for (let j = 0; j < (i % 7); j++) o["f" + j] = j;
    o["g" + (i % 4)] = i;
    objs.push(o);
  }
  objs.push(Object.create({ f0: 1 }));
  objs.push({ get f1() { return 1; } });
  const keys = ["f0", "f1", "g2", "zz", "f5"];
  for (let r = 0; r < 500; r++) {
    for (let i = -1; i < 10; i++) if (has(i, holes)) h++;
    for (let i = 0; i < kinds.length; i++) if (isArr(kinds[i])) a++;
    for (let i = 0; i < objs.length; i++) {
      if (hasKey(keys[(i + r) % 5], objs[i])) k++;
      if (own(objs[i], keys[(i * 3 + r) % 5])) w++;
    }
    if (r % 100 === 0) t += typeName(r) + typeName("s") + typeName(holes);
  }
  console.log("h=" + h + " a=" + a + " k=" + k + " w=" + w + " t=" + t);
}
