// Spread and rest: calls, array spread, object spread, rest parameters.

function sum(...nums) {
  let s = 0;
  for (const n of nums) s += n;
  return s;
}

function headTail(first, second, ...rest) {
  return "first=" + first + " second=" + second + " rest=[" + rest.join(",") + "] restLen=" + rest.length;
}

function countArgs() {
  return arguments.length;
}

function* countdown(n) {
  while (n > 0) yield n--;
}

class Point3 {
  constructor(x, y, z) { this.x = x; this.y = y; this.z = z; }
  toString() { return "(" + this.x + "," + this.y + "," + this.z + ")"; }
}

function withDefaults(opts) {
  const cfg = { verbose: false, depth: 3, name: "default", ...opts };
  return JSON.stringify(cfg);
}

function partial(fn, ...bound) {
  return (...later) => fn(...bound, ...later);
}

function main() {
  const a = [1, 2, 3];
  const b = [4, 5];
  console.log("sum spread " + sum(...a) + " " + sum(...a, ...b) + " " + sum(0, ...a, 10, ...b, 100) + " " + sum());
  console.log("Math.max " + Math.max(...a, ...b) + " min " + Math.min(...[9, -3, 7]) + " empty max " + Math.max(...[]));
  console.log(headTail(1, 2, 3, 4, 5));
  console.log(headTail(...["only"]));
  console.log("countArgs " + countArgs(...a, ...b) + " " + countArgs(...[], ...[]) + " holes " + countArgs(...[1, , 3]));

  const combined = [0, ...a, ...b, 6];
  const copy = [...combined];
  copy.push(99);
  console.log("array spread " + combined.join(",") + " copyLen=" + copy.length + " origLen=" + combined.length);
  console.log("string spread " + [..."hello"].join("|") + " set spread " + [...new Set([3, 3, 1, 2, 1])].join(",") + " map spread " + JSON.stringify([...new Map([["k", 1]])]));
  console.log("generator spread " + [...countdown(5)].join(",") + " nested " + JSON.stringify([...[[1, 2]], ...[[3]]]));

  const p = new Point3(...[7, 8, 9]);
  console.log("new with spread " + String(p) + " " + String(new Point3(1, ...[2, 3])));

  const base = { a: 1, b: 2, nested: { deep: true } };
  const ext = { ...base, b: 20, c: 30 };
  const over = { b: 200, ...base };
  ext.nested.deep = "shared";
  console.log("object spread " + JSON.stringify(ext) + " " + JSON.stringify(over) + " base.nested=" + JSON.stringify(base.nested));
  console.log("defaults " + withDefaults({ depth: 7 }) + " " + withDefaults());
  console.log("spread primitives " + JSON.stringify({ ...null, ...undefined, ...123, ..."ab", ...[5, 6] }));

  const withGetter = { get g() { return "computed"; } };
  const spreadG = { ...withGetter };
  console.log("getter spread -> data: " + JSON.stringify(Object.getOwnPropertyDescriptor(spreadG, "g")));

  const { a: aa, ...others } = ext;
  console.log("object rest aa=" + aa + " others=" + JSON.stringify(others));
  const [x, , y, ...zs] = [10, 20, 30, 40, 50, 60];
  console.log("array rest x=" + x + " y=" + y + " zs=" + zs.join(","));

  const add3 = (p1, p2, p3) => p1 * 100 + p2 * 10 + p3;
  const add3from1 = partial(add3, 1);
  const add3from12 = partial(add3, 1, 2);
  console.log("partial " + add3from1(2, 3) + " " + add3from12(9) + " " + partial(sum)(1, 2, 3, 4));

  const big = [];
  for (let i = 0; i < 1000; i++) big.push(i % 97);
  console.log("big spread sum=" + sum(...big) + " max=" + Math.max(...big));

  const args = ["x", "y"];
  const obj = {
    method(...rest) { return this.prefix + rest.join("+"); },
    prefix: "P:",
  };
  console.log("method spread " + obj.method(...args, "z") + " apply-like " + obj.method.call(obj, ...args));

  const matrix = [[1, 2], [3, 4], [5, 6]];
  const flat = [].concat(...matrix);
  const zipped = matrix[0].map((_, i) => matrix.map(r => r[i]));
  console.log("flatten via spread " + flat.join(",") + " zipped " + JSON.stringify(zipped));

  const merged = [{ id: 1, v: "a" }, { id: 2, v: "b" }, { id: 1, w: "c" }].reduce((acc, o) => ({ ...acc, [o.id]: { ...acc[o.id], ...o } }), {});
  console.log("merge reduce " + JSON.stringify(merged));
  const fnLen = [(a, b, ...c) => 0, (...r) => 0, (a, b = 1, c) => 0].map(f => f.length);
  console.log("fn lengths " + fnLen.join(","));
}
