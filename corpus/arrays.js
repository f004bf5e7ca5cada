// Arrays: push/pop/shift/splice/sort/map/filter/reduce, holes, length writes.

function show(a) {
  return "[" + a.join(",") + "]";
}

function lcgArray(n, seed) {
  const out = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    out.push(s % 1000);
  }
  return out;
}

function main() {
  const a = [];
  for (let i = 0; i < 10; i++) a.push(i * i);
  const popped = a.pop();
  const shifted = a.shift();
  a.unshift(-1, -2);
  console.log("basic " + show(a) + " popped=" + popped + " shifted=" + shifted + " len=" + a.length);

  const removed = a.splice(2, 3, "x", "y");
  console.log("splice removed=" + show(removed) + " now=" + show(a));
  a.splice(-2, 1);
  a.splice(1, 0, "ins1", "ins2");
  console.log("splice2 " + show(a));

  const nums = lcgArray(20, 42);
  const sortedAsc = nums.slice().sort((x, y) => x - y);
  const sortedDesc = nums.slice().sort((x, y) => y - x);
  console.log("nums " + show(nums));
  console.log("asc " + show(sortedAsc));
  console.log("desc first5 " + show(sortedDesc.slice(0, 5)));
  const lexi = [10, 9, 1, 100, 25, 3].sort();
  console.log("default sort " + show(lexi));

  const people = [
    { name: "ann", age: 31 }, { name: "bob", age: 25 }, { name: "cy", age: 31 },
    { name: "dee", age: 25 }, { name: "eve", age: 40 }, { name: "fay", age: 31 },
  ];
  people.sort((p, q) => p.age - q.age);
  console.log("stable sort " + people.map(p => p.name + p.age).join(" "));

  const doubled = nums.map((v, i) => v * 2 + i);
  const evens = nums.filter(v => v % 2 === 0);
  const total = nums.reduce((acc, v) => acc + v, 0);
  const maxv = nums.reduce((m, v) => (v > m ? v : m));
  const concatR = ["a", "b", "c"].reduceRight((acc, v) => acc + v, "");
  console.log("map sum=" + doubled.reduce((x, y) => x + y) + " evens=" + evens.length + " total=" + total + " max=" + maxv + " right=" + concatR);
  console.log("find=" + nums.find(v => v > 900) + " findIndex=" + nums.findIndex(v => v > 900) + " some=" + nums.some(v => v === 0) + " every=" + nums.every(v => v < 1000));
  console.log("indexOf=" + nums.indexOf(sortedAsc[3]) + " lastIndexOf=" + [1, 2, 1, 2].lastIndexOf(2) + " includes NaN=" + [NaN].includes(NaN) + " indexOf NaN=" + [NaN].indexOf(NaN));

  const holes = [1, , 3, , 5];
  let visited = 0;
  holes.forEach(() => visited++);
  console.log("holes len=" + holes.length + " visited=" + visited + " 1 in=" + (1 in holes) + " 2 in=" + (2 in holes) + " join=" + holes.join("-") + " json=" + JSON.stringify(holes));
  const sparse = [];
  sparse[5] = "five";
  console.log("sparse len=" + sparse.length + " keys=" + Object.keys(sparse).join(",") + " mapped=" + sparse.map(x => x + "!").join("|"));

  const t = [1, 2, 3, 4, 5, 6, 7];
  t.length = 3;
  console.log("truncated " + show(t) + " t[5]=" + t[5]);
  t.length = 5;
  console.log("extended len=" + t.length + " 4 in t=" + (4 in t) + " " + JSON.stringify(t));
  t[9] = 10;
  console.log("assign past end len=" + t.length);

  const nested = [1, [2, [3, [4, 5]]], 6];
  console.log("flat1=" + JSON.stringify(nested.flat()) + " flatInf=" + JSON.stringify(nested.flat(Infinity)));
  console.log("flatMap=" + JSON.stringify([1, 2, 3].flatMap(x => [x, x * 10])));
  console.log("from=" + show(Array.from({ length: 5 }, (_, i) => i * 3)) + " of=" + show(Array.of(7, 8)) + " fill=" + show(new Array(4).fill(0)));
  console.log("reverse=" + show([1, 2, 3, 4].reverse()) + " concat=" + show([1].concat([2, 3], 4, [[5]])));
  console.log("slice neg=" + show(t.slice(-3, -1)) + " isArray=" + Array.isArray(t) + "," + Array.isArray({ length: 0 }));

  const m = [];
  for (let i = 0; i < 4; i++) {
    m.push([]);
    for (let j = 0; j < 4; j++) m[i].push(i * 4 + j);
  }
  let trace = 0;
  for (let i = 0; i < 4; i++) trace += m[i][i];
  const transposed = m[0].map((_, j) => m.map(row => row[j]));
  console.log("trace=" + trace + " transposed row1=" + show(transposed[1]));

  const stack = [];
  let checksum = 0;
  for (let i = 0; i < 1000; i++) {
    if (i % 3 === 2) checksum = (checksum * 31 + stack.pop()) | 0;
    else stack.push(i);
  }
  console.log("stack len=" + stack.length + " checksum=" + checksum);
  const keys = [...["a", "b", "c"].entries()].map(([i, v]) => i + v).join(" ");
  console.log("entries " + keys + " copyWithin=" + show([1, 2, 3, 4, 5].copyWithin(0, 3)));
}
