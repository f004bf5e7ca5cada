// Map and Set: insertion order, delete, iteration, object keys, special keys.

function mapToString(m) {
  const parts = [];
  for (const [k, v] of m) parts.push(String(k) + "=>" + String(v));
  return "{" + parts.join(", ") + "}";
}

function setToString(s) {
  return "{" + [...s].join(",") + "}";
}

function lcg(seed) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    return (s >>> 8) % 100;
  };
}

function main() {
  const m = new Map();
  m.set("b", 2).set("a", 1).set("c", 3);
  m.set("b", 20);
  console.log("order " + mapToString(m) + " size=" + m.size);
  m.delete("b");
  m.set("b", 200);
  console.log("re-added goes last " + mapToString(m) + " has(a)=" + m.has("a") + " get(zz)=" + m.get("zz"));
  console.log("delete missing=" + m.delete("nope") + " delete present=" + m.delete("a") + " size=" + m.size);

  const k1 = { id: 1 };
  const k2 = { id: 1 };
  const fnKey = function () {};
  const om = new Map([[k1, "first"], [k2, "second"], [fnKey, "fn"]]);
  console.log("object keys " + om.get(k1) + " " + om.get(k2) + " " + om.get(fnKey) + " " + om.get({ id: 1 }) + " size=" + om.size);

  const special = new Map();
  special.set(NaN, "nan").set(0, "zero").set("0", "string zero").set(null, "null").set(undefined, "undef");
  special.set(-0, "negzero");
  console.log("special get(NaN)=" + special.get(NaN) + " get(0)=" + special.get(0) + " get('0')=" + special.get("0") + " size=" + special.size + " keys=" + [...special.keys()].map(k => typeof k).join(","));
  console.log("-0 key normalized: " + Object.is([...special.keys()][1], 0));

  const s = new Set([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
  console.log("set " + setToString(s) + " size=" + s.size + " has(9)=" + s.has(9) + " has('9')=" + s.has("9"));
  s.delete(4);
  s.add(4);
  s.add(1);
  console.log("set after delete/add " + setToString(s));

  const a = new Set([1, 2, 3, 4, 5]);
  const b = new Set([4, 5, 6, 7]);
  const union = new Set([...a, ...b]);
  const inter = new Set([...a].filter(x => b.has(x)));
  const diff = new Set([...a].filter(x => !b.has(x)));
  console.log("union " + setToString(union) + " inter " + setToString(inter) + " diff " + setToString(diff));

  const viaForEach = [];
  m.forEach((v, k, mm) => viaForEach.push(k + ":" + v + ":" + (mm === m)));
  s.forEach((v, v2) => { if (v !== v2) viaForEach.push("bad"); });
  console.log("forEach " + viaForEach.join(" ") + " entries=" + JSON.stringify([...m.entries()]) + " values=" + [...m.values()].join(","));

  const mutating = new Map([[1, "a"], [2, "b"], [3, "c"]]);
  const seen = [];
  for (const [k] of mutating) {
    seen.push(k);
    if (k === 1) { mutating.delete(2); mutating.set(4, "d"); }
  }
  console.log("mutation during iteration " + seen.join(","));

  const rnd = lcg(12345);
  const counts = new Map();
  for (let i = 0; i < 2000; i++) {
    const v = rnd() % 10;
    counts.set(v, (counts.get(v) || 0) + 1);
  }
  const sortedKeys = [...counts.keys()].sort((x, y) => x - y);
  console.log("histogram " + sortedKeys.map(k => k + ":" + counts.get(k)).join(" ") + " firstSeen=" + [...counts.keys()].join(""));

  const uniq = new Set();
  let dupes = 0;
  for (let i = 0; i < 500; i++) {
    const v = rnd();
    if (uniq.has(v)) dupes++;
    uniq.add(v);
  }
  console.log("uniq=" + uniq.size + " dupes=" + dupes);

  const groups = new Map();
  for (const w of ["apple", "avocado", "banana", "blueberry", "cherry", "apricot", "beet"]) {
    const key = w[0];
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(w);
  }
  console.log("groups " + [...groups].map(([k, v]) => k + "=" + v.join("/")).join(" "));
  const fromObj = new Map(Object.entries({ x: 1, y: 2 }));
  const backToObj = Object.fromEntries(fromObj);
  console.log("object round trip " + JSON.stringify(backToObj) + " clear:");
  fromObj.clear();
  console.log("cleared size=" + fromObj.size);

  const wm = new WeakMap();
  const wkey = {};
  wm.set(wkey, 99);
  const ws = new WeakSet([wkey]);
  console.log("weak " + wm.get(wkey) + " " + wm.has({}) + " " + ws.has(wkey));
  const it = new Set(["p", "q"]).values();
  const r1 = it.next(), r2 = it.next(), r3 = it.next();
  console.log("iterator " + r1.value + r1.done + " " + r2.value + r2.done + " " + r3.value + r3.done);
}
