// Destructuring: nested patterns, defaults, swapping, params, for-of, computed keys.

let defaultEvaluations = 0;
function expensiveDefault(tag) {
  defaultEvaluations++;
  return "default-" + tag;
}

function area({ width = 1, height = width * 2, unit: u = "px" } = {}) {
  return width * height + u;
}

function pairSum([a, b = 10] = [], ...others) {
  return a + b + others.length;
}

function parseUser({ name, address: { city, geo: [lat, lng] = [0, 0] } = {}, tags: [firstTag = "none", ...moreTags] = [] }) {
  return name + "|" + city + "|" + lat + "," + lng + "|" + firstTag + "+" + moreTags.length;
}

function minMax(arr) {
  let lo = Infinity, hi = -Infinity;
  for (const v of arr) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi, span: hi - lo };
}

function* pairs() {
  yield ["one", 1];
  yield ["two", 2];
  yield ["three", 3];
}

function main() {
  const [a, b, c = "c-default", d = expensiveDefault("d")] = [1, 2, undefined];
  console.log("array defaults " + a + b + c + d + " evals=" + defaultEvaluations);
  const [e = expensiveDefault("e")] = ["given"];
  console.log("lazy default " + e + " evals=" + defaultEvaluations);
  const [, second, , fourth] = [10, 20, 30, 40];
  console.log("holes " + second + " " + fourth);

  let x = 1, y = 2, z = 3;
  [x, y] = [y, x];
  [x, y, z] = [z, x, y];
  console.log("swap x=" + x + " y=" + y + " z=" + z);
  const arr = [5, 6, 7, 8];
  [arr[0], arr[3]] = [arr[3], arr[0]];
  console.log("swap elements " + arr.join(","));

  const config = { server: { host: "localhost", ports: [80, 443], opts: { tls: true } }, retries: 3 };
  const { server: { host, ports: [httpPort, httpsPort], opts: { tls, timeout = 30 } }, retries: tries, missing = "none" } = config;
  console.log("nested " + host + ":" + httpPort + "/" + httpsPort + " tls=" + tls + " timeout=" + timeout + " tries=" + tries + " missing=" + missing);

  console.log("param defaults " + area({ width: 3 }) + " " + area({ width: 2, height: 5, unit: "cm" }) + " " + area());
  console.log("param array " + pairSum([1]) + " " + pairSum([1, 2], "x", "y") + " " + pairSum(undefined) + "");
  console.log("deep params " + parseUser({ name: "ann", address: { city: "oslo", geo: [59, 10] }, tags: ["a", "b", "c"] }) + " " + parseUser({ name: "bob", address: { city: "rome" } }));

  const { lo, hi, span } = minMax([4, -2, 17, 9]);
  console.log("return object lo=" + lo + " hi=" + hi + " span=" + span);

  const m = new Map([["alpha", { n: 1 }], ["beta", { n: 2 }]]);
  const parts = [];
  for (const [key, { n }] of m) parts.push(key + "=" + n);
  for (const [word, num] of pairs()) parts.push(word[0] + num);
  for (const { id, val = "?" } of [{ id: 1, val: "x" }, { id: 2 }]) parts.push(id + val);
  for (const [i, ch] of [..."xyz"].entries()) parts.push(i + ch);
  console.log("for-of " + parts.join(" "));

  const entries = Object.entries({ p: 1, q: 2, r: 3 }).map(([k, v]) => k + v * v);
  console.log("entries map " + entries.join(","));

  const key = "dyn";
  const { [key]: dynVal, ["lit" + "eral"]: litVal } = { dyn: "D", literal: "L" };
  console.log("computed keys " + dynVal + litVal);

  const { length } = "hello";
  const [first, ...restChars] = "world";
  console.log("from string length=" + length + " first=" + first + " rest=" + restChars.join(""));

  let p, q;
  ({ p, q = p * 2 } = { p: 21 });
  console.log("assignment pattern p=" + p + " q=" + q);

  const target = {};
  ({ a: target.x, b: target["y"] } = { a: "ax", b: "by" });
  [target.list = [], target.flag] = [undefined, true];
  console.log("assign into members " + JSON.stringify(target));

  const nullish = { v: null, u: undefined };
  const { v = "dv", u = "du" } = nullish;
  console.log("defaults only for undefined v=" + v + " u=" + u);

  try {
    const { boom } = null;
    console.log("no error " + boom);
  } catch (err) {
    console.log("destructure null -> " + err.name);
  }

  let acc = 0;
  const points = [];
  for (let i = 0; i < 50; i++) points.push({ pos: [i, i * 2], w: i % 3 });
  for (const { pos: [px, py], w = 1 } of points) acc += px * w + py;
  console.log("loop destructure acc=" + acc);

  const fnArrow = ({ a: [b0, b1] = [7, 8] } = {}) => b0 * b1;
  console.log("arrow param " + fnArrow() + " " + fnArrow({ a: [3, 4] }));
  const iterLog = [];
  const iterable = {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { iterLog.push("next" + i); return { value: i++, done: i > 10 }; },
        return() { iterLog.push("return"); return { done: true }; },
      };
    },
  };
  const [i0, i1] = iterable;
  console.log("iterator closing " + i0 + i1 + " " + iterLog.join(","));
}
