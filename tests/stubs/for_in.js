// `for-in` over objects gets its iterator from a stub, through the engine's GetIterator behind
// the IC frame: plain objects of several shapes, arrays, objects with inherited and
// non-enumerable properties, properties deleted and added while iterating; a primitive at
// the site fails the object guard.
function keys(o) { let s = ""; for (const k in o) s += k + ","; return s; }
function sumValues(o) { let n = 0; for (const k in o) n += typeof o[k] === "number" ? o[k] : 1; return n; }
function mutating(o) { let s = ""; for (const k in o) { s += k; if (k === "a") { delete o.b; o.z = 9; } } return s; }
function main() {
  const proto = { inherited: 1 };
  const shapes = [
    () => ({ a: 1, b: 2, c: 3 }),
    () => ({ x: 1 }),
    () => [10, 20, 30],
    () => { const o = Object.create(proto); o.own = 2; return o; },
    () => { const o = { v: 1 }; Object.defineProperty(o, "hidden", { value: 5, enumerable: false }); return o; },
    () => ({ 2: "two", 1: "one", b: "bee", a: "ay" }),
  ];
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const o = r % 173 === 90 ? "str" + (r % 3) : shapes[r % shapes.length]();
    const k = keys(o);
    n += k.length * 3 + sumValues(o);
    n += mutating({ a: 1, b: 2, c: 3 }).length;
    if (r < shapes.length) text += k + "|";
  }
  console.log("n=" + n + " " + text);
}
