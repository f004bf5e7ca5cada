// cpu-bound
// N-body gravitational simulation in doubles: a central star and five bodies
// on made-up orbits, integrated with a kick-drift scheme. Reports energy and
// momentum drift plus final positions. Only + - * / sqrt, so bit-exact.

class Body {
  constructor(name, x, y, z, vx, vy, vz, mass) {
    this.name = name;
    this.x = x; this.y = y; this.z = z;
    this.vx = vx; this.vy = vy; this.vz = vz;
    this.mass = mass;
  }
}

const G = 1.0;

function makeSystem() {
  const bodies = [
    new Body("star", 0, 0, 0, 0, 0, 0, 1000),
    new Body("inner", 4.0, 0, 0.1, 0, 15.8, 0.2, 0.8),
    new Body("rocky", 0, -7.5, 0, 11.6, 0, -0.3, 1.3),
    new Body("giant", -12.0, 0.5, -0.4, 0.3, -9.1, 0, 9.5),
    new Body("ringed", 0.2, 18.0, 0.7, -7.4, 0.1, 0.1, 4.2),
    new Body("comet", 25.0, -3.0, 2.0, -1.5, 3.5, -0.6, 0.01),
  ];
  // Shift to the centre-of-momentum frame so the system does not drift.
  let px = 0, py = 0, pz = 0, m = 0;
  for (const b of bodies) {
    px += b.vx * b.mass; py += b.vy * b.mass; pz += b.vz * b.mass;
    m += b.mass;
  }
  for (const b of bodies) {
    b.vx -= px / m; b.vy -= py / m; b.vz -= pz / m;
  }
  return bodies;
}

function advance(bodies, dt) {
  const n = bodies.length;
  for (let i = 0; i < n; i++) {
    const bi = bodies[i];
    for (let j = i + 1; j < n; j++) {
      const bj = bodies[j];
      const dx = bi.x - bj.x, dy = bi.y - bj.y, dz = bi.z - bj.z;
      const d2 = dx * dx + dy * dy + dz * dz + 1e-9;
      const dist = Math.sqrt(d2);
      const mag = G * dt / (d2 * dist);
      const mi = bi.mass * mag, mj = bj.mass * mag;
      bi.vx -= dx * mj; bi.vy -= dy * mj; bi.vz -= dz * mj;
      bj.vx += dx * mi; bj.vy += dy * mi; bj.vz += dz * mi;
    }
  }
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    b.x += dt * b.vx; b.y += dt * b.vy; b.z += dt * b.vz;
  }
}

function energy(bodies) {
  let e = 0;
  for (let i = 0; i < bodies.length; i++) {
    const b = bodies[i];
    e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
    for (let j = i + 1; j < bodies.length; j++) {
      const c = bodies[j];
      const dx = b.x - c.x, dy = b.y - c.y, dz = b.z - c.z;
      e -= G * b.mass * c.mass / Math.sqrt(dx * dx + dy * dy + dz * dz + 1e-9);
    }
  }
  return e;
}

function momentum(bodies) {
  let px = 0, py = 0, pz = 0;
  for (const b of bodies) { px += b.mass * b.vx; py += b.mass * b.vy; pz += b.mass * b.vz; }
  return Math.sqrt(px * px + py * py + pz * pz);
}

function angularMomentumZ(bodies) {
  let l = 0;
  for (const b of bodies) l += b.mass * (b.x * b.vy - b.y * b.vx);
  return l;
}

function main() {
  const bodies = makeSystem();
  const e0 = energy(bodies);
  const l0 = angularMomentumZ(bodies);
  console.log("initial energy=" + e0.toFixed(9) + " Lz=" + l0.toFixed(9));
  const dt = 0.0005;
  const steps = 6000;
  let closest = Infinity;
  for (let s = 1; s <= steps; s++) {
    advance(bodies, dt);
    const c = bodies[5];
    const r = Math.sqrt(c.x * c.x + c.y * c.y + c.z * c.z);
    if (r < closest) closest = r;
    if (s % 1500 === 0) {
      const e = energy(bodies);
      console.log("step " + s + " energy=" + e.toFixed(9) + " drift=" + ((e - e0) / -e0).toExponential(3) + " |p|=" + momentum(bodies).toExponential(2));
    }
  }
  for (const b of bodies) {
    console.log(b.name.padEnd(7) + " pos=(" + b.x.toFixed(6) + ", " + b.y.toFixed(6) + ", " + b.z.toFixed(6) + ")");
  }
  console.log("comet closest approach=" + closest.toFixed(6) + " Lz drift=" + (angularMomentumZ(bodies) - l0).toExponential(3));
  console.log("exact final energy=" + energy(bodies));
}
