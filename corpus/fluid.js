// cpu-bound
// Grid fluid solver (stable-fluids style): diffusion by Gauss-Seidel
// relaxation, semi-Lagrangian advection, pressure projection, on an (N+2)^2
// Float64Array grid. Deterministic sources; prints mass/energy checksums.

class FluidField {
  constructor(n, dt, diffusion, viscosity) {
    this.n = n;
    this.dt = dt;
    this.diff = diffusion;
    this.visc = viscosity;
    this.iterations = 8;
    const size = (n + 2) * (n + 2);
    this.dens = new Float64Array(size);
    this.densPrev = new Float64Array(size);
    this.u = new Float64Array(size);
    this.v = new Float64Array(size);
    this.uPrev = new Float64Array(size);
    this.vPrev = new Float64Array(size);
    this.row = n + 2;
  }

  ix(i, j) { return i + this.row * j; }

  addSource(x, s) {
    const dt = this.dt;
    for (let i = 0; i < x.length; i++) x[i] += dt * s[i];
  }

  // b: 0 scalar, 1 horizontal velocity, 2 vertical velocity
  setBoundary(b, x) {
    const n = this.n, row = this.row;
    for (let i = 1; i <= n; i++) {
      x[i] = b === 2 ? -x[i + row] : x[i + row];
      x[i + (n + 1) * row] = b === 2 ? -x[i + n * row] : x[i + n * row];
      x[i * row] = b === 1 ? -x[1 + i * row] : x[1 + i * row];
      x[n + 1 + i * row] = b === 1 ? -x[n + i * row] : x[n + i * row];
    }
    x[0] = 0.5 * (x[1] + x[row]);
    x[(n + 1) * row] = 0.5 * (x[1 + (n + 1) * row] + x[n * row]);
    x[n + 1] = 0.5 * (x[n] + x[n + 1 + row]);
    x[n + 1 + (n + 1) * row] = 0.5 * (x[n + (n + 1) * row] + x[n + 1 + n * row]);
  }

  linearSolve(b, x, x0, a, c) {
    const n = this.n, row = this.row;
    const invC = 1 / c;
    for (let k = 0; k < this.iterations; k++) {
      for (let j = 1; j <= n; j++) {
        let idx = 1 + j * row;
        for (let i = 1; i <= n; i++, idx++) {
          x[idx] = (x0[idx] + a * (x[idx - 1] + x[idx + 1] + x[idx - row] + x[idx + row])) * invC;
        }
      }
      this.setBoundary(b, x);
    }
  }

  diffuse(b, x, x0, rate) {
    const a = this.dt * rate * this.n * this.n;
    this.linearSolve(b, x, x0, a, 1 + 4 * a);
  }

  advect(b, d, d0, u, v) {
    const n = this.n, row = this.row;
    const dt0 = this.dt * n;
    for (let j = 1; j <= n; j++) {
      for (let i = 1; i <= n; i++) {
        const idx = i + j * row;
        let x = i - dt0 * u[idx];
        let y = j - dt0 * v[idx];
        if (x < 0.5) x = 0.5;
        if (x > n + 0.5) x = n + 0.5;
        if (y < 0.5) y = 0.5;
        if (y > n + 0.5) y = n + 0.5;
        const i0 = Math.floor(x), j0 = Math.floor(y);
        const s1 = x - i0, s0 = 1 - s1;
        const t1 = y - j0, t0 = 1 - t1;
        const a = i0 + j0 * row;
        d[idx] = s0 * (t0 * d0[a] + t1 * d0[a + row]) + s1 * (t0 * d0[a + 1] + t1 * d0[a + 1 + row]);
      }
    }
    this.setBoundary(b, d);
  }

