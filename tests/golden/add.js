function add(a, b) { return a + b }
function main() { console.log("sum=" + add(2, 3)); }
