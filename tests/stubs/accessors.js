// Scripted getters and setters called from stubs: class and object-literal accessors,
// inherited ones, a getter that throws, a setter that changes other properties, accessors
// whose formal count is not the usual one (the stub fails and the next one handles them), and
// receivers of several shapes at one site.
class Temp {
  constructor(c) { this._c = c; this.log = 0; }
  get f() { return this._c * 9 / 5 + 32; }
  set f(v) { this._c = (v - 32) * 5 / 9; this.log++; }
  get bad() { if (this._c > 90) throw new RangeError("hot " + this._c); return this._c; }
}
class Kelvin extends Temp { get k() { return this._c + 273; } }
const lit = { n: 1, get twice() { return this.n * 2; }, set twice(v) { this.n = v / 2; } };
const odd = {};
Object.defineProperty(odd, "g", { get: function (unused) { return 5; } });
Object.defineProperty(odd, "s", { set: function (a, b) { this.last = a; } });
function readF(t) { return t.f; }
function writeF(t, v) { t.f = v; }
function main() {
  const ts = [new Temp(0), new Kelvin(10), new Temp(100), new Kelvin(-40)];
  let s = 0;
  for (let i = 0; i < 400; i++) {
    const t = ts[i & 3];
    s += readF(t);
    writeF(t, 50 + (i % 7));
    s += t instanceof Kelvin ? t.k : 0;
    lit.twice = i;
    s += lit.twice + odd.g;
    odd.s = i;
  }
  console.log("sum " + Math.round(s) + " last " + odd.last + " log " + ts.map((t) => t.log).join(","));
  let thrown = 0;
  for (let i = 0; i < 20; i++) {
    const t = new Temp(80 + i);
    try { s += t.bad; } catch (e) { thrown++; }
  }
  console.log("thrown " + thrown);
}
