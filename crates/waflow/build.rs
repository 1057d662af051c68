//! Rebuilds the crate when the playground's embedded assets change: rust-embed reads them inside a
//! proc macro in release builds, which cargo does not track on its own.

fn main() {
    println!("cargo:rerun-if-changed=src/playground/assets");
}