  project(u, v, p, div) {
    const n = this.n, row = this.row;
    const h = 1 / n;
    for (let j = 1; j <= n; j++) {
      for (let i = 1; i <= n; i++) {
        const idx = i + j * row;
        div[idx] = -0.5 * h * (u[idx + 1] - u[idx - 1] + v[idx + row] - v[idx - row]);
        p[idx] = 0;
      }
    }
    this.setBoundary(0, div);
    this.setBoundary(0, p);
    this.linearSolve(0, p, div, 1, 4);
    for (let j = 1; j <= n; j++) {
      for (let i = 1; i <= n; i++) {
        const idx = i + j * row;
        u[idx] -= 0.5 * n * (p[idx + 1] - p[idx - 1]);
        v[idx] -= 0.5 * n * (p[idx + row] - p[idx - row]);
      }
    }
    this.setBoundary(1, u);
    this.setBoundary(2, v);
  }

  velocityStep() {
    let u = this.u, v = this.v, u0 = this.uPrev, v0 = this.vPrev;
    this.addSource(u, u0);
    this.addSource(v, v0);
    let t = u0; u0 = u; u = t;
    this.diffuse(1, u, u0, this.visc);
    t = v0; v0 = v; v = t;
    this.diffuse(2, v, v0, this.visc);
    this.project(u, v, u0, v0);
    t = u0; u0 = u; u = t;
    t = v0; v0 = v; v = t;
    this.advect(1, u, u0, u0, v0);
    this.advect(2, v, v0, u0, v0);
    this.project(u, v, u0, v0);
    this.u = u; this.v = v; this.uPrev = u0; this.vPrev = v0;
  }

  densityStep() {
    let x = this.dens, x0 = this.densPrev;
    this.addSource(x, x0);
    let t = x0; x0 = x; x = t;
    this.diffuse(0, x, x0, this.diff);
    t = x0; x0 = x; x = t;
    this.advect(0, x, x0, this.u, this.v);
    this.dens = x; this.densPrev = x0;
  }

  injectSources(frame) {
    this.densPrev.fill(0);
    this.uPrev.fill(0);
    this.vPrev.fill(0);
    const n = this.n;
    const cx = 1 + ((frame * 3) % n);
    const cy = 1 + ((frame * 5 + 7) % n);
    this.densPrev[this.ix(cx, cy)] = 80;
    this.densPrev[this.ix(n >> 1, n >> 1)] = 40;
    const phase = frame % 8;
    const fx = phase < 4 ? 30 : -30;
    const fy = (phase & 1) === 0 ? 45 : -15;
    this.uPrev[this.ix(n >> 1, (n >> 1) + 2)] = fx;
    this.vPrev[this.ix(n >> 1, (n >> 1) + 2)] = fy;
  }

  step(frame) {
    this.injectSources(frame);
    this.velocityStep();
    this.densityStep();
  }

  stats() {
    const n = this.n, row = this.row;
    let mass = 0, energy = 0, peak = 0, weighted = 0;
    for (let j = 1; j <= n; j++) {
      for (let i = 1; i <= n; i++) {
        const idx = i + j * row;
        const d = this.dens[idx];
        mass += d;
        weighted += d * (i + 2 * j);
        if (d > peak) peak = d;
        energy += this.u[idx] * this.u[idx] + this.v[idx] * this.v[idx];
      }
    }
    return { mass, energy, peak, centroid: weighted / mass };
  }
}

function fmt(x) { return x.toFixed(9); }

function main() {
  const field = new FluidField(30, 0.1, 0.0001, 0.00005);
  for (let frame = 0; frame < 8; frame++) {
    field.step(frame);
    if (frame % 2 === 1) {
      const s = field.stats();
      console.log("frame " + frame + " mass=" + fmt(s.mass) + " energy=" + fmt(s.energy) + " peak=" + fmt(s.peak) + " centroid=" + fmt(s.centroid));
    }
  }
  const s = field.stats();
  console.log("final exact mass=" + s.mass + " energy=" + s.energy);
  let h = 0;
  for (let i = 0; i < field.dens.length; i++) h = (Math.imul(h, 31) + Math.floor(field.dens[i] * 1e6)) | 0;
  console.log("density hash=" + h);
}
