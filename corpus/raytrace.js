// cpu-bound
// A small recursive ray tracer: vector class, spheres and a checkered plane,
// point lights with hard shadows, Phong shading (integer specular exponent),
// reflections. Renders a 48x48 and a 24x24 frame into checksums plus an ASCII preview.
// Uses only + - * / sqrt floor, so results are bit-exact across engines.

class Vec {
  constructor(x, y, z) { this.x = x; this.y = y; this.z = z; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y, this.z + o.z); }
  sub(o) { return new Vec(this.x - o.x, this.y - o.y, this.z - o.z); }
  scale(k) { return new Vec(this.x * k, this.y * k, this.z * k); }
  mul(o) { return new Vec(this.x * o.x, this.y * o.y, this.z * o.z); }
  dot(o) { return this.x * o.x + this.y * o.y + this.z * o.z; }
  cross(o) {
    return new Vec(this.y * o.z - this.z * o.y, this.z * o.x - this.x * o.z, this.x * o.y - this.y * o.x);
  }
  length() { return Math.sqrt(this.dot(this)); }
  normalize() { return this.scale(1 / this.length()); }
}

const BLACK = new Vec(0, 0, 0);

class Ray {
  constructor(origin, dir) { this.origin = origin; this.dir = dir; }
  at(t) { return this.origin.add(this.dir.scale(t)); }
}

class Material {
  constructor(color, diffuse, specular, shininess, reflect) {
    this.color = color;
    this.diffuse = diffuse;
    this.specular = specular;
    this.shininess = shininess;
    this.reflect = reflect;
  }
  colorAt(p) { return this.color; }
}

class Checker extends Material {
  constructor(a, b, size, diffuse, reflect) {
    super(a, diffuse, 0.2, 8, reflect);
    this.other = b;
    this.size = size;
  }
  colorAt(p) {
    const ix = Math.floor(p.x / this.size), iz = Math.floor(p.z / this.size);
    return ((ix + iz) & 1) === 0 ? this.color : this.other;
  }
}

const EPS = 1e-6;

class Sphere {
  constructor(center, radius, material) {
    this.center = center;
    this.radius = radius;
    this.r2 = radius * radius;
    this.material = material;
  }
  intersect(ray) {
    const oc = ray.origin.sub(this.center);
    const b = oc.dot(ray.dir);
    const c = oc.dot(oc) - this.r2;
    const disc = b * b - c;
    if (disc < 0) return Infinity;
    const sq = Math.sqrt(disc);
    let t = -b - sq;
    if (t > EPS) return t;
    t = -b + sq;
    return t > EPS ? t : Infinity;
  }
  normalAt(p) { return p.sub(this.center).scale(1 / this.radius); }
}

class Plane {
  constructor(normal, d, material) {
    this.normal = normal.normalize();
    this.d = d;
    this.material = material;
  }
  intersect(ray) {
    const denom = this.normal.dot(ray.dir);
    if (denom > -EPS && denom < EPS) return Infinity;
    const t = -(this.normal.dot(ray.origin) + this.d) / denom;
    return t > EPS ? t : Infinity;
  }
  normalAt(p) { return this.normal; }
}

class Light {
  constructor(pos, color) { this.pos = pos; this.color = color; }
}

class Scene {
  constructor(objects, lights, ambient) {
    this.objects = objects;
    this.lights = lights;
    this.ambient = ambient;
    this.rays = 0;
    this.shadowRays = 0;
  }
  nearest(ray) {
    let best = Infinity, hit = null;
    const objs = this.objects;
    for (let i = 0; i < objs.length; i++) {
      const t = objs[i].intersect(ray);
      if (t < best) { best = t; hit = objs[i]; }
    }
    return hit === null ? null : { t: best, obj: hit };
  }
  occluded(ray, maxT) {
    this.shadowRays++;
    const objs = this.objects;
    for (let i = 0; i < objs.length; i++) {
      if (objs[i].intersect(ray) < maxT) return true;
    }
    return false;
  }
  trace(ray, depth) {
    this.rays++;
    const h = this.nearest(ray);
    if (h === null) {
      const sky = 0.5 * (ray.dir.y + 1);
      return new Vec(0.2 + 0.3 * sky, 0.3 + 0.4 * sky, 0.6 + 0.4 * sky);
    }
    const p = ray.at(h.t);
    const n = h.obj.normalAt(p);
    const m = h.obj.material;
    const base = m.colorAt(p);
    let color = base.mul(this.ambient);
    for (const light of this.lights) {
      const toLight = light.pos.sub(p);
      const dist = toLight.length();
      const l = toLight.scale(1 / dist);
      const ndotl = n.dot(l);
      if (ndotl <= 0) continue;
      if (this.occluded(new Ray(p, l), dist)) continue;
      color = color.add(base.mul(light.color).scale(m.diffuse * ndotl));
      const refl = n.scale(2 * ndotl).sub(l);
      let spec = -refl.dot(ray.dir);
      if (spec > 0) {
        let s = 1;
        for (let i = 0; i < m.shininess; i++) s *= spec;
        color = color.add(light.color.scale(m.specular * s));
      }
    }
    if (m.reflect > 0 && depth < 3) {
      const rdir = ray.dir.sub(n.scale(2 * n.dot(ray.dir)));
      color = color.add(this.trace(new Ray(p, rdir), depth + 1).scale(m.reflect));
    }
    return color;
  }
}

