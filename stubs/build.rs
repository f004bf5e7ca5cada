//! Exposes a hash of this crate's source and of runtime-abi's (the engine facts and layouts the
//! generated code embeds) as `STUBS_SOURCE_HASH`, so that cached stub code is keyed by the
//! exact code generator and facts that produced it.

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = [root.join("src"), root.join("../runtime-abi/src")]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())))
        .collect();
    files.sort();
    // FNV-1a over names and contents: enough to tell two versions of the generator apart.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let bytes = std::fs::read(f).unwrap();
        for b in f.file_name().unwrap().to_string_lossy().bytes().chain(bytes) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=STUBS_SOURCE_HASH={h:016x}");
}
