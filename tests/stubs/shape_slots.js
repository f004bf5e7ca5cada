// Property loads: fixed slots on two shapes (the first shape's guard fails on the second),
// dynamic slots on objects with many properties, and methods found on the prototype.
class P { constructor(x, y) { this.x = x; this.y = y; } sum() { return this.x + this.y; } }
class Q { constructor(x) { this.z = 7; this.x = x; } sum() { return this.x + this.z; } }
function makeWide(seed) {
  const o = {};
  for (let k = 0; k < 24; k++) o["p" + k] = seed + k;
  return o;
}
function main() {
  const objs = [];
  for (let i = 0; i < 3000; i++) objs.push(i % 3 === 0 ? new Q(i) : new P(i, 2));
  let sx = 0, ss = 0;
  for (let r = 0; r < 20; r++) {
    for (let i = 0; i < objs.length; i++) { sx += objs[i].x; ss += objs[i].sum(); }
  }
  const wide = [makeWide(1), makeWide(5)];
  let sw = 0;
  for (let r = 0; r < 20000; r++) sw += wide[r & 1].p20 + wide[r & 1].p3;
  console.log("sx=" + sx + " ss=" + ss + " sw=" + sw);
}
