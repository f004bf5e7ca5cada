//! Generates one differential test per corpus program, so a failure names its program.

use std::fmt::Write as _;

fn main() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .expect("corpus directory")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "js").then(|| p.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    names.sort();
    let mut out = String::new();
    for n in names {
        let ident: String = n.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        writeln!(out, "#[test]\nfn corpus_{ident}() {{\n    check_program({n:?});\n}}\n").unwrap();
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("corpus_tests.rs");
    std::fs::write(dest, out).unwrap();
}
