// Arguments objects read in stubs: arguments.length and arguments[i], mapped (sloppy) and
// unmapped (strict); an overridden length or element, and an argument that a closure
// captures (forwarded to the call object), fail the guards and take the next stub.
function sum() { let s = 0; for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
function strictSum() { "use strict"; let s = 0; for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
function overridden(a, b) { arguments.length = 1; arguments[0] = 10; let s = 0; for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
function captured(a, b) { const f = () => a + b; let s = 0; for (let i = 0; i < arguments.length; i++) s += arguments[i]; return s + f(); }
function count() { return arguments.length; }
// One site sees plain arguments objects and ones whose length or elements were overridden.
function flex(mode) {
  if (mode === 1) arguments.length = 2;
  if (mode === 2) delete arguments[1];
  let s = 0;
  for (let i = 0; i < arguments.length; i++) s += arguments[i] === undefined ? 100 : arguments[i];
  return s;
}
function main() {
  let t = 0;
  for (let i = 0; i < 3000; i++) {
    t += sum(i, 1, 2) + strictSum(i, 3) + count(1, 2, 3, 4);
    if (i % 10 === 0) t += overridden(i, 5) + captured(i, 7);
    t += flex(i % 50 === 7 ? 1 : i % 50 === 9 ? 2 : 0, i, 4, 5);
  }
  const mixed = [sum, count];
  let m = 0;
  for (let i = 0; i < 1000; i++) m += mixed[i & 1](i, 2);
  console.log("t=" + t + " m=" + m);
}