function buildScene(frame) {
  const shift = frame * 0.25;
  const objects = [
    new Plane(new Vec(0, 1, 0), 1, new Checker(new Vec(0.9, 0.9, 0.9), new Vec(0.15, 0.15, 0.2), 1, 0.8, 0.25)),
    new Sphere(new Vec(-1.2 + shift, 0, 4), 1, new Material(new Vec(0.9, 0.2, 0.2), 0.7, 0.6, 20, 0.3)),
    new Sphere(new Vec(1.1, -0.3, 3.2 - shift), 0.7, new Material(new Vec(0.2, 0.8, 0.3), 0.8, 0.4, 10, 0.1)),
    new Sphere(new Vec(0.3, 1.4, 5.5), 0.9, new Material(new Vec(0.3, 0.4, 0.95), 0.6, 0.9, 40, 0.5)),
    new Sphere(new Vec(-0.4 - shift, -0.75, 2.4), 0.25, new Material(new Vec(1, 0.85, 0.2), 0.9, 0.3, 6, 0)),
  ];
  const lights = [
    new Light(new Vec(-4, 6, -2 + frame), new Vec(0.8, 0.8, 0.75)),
    new Light(new Vec(5, 3, 1), new Vec(0.3, 0.3, 0.45)),
  ];
  return new Scene(objects, lights, new Vec(0.12, 0.12, 0.12));
}

function clamp255(v) {
  const x = Math.floor(v * 255);
  return x < 0 ? 0 : x > 255 ? 255 : x;
}

function render(scene, w, h) {
  const eye = new Vec(0, 0.3, -1.5);
  const forward = new Vec(0, -0.05, 1).normalize();
  const right = new Vec(0, 1, 0).cross(forward).normalize();
  const up = forward.cross(right);
  const pixels = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const u = (2 * (x + 0.5) / w - 1) * 0.75;
      const v = (1 - 2 * (y + 0.5) / h) * 0.75;
      const dir = forward.add(right.scale(u)).add(up.scale(v)).normalize();
      const c = scene.trace(new Ray(eye, dir), 0);
      const o = (y * w + x) * 3;
      pixels[o] = clamp255(c.x);
      pixels[o + 1] = clamp255(c.y);
      pixels[o + 2] = clamp255(c.z);
    }
  }
  return pixels;
}

function checksum(pixels) {
  let h = 0x12345678;
  let sum = 0;
  for (let i = 0; i < pixels.length; i++) {
    h = Math.imul(h ^ pixels[i], 0x01000193);
    sum += pixels[i];
  }
  return (h >>> 0).toString(16) + "/" + sum;
}

function preview(pixels, w, h, cols, rows) {
  const ramp = " .:-=+*#%@";
  const lines = [];
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      let lum = 0;
      const x0 = Math.floor(c * w / cols), y0 = Math.floor(r * h / rows);
      const o = (y0 * w + x0) * 3;
      lum = (pixels[o] * 3 + pixels[o + 1] * 5 + pixels[o + 2] * 2) / 10;
      line += ramp[Math.floor(lum * ramp.length / 256)];
    }
    lines.push("|" + line + "|");
  }
  return lines;
}

function main() {
  const sizes = [48, 24];
  let first = null;
  let totalRays = 0, totalShadow = 0;
  for (let frame = 0; frame < sizes.length; frame++) {
    const scene = buildScene(frame);
    const px = render(scene, sizes[frame], sizes[frame]);
    totalRays += scene.rays;
    totalShadow += scene.shadowRays;
    console.log("frame " + frame + " " + sizes[frame] + "x" + sizes[frame] + " checksum=" + checksum(px) + " rays=" + scene.rays + " shadowRays=" + scene.shadowRays);
    if (first === null) first = px;
  }
  console.log("total rays=" + totalRays + " shadow=" + totalShadow);
  for (const line of preview(first, sizes[0], sizes[0], 32, 16)) console.log(line);
}
