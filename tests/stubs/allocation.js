// Object and array literals and `new Array(n)` allocate in compiled stubs (the engine's own
// allocation functions behind the IC frame); enough of them to run many minor GCs while
// kept objects are still reachable; a negative length throws RangeError through the stub.
function point(x, y) { return { x: x, y: y }; }
function wide(i) { return { a: i, b: i + 1, c: i + 2, d: i + 3, e: i + 4, f: i + 5, g: i + 6, h: i + 7, k: i + 8 }; }
function triple(i) { return [i, i + 1, i + 2]; }
function sized(n) { return new Array(n); }
function main() {
  const keep = [];
  let sum = 0;
  for (let i = 0; i < 60000; i++) {
    const p = point(i, -i), w = wide(i), t = triple(i), e = [], o = {}, s = sized(i % 7);
    e.push(i);
    o.z = i;
    s[0] = i;
    sum += p.x + p.y + w.k + t[2] + e[0] + o.z + s.length + s[0];
    if (i % 997 === 0) keep.push(p, w, t, e, o, s);
  }
  let text = 0;
  for (const k of keep) text += JSON.stringify(k).length;
  let errors = 0;
  for (let i = 0; i < 5; i++) {
    try { sized(-1 - i); } catch (e) { if (e instanceof RangeError) errors++; }
  }
  console.log("sum=" + sum + " kept=" + keep.length + " text=" + text + " errors=" + errors);
  console.log(JSON.stringify(keep.slice(0, 6)));
}
