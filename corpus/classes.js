// Classes: inheritance, super calls, static methods, prototype property access.

class Shape {
  constructor(name) {
    this.name = name;
    Shape.created++;
  }
  area() { return 0; }
  perimeter() { return 0; }
  describe() {
    return this.name + "(area=" + this.area() + ", perim=" + this.perimeter() + ")";
  }
  toString() { return "[" + this.kind + " " + this.name + "]"; }
  get kind() { return "shape"; }
  static compareByArea(a, b) { return a.area() - b.area(); }
  static create(type, ...args) {
    switch (type) {
      case "rect": return new Rect(...args);
      case "square": return new Square(...args);
      case "circle": return new Circle(...args);
      default: return new Shape(type);
    }
  }
}
Shape.created = 0;

class Rect extends Shape {
  constructor(name, w, h) {
    super(name);
    this.w = w;
    this.h = h;
  }
  area() { return this.w * this.h; }
  perimeter() { return 2 * (this.w + this.h); }
  get kind() { return "rect"; }
  scale(k) {
    this.w *= k;
    this.h *= k;
    return this;
  }
}

class Square extends Rect {
  constructor(name, side) {
    super(name, side, side);
  }
  describe() { return "Square:" + super.describe(); }
  get kind() { return "square/" + super.kind; }
  static unit() { return new this("unit", 1); }
}

class Circle extends Shape {
  constructor(name, r) {
    super(name);
    this.r = r;
  }
  area() { return 3 * this.r * this.r; }
  perimeter() { return 6 * this.r; }
}

// Old-style constructor function with prototype properties.
function Animal(name) {
  this.name = name;
}
Animal.prototype.legs = 4;
Animal.prototype.speak = function () { return this.name + " makes a sound"; };
Animal.prototype.describe = function () { return this.name + " has " + this.legs + " legs"; };

function Bird(name) {
  Animal.call(this, name);
}
Bird.prototype = Object.create(Animal.prototype);
Bird.prototype.constructor = Bird;
Bird.prototype.legs = 2;
Bird.prototype.speak = function () { return Animal.prototype.speak.call(this) + ": tweet"; };

class Dog extends Animal {
  speak() { return super.speak() + ": woof"; }
}

class Counter {
  constructor() { this.n = 0; }
  inc() { this.n++; return this; }
  static get description() { return "Counter class"; }
}

class Base {
  constructor() { this.tag = new.target.name; }
  who() { return "Base.who tag=" + this.tag; }
}
class Derived extends Base {
  who() { return "Derived>" + super.who(); }
}
class MoreDerived extends Derived {
  constructor() {
    super();
    this.extra = true;
  }
  who() { return "MoreDerived>" + super.who(); }
}

class Money {
  constructor(cents) { this.cents = cents; }
  valueOf() { return this.cents; }
  toString() { return "$" + (this.cents / 100).toFixed(2); }
}

function main() {
  const shapes = [
    Shape.create("rect", "r1", 3, 4),
    Shape.create("square", "s1", 5),
    Shape.create("circle", "c1", 2),
    Shape.create("blob"),
    Square.unit(),
  ];
  shapes.sort(Shape.compareByArea);
  for (const s of shapes) console.log(s.describe() + " " + String(s));
  console.log("created=" + Shape.created);
  const sq = shapes.find(s => s instanceof Square && s.name === "s1");
  sq.scale(2);
  console.log("scaled " + sq.describe());
  console.log("instanceof: " + (sq instanceof Square) + " " + (sq instanceof Rect) + " " + (sq instanceof Shape) + " " + (sq instanceof Circle));
  console.log("proto chain: " + (Object.getPrototypeOf(Square.prototype) === Rect.prototype) + " " + (Object.getPrototypeOf(Square) === Rect) + " " + (typeof Square));
  console.log("hasOwn area: " + sq.hasOwnProperty("area") + " " + Rect.prototype.hasOwnProperty("area") + " " + Square.prototype.hasOwnProperty("area"));

  const a = new Animal("cat");
  const b = new Bird("robin");
  const d = new Dog("rex");
  console.log(a.describe() + "; " + b.describe() + "; " + d.describe());
  console.log(a.speak() + " | " + b.speak() + " | " + d.speak());
  b.legs = 1;
  console.log("own legs: " + b.legs + " proto legs: " + Bird.prototype.legs + " after delete: " + (delete b.legs, b.legs));
  Animal.prototype.legs = 6;
  console.log("changed proto: " + a.legs + " " + d.legs + " " + new Bird("x").legs);
  console.log("constructors: " + (b.constructor === Bird) + " " + (d.constructor === Dog) + " " + d.constructor.name);

  const c = new Counter();
  c.inc().inc().inc();
  console.log("counter=" + c.n + " " + Counter.description);

  const m = new MoreDerived();
  console.log(m.who() + " extra=" + m.extra);
  console.log(new Derived().who());

  const p1 = new Money(1250);
  const p2 = new Money(399);
  console.log("money: " + (p1 + p2) + " " + String(p1) + " " + `${p2}` + " " + (p1 > p2));

  let methodNames = Object.getOwnPropertyNames(Rect.prototype).sort().join(",");
  console.log("Rect.prototype: " + methodNames);
  const dyn = "area";
  console.log("dynamic call: " + shapes[shapes.length - 1][dyn]() + " " + Rect.prototype[dyn].call({ w: 7, h: 6 }));
}
