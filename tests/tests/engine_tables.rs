//! The tables aotjs reads from the engine's memory image agree with the tables extracted
//! independently into `shared/data/engines/` (present beside the repository in CI).

use aotjs_tests::{run_aotjs, text, workspace_root};

#[test]
fn engine_tables_match_shared_data() {
    let data = workspace_root().join("../shared/data/engines");
    let out = run_aotjs(["engine", "tables", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let jsops = v["jsops"].as_array().unwrap();
    assert_eq!(jsops.len(), 236);
    assert_eq!(v["cache_kinds"].as_array().unwrap().len(), 27);
    assert_eq!(v["cacheops"].as_array().unwrap().len(), 404);
    assert_eq!(jsops[165]["name"], "RetRval", "RetRval is opcode 165 in this build");

    if !data.exists() {
        eprintln!("shared/data/engines not beside the repository; checked built-in facts only");
        return;
    }
    let spec = std::fs::read_to_string(data.join("fastly-weval.wasm.codespec.tsv")).unwrap();
    let mut rows = 0;
    for line in spec.lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let i: usize = f[0].parse().unwrap();
        let op = &jsops[i];
        assert_eq!(op["name"], f[1], "op {i} name");
        assert_eq!(op["length"].as_i64().unwrap(), f[2].parse::<i64>().unwrap(), "op {i} length");
        assert_eq!(op["nuses"].as_i64().unwrap(), f[3].parse::<i64>().unwrap(), "op {i} nuses");
        assert_eq!(op["ndefs"].as_i64().unwrap(), f[4].parse::<i64>().unwrap(), "op {i} ndefs");
        assert_eq!(op["format"].as_i64().unwrap(), f[5].parse::<i64>().unwrap(), "op {i} format");
        rows += 1;
    }
    assert_eq!(rows, 236);
    let kinds = std::fs::read_to_string(data.join("fastly-weval.wasm.cachekinds.txt")).unwrap();
    let kinds: Vec<&str> = kinds.lines().filter(|l| !l.is_empty()).collect();
    let ours: Vec<&str> = v["cache_kinds"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(ours, kinds);
}
