//! Reading a snapshot: the module's sections, its memory image, the engine, the request list.

pub mod engine;
pub mod image;
pub mod module;
pub mod requests;
pub mod scripts;

pub use engine::{identify, Engine};
pub use image::MemoryImage;
pub use module::Module;
pub use requests::{IcRequest, Request, RequestKind, Requests, ScriptRequest};
