// `typeof x == "..."` on objects made by stubs (LoadTypeOfEqObjectResult, which the engine's
// CacheIR interpreter fails on every hit): plain objects, arrays, functions, bound functions,
// classes and callable proxies against each type name, with ==, !=, === and !==; a proxy
// fails the stub's guard.
function isFn(x) { return typeof x === "function"; }
function notFn(x) { return typeof x != "function"; }
function isObj(x) { return typeof x == "object"; }
function notObj(x) { return typeof x !== "object"; }
function isUndef(x) { return typeof x === "undefined"; }
function isStr(x) { return typeof x == "string"; }
class K {}
function main() {
  const things = [{}, [], function () {}, Math.max, K, isFn.bind(null), new K(), /re/, new Date(0), Object.create(null)];
  const proxy = new Proxy({}, {}), callableProxy = new Proxy(function () {}, {});
  let n = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const x = r % 211 === 100 ? (r % 2 ? proxy : callableProxy) : things[r % things.length];
    const bits = (isFn(x) ? 1 : 0) | (notFn(x) ? 2 : 0) | (isObj(x) ? 4 : 0) | (notObj(x) ? 8 : 0) | (isUndef(x) ? 16 : 0) | (isStr(x) ? 32 : 0);
    n += bits * (r % 7 + 1);
    if (r < things.length) text += bits + ",";
  }
  console.log("n=" + n + " " + text);
}
