class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm2() { return this.x * this.x + this.y * this.y; }
}
function main() {
  const p = new Point(3, 4);
  p.x = p.x + 1.5;
  console.log(p.norm2() > 20 ? "far" : "near");
}
