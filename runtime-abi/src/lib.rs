//! Engine facts: the only crate that knows SpiderMonkey-on-Wasm layouts, offsets and digests.
//!
//! Everything here is a fact about one shipped engine build, with its source in
//! `shared/notes/engine-protocol.md`. Other crates name these constants; none of them spells an
//! engine offset itself. Facts that can be read from the engine (opcode tables, request list
//! head) are *read* by `aotjs-compiler` and only *checked* against what is written here.

pub mod engines;
pub mod ic;
pub mod layout;
pub mod protocol;
pub mod script;
pub mod value;

pub use engines::{EngineFacts, EngineId, EngineSpec, GuardClassFact, ENGINES};
