// Property stores into fixed slots on two shapes.
class A { constructor() { this.n = 0; this.m = 0; } }
class B { constructor() { this.k = 1; this.n = 0; } }
function bump(o, v) { o.n = v; }
function main() {
  const objs = [new A(), new B(), new A(), new A()];
  let t = 0;
  for (let i = 0; i < 40000; i++) {
    const o = objs[i & 3];
    bump(o, i);
    t = (t + o.n) | 0;
  }
  console.log("t=" + t + " n=" + objs[0].n + "," + objs[1].n);
}
