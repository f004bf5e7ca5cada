// The arguments object (JSOp::Arguments) and formals it aliases (GetArg/SetArg through the
// object in sloppy functions with simple parameter lists): writes in both directions, missing
// and extra arguments, delete unmapping an index, the object escaping to and written by other
// functions, closed-over formals, strict and non-simple parameter lists (unmapped),
// arguments.length and callee, spreading and slicing, recursion, and a hot loop.

function mapped(a, b) {
  arguments[0] = "A";
  b = "B";
  return a + b + arguments[1] + arguments.length;
}

function missing(a, b, c) {
  arguments[2] = "set";
  c = c === undefined ? "undef" : c;
  return [a, b, c, arguments[2], arguments.length].join("|");
}

function extra(a) {
  let s = a;
  for (let i = 1; i < arguments.length; i++) s += arguments[i];
  arguments[3] = 99;
  return s + "/" + arguments[3] + "/" + arguments.length;
}

function unmapByDelete(a) {
  delete arguments[0];
  arguments[0] = "new";
  a = "formal";
  return a + " " + arguments[0];
}

function bump(args) {
  args[0] = args[0] * 10;
  args[1] = "changed";
}

function escapes(x, y) {
  bump(arguments);
  return x + " " + y;
}

function closedOver(a, b) {
  const get = () => a;
  arguments[0] = "via arguments";
  b = "b2";
  return get() + " " + arguments[1];
}

function strict(a) {
  "use strict";
  arguments[0] = "changed";
  a = "formal";
  return a + " " + arguments[0];
}

function nonSimple(a, b = 2) {
  arguments[0] = "changed";
  return a + " " + b + " " + arguments.length;
}

function calleeName() {
  return typeof arguments.callee + " " + arguments.callee.name;
}

function sumAll() {
  let t = 0;
  for (let i = 0; i < arguments.length; i++) t += arguments[i];
  return t;
}

function spreadIt(a, b) {
  a = 100;
  return sumAll(...arguments) + ":" + Array.prototype.slice.call(arguments, 1).join(",");
}

function lengthWrite(a, b) {
  arguments.length = 1;
  const seen = Array.prototype.join.call(arguments, "+");
  b = "bb";
  return seen + " " + arguments[1];
}

function fact(n, acc) {
  if (n <= 1) return acc;
  arguments[1] = acc * n;
  n = n - 1;
  return fact(n, arguments[1]);
}

function swapFormals(a, b) {
  const t = arguments[0];
  arguments[0] = b;
  arguments[1] = t;
  return a + "," + b;
}

function hot(a, b) {
  for (let i = 0; i < 3; i++) {
    a = a + arguments[1];
    arguments[1] = b + 1;
  }
  return a;
}

function throwsInside(a) {
  arguments[0] = "changed";
  if (a === "changed") throw new Error("saw " + a);
  return "no";
}

function main() {
  console.log(mapped("a", "b"));
  console.log(missing(1));
  console.log(missing(1, 2, 3));
  console.log(extra("x", "y", "z"));
  console.log(extra("x"));
  console.log(unmapByDelete("orig"));
  console.log(escapes(4, "y"));
  console.log(closedOver("a", "b"));
  console.log(strict("orig"));
  console.log(nonSimple("orig"));
  console.log(calleeName());
  console.log(String(sumAll(1, 2, 3, 4.5)));
  console.log(spreadIt(1, 2, 3));
  console.log(lengthWrite("p", "q"));
  console.log(String(fact(10, 1)));
  console.log(swapFormals("L", "R"));
  try {
    throwsInside("x");
  } catch (e) {
    console.log(e.message);
  }
  let total = 0;
  for (let i = 0; i < 2000; i++) total += hot(i, i & 7);
  console.log("total " + total);
}
