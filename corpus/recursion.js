// Recursion: fib, small ackermann, mutual recursion, tree recursion, backtracking.
// Maximum call depth stays well below 100 frames.

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }

function hanoi(n, from, to, via, moves) {
  if (n === 0) return;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + to);
  hanoi(n - 1, via, to, from, moves);
}

function makeTree(depth, seed) {
  if (depth === 0) return null;
  return {
    value: seed % 97,
    left: makeTree(depth - 1, seed * 3 + 1),
    right: makeTree(depth - 1, seed * 5 + 2),
  };
}

function treeSum(t) { return t === null ? 0 : t.value + treeSum(t.left) + treeSum(t.right); }
function treeHeight(t) { return t === null ? 0 : 1 + Math.max(treeHeight(t.left), treeHeight(t.right)); }
function treeMax(t) { return t === null ? -1 : Math.max(t.value, treeMax(t.left), treeMax(t.right)); }

function permutations(items) {
  if (items.length <= 1) return [items.slice()];
  const out = [];
  for (let i = 0; i < items.length; i++) {
    const rest = items.slice(0, i).concat(items.slice(i + 1));
    for (const p of permutations(rest)) out.push([items[i]].concat(p));
  }
  return out;
}

function queens(n) {
  const cols = new Array(n).fill(false);
  const d1 = new Array(2 * n).fill(false);
  const d2 = new Array(2 * n).fill(false);
  let count = 0;
  let first = null;
  const placed = [];
  function place(row) {
    if (row === n) {
      count++;
      if (first === null) first = placed.join("");
      return;
    }
    for (let c = 0; c < n; c++) {
      if (cols[c] || d1[row + c] || d2[row - c + n]) continue;
      cols[c] = d1[row + c] = d2[row - c + n] = true;
      placed.push(c);
      place(row + 1);
      placed.pop();
      cols[c] = d1[row + c] = d2[row - c + n] = false;
    }
  }
  place(0);
  return count + " first=" + first;
}

function flattenDeep(x, out) {
  if (Array.isArray(x)) {
    for (const e of x) flattenDeep(e, out);
  } else {
    out.push(x);
  }
  return out;
}

function power(base, exp) {
  if (exp === 0) return 1;
  const half = power(base, exp >> 1);
  return (exp & 1) ? half * half * base : half * half;
}

function sumDigits(n) { return n < 10 ? n : (n % 10) + sumDigits(Math.floor(n / 10)); }

function countPartitions(n, max) {
  if (n === 0) return 1;
  if (n < 0 || max === 0) return 0;
  return countPartitions(n - max, max) + countPartitions(n, max - 1);
}

function main() {
  const fibs = [];
  for (let i = 0; i <= 16; i += 4) fibs.push(fib(i));
  console.log("fib " + fibs.join(",") + " fib(18)=" + fib(18));
  console.log("ack(1,5)=" + ack(1, 5) + " ack(2,3)=" + ack(2, 3) + " ack(3,3)=" + ack(3, 3));
  console.log("even/odd " + isEven(60) + " " + isOdd(61) + " " + isEven(77));
  const moves = [];
  hanoi(8, "A", "C", "B", moves);
  console.log("hanoi moves=" + moves.length + " first=" + moves.slice(0, 5).join(",") + " last=" + moves[moves.length - 1]);
  const t = makeTree(10, 7);
  console.log("tree sum=" + treeSum(t) + " height=" + treeHeight(t) + " max=" + treeMax(t));
  const perms = permutations(["a", "b", "c", "d"]);
  console.log("perms count=" + perms.length + " 10th=" + perms[9].join("") + " last=" + perms[perms.length - 1].join(""));
  console.log("queens(6)=" + queens(6) + " queens(7)=" + queens(7));
  console.log("flatten " + flattenDeep([1, [2, [3, [4, [5, [6]]]]], [[7], 8]], []).join(","));
  console.log("power " + power(3, 13) + " " + power(2, 40) + " sumDigits " + sumDigits(987654321));
  console.log("partitions(20)=" + countPartitions(20, 20) + " partitions(15,4)=" + countPartitions(15, 4));
  const factorial = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
  console.log("named fn expr 15!=" + factorial(15) + " 20!=" + factorial(20));
}
