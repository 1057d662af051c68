//! Random secrets and their digests: only digests are stored.

use aws_lc_rs::digest;
use rand::{Rng, RngCore};

/// 128 random bits as 32 lowercase hex characters (URL-safe).
pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A uniformly random code of exactly six decimal digits.
pub(crate) fn random_six_digits() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

/// SHA-256 of the parts, separated so that ("ab","c") and ("a","bc") differ, as hex.
pub(crate) fn digest_hex(parts: &[&str]) -> String {
    let mut ctx = digest::Context::new(&digest::SHA256);
    for part in parts {
        ctx.update(&(part.len() as u64).to_be_bytes());
        ctx.update(part.as_bytes());
    }
    hex::encode(ctx.finish().as_ref())
}

/// Constant-time equality of two digests.
pub(crate) fn same_digest(a: &str, b: &str) -> bool {
    aws_lc_rs::constant_time::verify_slices_are_equal(a.as_bytes(), b.as_bytes()).is_ok()
}
