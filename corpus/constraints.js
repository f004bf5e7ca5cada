// cpu-bound
// Incremental constraint solver in the DeltaBlue style: a constraint hierarchy
// (required ... weakest strengths), variables with walkabout strengths, unary
// stay/edit constraints and binary equality/scale constraints, incremental
// add/remove with propagation, and plan extraction + execution.

const REQUIRED = 0;
const STRONG_PREFERRED = 1;
const PREFERRED = 2;
const STRONG_DEFAULT = 3;
const NORMAL = 4;
const WEAK_DEFAULT = 5;
const WEAKEST = 6;
const STRENGTH_NAMES = ["required", "strongPreferred", "preferred", "strongDefault", "normal", "weakDefault", "weakest"];

function stronger(a, b) { return a < b; }
function weaker(a, b) { return a > b; }
function weakestOf(a, b) { return a > b ? a : b; }

const NONE = 0;
const FORWARD = 1;
const BACKWARD = 2;

class Variable {
  constructor(name, value) {
    this.name = name;
    this.value = value;
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = WEAKEST;
    this.stay = true;
  }
  addConstraint(c) { this.constraints.push(c); }
  removeConstraint(c) {
    const i = this.constraints.indexOf(c);
    if (i >= 0) this.constraints.splice(i, 1);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Constraint {
  constructor(planner, strength) {
    this.planner = planner;
    this.strength = strength;
  }
  activate() {
    this.addToGraph();
    this.planner.incrementalAdd(this);
    return this;
  }
  destroy() {
    if (this.isSatisfied()) this.planner.incrementalRemove(this);
    else this.removeFromGraph();
  }
  isInput() { return false; }
}

class UnaryConstraint extends Constraint {
  constructor(planner, v, strength) {
    super(planner, strength);
    this.v = v;
    this.satisfied = false;
  }
  addToGraph() { this.v.addConstraint(this); this.satisfied = false; }
  removeFromGraph() { this.v.removeConstraint(this); this.satisfied = false; }
  chooseMethod(mark) {
    this.satisfied = this.v.mark !== mark && stronger(this.strength, this.v.walkStrength);
  }
  isSatisfied() { return this.satisfied; }
  markInputs(mark) {}
  output() { return this.v; }
  recalculate() {
    this.v.walkStrength = this.strength;
    this.v.stay = !this.isInput();
    if (this.v.stay) this.execute();
  }
  markUnsatisfied() { this.satisfied = false; }
  inputsKnown(mark) { return true; }
  execute() {}
}

class StayConstraint extends UnaryConstraint {}

class EditConstraint extends UnaryConstraint {
  isInput() { return true; }
}

class BinaryConstraint extends Constraint {
  constructor(planner, a, b, strength) {
    super(planner, strength);
    this.v1 = a;
    this.v2 = b;
    this.direction = NONE;
  }
  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = NONE;
  }
  removeFromGraph() {
    this.v1.removeConstraint(this);
    this.v2.removeConstraint(this);
    this.direction = NONE;
  }
  chooseMethod(mark) {
    const v1 = this.v1, v2 = this.v2;
    if (v1.mark === mark) {
      this.direction = v2.mark !== mark && stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
      return;
    }
    if (v2.mark === mark) {
      this.direction = v1.mark !== mark && stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
      return;
    }
    if (weaker(v1.walkStrength, v2.walkStrength)) {
      this.direction = stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
    } else {
      this.direction = stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
    }
  }
  isSatisfied() { return this.direction !== NONE; }
  input() { return this.direction === FORWARD ? this.v1 : this.v2; }
  output() { return this.direction === FORWARD ? this.v2 : this.v1; }
  markInputs(mark) { this.input().mark = mark; }
  markUnsatisfied() { this.direction = NONE; }
  inputsKnown(mark) {
    const i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }
  recalculate() {
    const ihn = this.input(), out = this.output();
    out.walkStrength = weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) this.execute();
  }
}

class EqualityConstraint extends BinaryConstraint {
  execute() { this.output().value = this.input().value; }
}

