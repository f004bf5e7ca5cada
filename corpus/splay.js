// cpu-bound
// Top-down splay tree (iterative, no recursion): many inserts, lookups and
// removals driven by a seeded LCG; checks the tree by an in-order walk.

class Node {
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this.left = null;
    this.right = null;
  }
}

class SplayTree {
  constructor() {
    this.root = null;
    this.size = 0;
    this.rotations = 0;
  }

  splay(key) {
    if (this.root === null) return;
    const header = new Node(0, null);
    let left = header, right = header;
    let t = this.root;
    while (true) {
      if (key < t.key) {
        if (t.left === null) break;
        if (key < t.left.key) {
          const y = t.left;
          t.left = y.right;
          y.right = t;
          t = y;
          this.rotations++;
          if (t.left === null) break;
        }
        right.left = t;
        right = t;
        t = t.left;
      } else if (key > t.key) {
        if (t.right === null) break;
        if (key > t.right.key) {
          const y = t.right;
          t.right = y.left;
          y.left = t;
          t = y;
          this.rotations++;
          if (t.right === null) break;
        }
        left.right = t;
        left = t;
        t = t.right;
      } else {
        break;
      }
    }
    left.right = t.left;
    right.left = t.right;
    t.left = header.right;
    t.right = header.left;
    this.root = t;
  }

  insert(key, value) {
    if (this.root === null) {
      this.root = new Node(key, value);
      this.size++;
      return true;
    }
    this.splay(key);
    if (this.root.key === key) {
      this.root.value = value;
      return false;
    }
    const node = new Node(key, value);
    if (key > this.root.key) {
      node.left = this.root;
      node.right = this.root.right;
      this.root.right = null;
    } else {
      node.right = this.root;
      node.left = this.root.left;
      this.root.left = null;
    }
    this.root = node;
    this.size++;
    return true;
  }

  find(key) {
    if (this.root === null) return null;
    this.splay(key);
    return this.root.key === key ? this.root : null;
  }

  remove(key) {
    if (this.root === null) return null;
    this.splay(key);
    if (this.root.key !== key) return null;
    const removed = this.root;
    if (this.root.left === null) {
      this.root = this.root.right;
    } else {
      const right = this.root.right;
      this.root = this.root.left;
      this.splay(key);
      this.root.right = right;
    }
    this.size--;
    return removed;
  }

  findMax(start) {
    let n = start || this.root;
    if (n === null) return null;
    while (n.right !== null) n = n.right;
    return n;
  }

  findGreatestLessThan(key) {
    if (this.root === null) return null;
    this.splay(key);
    if (this.root.key < key) return this.root;
    if (this.root.left !== null) return this.findMax(this.root.left);
    return null;
  }

  // Iterative in-order traversal with an explicit stack.
  walk(visit) {
    const stack = [];
    let n = this.root;
    let count = 0;
    while (n !== null || stack.length > 0) {
      while (n !== null) {
        stack.push(n);
        n = n.left;
      }
      n = stack.pop();
      visit(n);
      count++;
      n = n.right;
    }
    return count;
  }

  height() {
    if (this.root === null) return 0;
    let best = 0;
    const stack = [this.root, 1];
    while (stack.length > 0) {
      const d = stack.pop();
      const n = stack.pop();
      if (d > best) best = d;
      if (n.left !== null) stack.push(n.left, d + 1);
      if (n.right !== null) stack.push(n.right, d + 1);
    }
    return best;
  }
}

class Lcg {
  constructor(seed) { this.s = seed | 0; }
  next() {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) | 0;
    return this.s >>> 1;
  }
  below(n) { return this.next() % n; }
}

function payload(key) {
  return { id: key & 0xffff, tag: key % 7 };
}

function verify(tree) {
  let prev = -1;
  let ordered = true;
  let sum = 0;
  const n = tree.walk(node => {
    if (node.key <= prev) ordered = false;
    prev = node.key;
    sum = (sum + node.key * 3 + node.value.tag) % 1000000007;
  });
  return { n, ordered, sum };
}

function main() {
  const rng = new Lcg(20240611);
  const tree = new SplayTree();
  const keys = [];
  const KEYSPACE = 1 << 24;
  for (let i = 0; i < 4000; i++) {
    const k = rng.below(KEYSPACE);
    if (tree.insert(k, payload(k))) keys.push(k);
  }
  let v = verify(tree);
  console.log("initial size=" + tree.size + " walked=" + v.n + " ordered=" + v.ordered + " sum=" + v.sum + " height=" + tree.height());

  let found = 0, missing = 0, removed = 0, inserted = 0, tagSum = 0;
  for (let round = 0; round < 12000; round++) {
    const op = rng.below(10);
    if (op < 4) {
      const k = keys.length > 0 && rng.below(4) !== 0 ? keys[rng.below(keys.length)] : rng.below(KEYSPACE);
      const node = tree.find(k);
      if (node !== null) { found++; tagSum += node.value.tag; } else missing++;
    } else if (op < 7) {
      const k = rng.below(KEYSPACE);
      if (tree.insert(k, payload(k))) { inserted++; keys.push(k); }
    } else {
      if (keys.length === 0) continue;
      const idx = rng.below(keys.length);
      const k = keys[idx];
      keys[idx] = keys[keys.length - 1];
      keys.pop();
      if (tree.remove(k) !== null) removed++;
    }
  }
  v = verify(tree);
  console.log("ops found=" + found + " missing=" + missing + " inserted=" + inserted + " removed=" + removed + " tagSum=" + tagSum);
  console.log("after ops size=" + tree.size + " keys=" + keys.length + " walked=" + v.n + " ordered=" + v.ordered + " sum=" + v.sum);

  // Sequential keys: splaying turns the worst case into amortized log time.
  const seq = new SplayTree();
  for (let i = 0; i < 3000; i++) seq.insert(i, payload(i));
  const h1 = seq.height();
  for (let i = 0; i < 3000; i += 3) seq.find(i);
  const h2 = seq.height();
  let lessThan = 0;
  for (let i = 0; i < 500; i++) {
    const n = seq.findGreatestLessThan(i * 7 + 0.5);
    if (n !== null) lessThan += n.key;
  }
  for (let i = 0; i < 3000; i += 2) seq.remove(i);
  const sv = verify(seq);
  console.log("sequential h1=" + h1 + " h2=" + h2 + " lessThanSum=" + lessThan + " size=" + seq.size + " ordered=" + sv.ordered + " sum=" + sv.sum + " max=" + seq.findMax().key);
  console.log("rotations random=" + tree.rotations + " sequential=" + seq.rotations);
}
