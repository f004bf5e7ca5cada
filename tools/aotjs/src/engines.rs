//! Getting the engines: `npm pack` of the pinned package, sha256-checked, cached.

use crate::cache::{sha256_hex, write_atomic, Cache};
use wasmtime::{bail, Result};
use wasmtime::error::Context;
use runtime_abi::{EngineSpec, ENGINES};
use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

/// Path of a verified copy of the engine in the cache, downloading it first if needed.
pub fn ensure(cache: &Cache, spec: &EngineSpec, progress: bool) -> Result<PathBuf> {
    let path = cache.dir("engines")?.join(spec.file_name());
    if path.exists() {
        let bytes = std::fs::read(&path)?;
        if sha256_hex(&bytes) == spec.file_sha256 {
            return Ok(path);
        }
        // A corrupted cache entry is replaced, not trusted.
        let _ = std::fs::remove_file(&path);
    }
    fetch_package(cache, spec, progress)?;
    Ok(path)
}

/// Reads the engine's bytes, fetching it if needed.
pub fn load(cache: &Cache, spec: &EngineSpec, progress: bool) -> Result<Vec<u8>> {
    let path = ensure(cache, spec, progress)?;
    Ok(std::fs::read(path)?)
}

/// Downloads the npm package that ships `spec` and caches every known engine it contains.
pub fn fetch_package(cache: &Cache, spec: &EngineSpec, progress: bool) -> Result<()> {
    let pkg = format!("{}@{}", spec.npm_package, spec.npm_version);
    if progress {
        eprintln!("aotjs: downloading {pkg} with npm pack (once; cached in {})", cache.root().display());
    }
    let tmp = cache.temp_dir("npm")?;
    let out = Command::new("npm")
        .args(["pack", &pkg, "--silent", "--pack-destination"])
        .arg(tmp.path())
        .current_dir(tmp.path())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => wasmtime::format_err!("npm is not installed, and it is needed to download the engine {pkg}"),
            _ => wasmtime::format_err!("cannot run npm to download {pkg}: {e}"),
        })?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err.lines().find(|l| l.contains("ERR") || l.contains("error")).unwrap_or(err.lines().next().unwrap_or(""));
        bail!("npm pack {pkg} failed (is the npm registry reachable?): {}", line.trim());
    }
    let tarball = std::fs::read_dir(tmp.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "tgz"))
        .with_context(|| format!("npm pack {pkg} produced no tarball"))?;
    let bytes = std::fs::read(&tarball)?;
    let digest = sha256_hex(&bytes);
    if digest != spec.tarball_sha256 {
        bail!("downloaded {pkg} has sha256 {digest}, expected {}; refusing to use it", spec.tarball_sha256);
    }
    let wanted: Vec<&EngineSpec> = ENGINES
        .iter()
        .filter(|e| e.npm_package == spec.npm_package && e.npm_version == spec.npm_version)
        .collect();
    // (path in the tarball, expected sha256, file name in the cache)
    let mut files: Vec<(&str, &str, String)> = Vec::new();
    for e in &wanted {
        files.push((e.path_in_tarball, e.file_sha256, e.file_name()));
        if let Some((path, sha)) = e.weval_ic_cache {
            files.push((path, sha, e.weval_ic_cache_file_name()));
        }
    }
    let mut found = 0;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(&bytes[..]));
    for entry in archive.entries().context("reading the package tarball")? {
        let mut entry = entry?;
        let path = entry.path()?.to_string_lossy().to_string();
        let Some((_, sha, name)) = files.iter().find(|f| f.0 == path) else { continue };
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        let digest = sha256_hex(&data);
        if digest != *sha {
            bail!("{path} in {pkg} has sha256 {digest}, expected {sha}; refusing to use it");
        }
        write_atomic(&cache.dir("engines")?.join(name), &data)?;
        found += 1;
    }
    if found != files.len() {
        bail!("{pkg} lacks some of the engine files aotjs expects");
    }
    Ok(())
}