// v2 = v1 * scale + offset
class ScaleConstraint extends BinaryConstraint {
  constructor(planner, src, scale, offset, dest, strength) {
    super(planner, src, dest, strength);
    this.scale = scale;
    this.offset = offset;
  }
  addToGraph() {
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }
  removeFromGraph() {
    super.removeFromGraph();
    this.scale.removeConstraint(this);
    this.offset.removeConstraint(this);
  }
  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = mark;
    this.offset.mark = mark;
  }
  execute() {
    if (this.direction === FORWARD) this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    else this.v1.value = (this.v2.value - this.offset.value) / this.scale.value;
  }
  recalculate() {
    const ihn = this.input(), out = this.output();
    out.walkStrength = weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class Plan {
  constructor() { this.steps = []; }
  push(c) { this.steps.push(c); }
  execute() {
    const s = this.steps;
    for (let i = 0; i < s.length; i++) s[i].execute();
  }
}

class Planner {
  constructor() {
    this.currentMark = 0;
    this.adds = 0;
    this.removes = 0;
  }
  newMark() { return ++this.currentMark; }

  incrementalAdd(c) {
    this.adds++;
    const mark = this.newMark();
    let overridden = this.satisfy(c, mark);
    while (overridden !== null) overridden = this.satisfy(overridden, mark);
  }

  satisfy(c, mark) {
    c.chooseMethod(mark);
    if (!c.isSatisfied()) {
      if (c.strength === REQUIRED) throw new Error("could not satisfy a required constraint");
      return null;
    }
    c.markInputs(mark);
    const out = c.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = c;
    if (!this.addPropagate(c, mark)) throw new Error("cycle encountered");
    out.mark = mark;
    return overridden;
  }

  incrementalRemove(c) {
    this.removes++;
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    for (let s = REQUIRED; s < WEAKEST; s++) {
      for (let i = 0; i < unsatisfied.length; i++) {
        const u = unsatisfied[i];
        if (u.strength === s) this.incrementalAdd(u);
      }
    }
  }

  addPropagate(c, mark) {
    const todo = [c];
    while (todo.length > 0) {
      const d = todo.pop();
      if (d.output().mark === mark) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  removePropagateFrom(out) {
    const unsatisfied = [];
    out.determinedBy = null;
    out.walkStrength = WEAKEST;
    out.stay = true;
    const todo = [out];
    while (todo.length > 0) {
      const v = todo.pop();
      const cs = v.constraints;
      for (let i = 0; i < cs.length; i++) {
        if (!cs[i].isSatisfied()) unsatisfied.push(cs[i]);
      }
      const determining = v.determinedBy;
      for (let i = 0; i < cs.length; i++) {
        const next = cs[i];
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.push(next.output());
        }
      }
    }
    return unsatisfied;
  }

  addConstraintsConsumingTo(v, coll) {
    const determining = v.determinedBy;
    const cs = v.constraints;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c !== determining && c.isSatisfied()) coll.push(c);
    }
  }

  makePlan(sources) {
    const mark = this.newMark();
    const plan = new Plan();
    const todo = sources.slice();
    while (todo.length > 0) {
      const c = todo.pop();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.push(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }

  extractPlan(constraints) {
    const sources = [];
    for (const c of constraints) {
      if (c.isInput() && c.isSatisfied()) sources.push(c);
    }
    return this.makePlan(sources);
  }
}

function chainTest(n) {
  const planner = new Planner();
  const vars = [];
  for (let i = 0; i <= n; i++) vars.push(new Variable("v" + i, 0));
  for (let i = 0; i < n; i++) new EqualityConstraint(planner, vars[i], vars[i + 1], REQUIRED).activate();
  const first = vars[0], last = vars[n];
  new StayConstraint(planner, last, STRONG_DEFAULT).activate();
  const edit = new EditConstraint(planner, first, PREFERRED).activate();
  const plan = planner.extractPlan([edit]);
  let errors = 0;
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    if (last.value !== i) errors++;
    sum += vars[n >> 1].value;
  }
  edit.destroy();
  return { errors, sum, planLen: plan.steps.length, marks: planner.currentMark, lastStrength: STRENGTH_NAMES[last.walkStrength] };
}

function change(planner, v, newValue) {
  const edit = new EditConstraint(planner, v, PREFERRED).activate();
  const plan = planner.extractPlan([edit]);
  for (let i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroy();
  return plan.steps.length;
}

function projectionTest(n) {
  const planner = new Planner();
  const scale = new Variable("scale", 10);
  const offset = new Variable("offset", 1000);
  let src = null, dst = null;
  const dests = [];
  for (let i = 0; i < n; i++) {
    src = new Variable("src" + i, i);
    dst = new Variable("dst" + i, i);
    dests.push(dst);
    new StayConstraint(planner, src, NORMAL).activate();
    new ScaleConstraint(planner, src, scale, offset, dst, REQUIRED).activate();
  }
  let errors = 0;
  let planSteps = 0;
  planSteps += change(planner, src, 17);
  if (dst.value !== 1170) errors++;
  planSteps += change(planner, dst, 1050);
  if (src.value !== 5) errors++;
  planSteps += change(planner, scale, 5);
  for (let i = 0; i < n - 1; i++) if (dests[i].value !== i * 5 + 1000) errors++;
  planSteps += change(planner, offset, 2000);
  let check = 0;
  for (let i = 0; i < n - 1; i++) {
    if (dests[i].value !== i * 5 + 2000) errors++;
    check = (check * 31 + dests[i].value) | 0;
  }
  return { errors, planSteps, check, adds: planner.adds, removes: planner.removes };
}

// A small unit-conversion network: celsius <-> fahrenheit <-> kelvin with
// competing preferences; edits flow in whichever direction the hierarchy allows.
function conversionTest(rounds) {
  const planner = new Planner();
  const c = new Variable("c", 0), f = new Variable("f", 0), k = new Variable("k", 0);
  const nine5 = new Variable("9/5", 1.8), thirty2 = new Variable("32", 32);
  const one = new Variable("1", 1), kOff = new Variable("273.15", 273.15);
  for (const constant of [nine5, thirty2, one, kOff]) new StayConstraint(planner, constant, REQUIRED).activate();
  new ScaleConstraint(planner, c, nine5, thirty2, f, REQUIRED).activate();
  new ScaleConstraint(planner, c, one, kOff, k, REQUIRED).activate();
  const stayC = new StayConstraint(planner, c, WEAK_DEFAULT).activate();
  let acc = 0;
  for (let r = 0; r < rounds; r++) {
    const target = [c, f, k][r % 3];
    change(planner, target, (r * 7) % 120 - 20);
    acc += Math.round(c.value * 100) + Math.round(f.value * 100) + Math.round(k.value * 100);
  }
  stayC.destroy();
  return { acc, c: c.value, f: f.value, k: k.value };
}

function main() {
  let chainSummary = null;
  let projSummary = null;
  let chainSum = 0, projCheck = 0, errors = 0;
  for (let i = 0; i < 10; i++) {
    const ch = chainTest(80 + i * 12);
    const pr = projectionTest(80 + i * 12);
    chainSum += ch.sum + ch.planLen + ch.marks;
    projCheck = (projCheck * 7 + pr.check + pr.planSteps) | 0;
    errors += ch.errors + pr.errors;
    if (i === 0) { chainSummary = ch; projSummary = pr; }
  }
  console.log("chain(80): " + JSON.stringify(chainSummary));
  console.log("projection(80): " + JSON.stringify(projSummary));
  console.log("chainSum=" + chainSum + " projCheck=" + projCheck + " errors=" + errors);
  const conv = conversionTest(60);
  console.log("conversion acc=" + conv.acc + " final c=" + conv.c + " f=" + conv.f + " k=" + conv.k);
  try {
    const p = new Planner();
    const a = new Variable("a", 1), b = new Variable("b", 2);
    new StayConstraint(p, a, REQUIRED).activate();
    new StayConstraint(p, b, REQUIRED).activate();
    new EqualityConstraint(p, a, b, REQUIRED).activate();
    console.log("conflict not detected");
  } catch (e) {
    console.log("conflict: " + e.message);
  }
}
