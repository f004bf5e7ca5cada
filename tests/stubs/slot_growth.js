// Property adds that grow an object's dynamic slots: constructors and literals that add more
// properties than fit in fixed slots, at sites that see several shapes (the stub's guards
// fail), with values of every kind (objects stored into new slots need no special handling
// from the program, but do from the engine's barriers).
function Wide(i) {
  this.a = i; this.b = i + 1; this.c = i + 2; this.d = i + 3;
  this.e = i + 4; this.f = i + 5; this.g = i + 6; this.h = i + 7;
  this.j = { i: i }; this.k = "k" + i; this.l = i / 2; this.m = [i];
}
function grow(o, n) {
  o.p0 = n; o.p1 = n; o.p2 = n; o.p3 = n; o.p4 = n; o.p5 = n;
  o.p6 = n; o.p7 = n; o.p8 = n; o.p9 = n; o.p10 = n; o.p11 = { n: n };
  for (let i = 12; i < n; i++) o["q" + i] = i;
  return o;
}
function main() {
  let s = 0;
  const keep = [];
  for (let i = 0; i < 500; i++) {
    const w = new Wide(i);
    s += w.a + w.h + w.j.i + w.k.length + w.l + w.m[0];
    if (i % 50 === 0) keep.push(w);
    const o = i % 3 === 0 ? {} : i % 3 === 1 ? { x: 1 } : { y: 2, z: 3 };
    grow(o, 12 + (i % 5));
    s += Object.keys(o).length;
  }
  console.log("sum " + s + " kept " + keep.length + " " + keep[9].m[0]);
}
