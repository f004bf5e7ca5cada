// Native getters and setters called from stubs through the engine's CallNativeGetter and
// CallNativeSetter: `__proto__` read and written, RegExp `source`, Symbol `description`, an
// error's `stack` written,
// getters that throw for a receiver of the wrong kind; receivers of other shapes at the same
// site fail the stubs' shape guards.
function proto(o) { return o.__proto__; }
function setProto(o, p) { o.__proto__ = p; return o; }
function source(r) { return r.source; }
function setStack(e, s) { e.stack = s; return e; }
function main() {
  const protoA = { a: 1 }, protoB = { b: 2 };
  const regexps = [/ab+c/g, /x|y/, new RegExp("d\\d", "i")];
  const symbols = [Symbol("one"), Symbol(), Symbol("three")];
  let n = 0, errors = 0, text = "";
  for (let r = 0; r < 3000; r++) {
    const o = r % 3 === 0 ? { x: r } : r % 3 === 1 ? { x: r, y: 1 } : [r];
    setProto(o, r % 2 ? protoA : protoB);
    const p = proto(o);
    n += p === protoA ? 1 : p === protoB ? 2 : 5;
    n += source(regexps[r % 3]).length;
    const d = symbols[r % 3].description;
    n += d === undefined ? 7 : d.length;
    try { n += source(r % 5 === 0 ? Object.create(RegExp.prototype) : regexps[0]).length; } catch (e) { if (e instanceof TypeError) errors++; }
    const err = setStack(r % 5 === 0 ? new TypeError("t") : new Error("e"), "at line " + (r % 9));
    n += err.stack.length;
    if (r < 3) text += source(regexps[r]) + "|" + String(symbols[r].description) + ";";
  }
  console.log("n=" + n + " errors=" + errors + " " + text);
}
