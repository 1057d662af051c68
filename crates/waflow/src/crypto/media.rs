//! PhotoPicker / DocumentPicker media decryption (FLOWS_SPEC.md §4.7).
//!
//! The CDN file is `ciphertext ‖ hmac10`. Checks, in order: SHA-256 of the whole file equals
//! `encrypted_hash`; the first 10 bytes of HMAC-SHA256(`hmac_key`, iv ‖ ciphertext) equal
//! `hmac10`; AES-256-CBC decryption with PKCS#7 padding; SHA-256 of the plaintext equals
//! `plaintext_hash`. Downloading `cdn_url` is the caller's job.
//!
//! ```
//! use waflow::crypto::media::{EncryptionMetadata, MediaError, decrypt_media};
//!
//! let meta = EncryptionMetadata {
//!     encrypted_hash: String::new(),
//!     iv: String::new(),
//!     encryption_key: String::new(),
//!     hmac_key: String::new(),
//!     plaintext_hash: String::new(),
//! };
//! assert!(matches!(decrypt_media(b"short", &meta), Err(MediaError::TooShort(5))));
//! ```

use aes::Aes256;
use aws_lc_rs::{digest, hmac};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeDecrypt, KeyIvInit};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

const HMAC_LEN: usize = 10;

/// The `encryption_metadata` object of a picker upload (all fields base64).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptionMetadata {
    /// SHA-256 of the CDN file.
    pub encrypted_hash: String,
    /// AES-CBC IV (16 bytes).
    pub iv: String,
    /// AES-256 key (32 bytes).
    pub encryption_key: String,
    /// HMAC-SHA256 key.
    pub hmac_key: String,
    /// SHA-256 of the decrypted file.
    pub plaintext_hash: String,
}

/// One uploaded file as it arrives in the endpoint payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaUpload {
    /// The media id.
    pub media_id: String,
    /// Where to download the encrypted file.
    pub cdn_url: String,
    /// The original file name.
    pub file_name: String,
    /// How to decrypt it.
    pub encryption_metadata: EncryptionMetadata,
}

/// Why a media file could not be decrypted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MediaError {
    /// A metadata field is not valid base64.
    #[error("`{0}` is not valid base64")]
    Base64(&'static str),
    /// The file is shorter than the 10-byte HMAC plus one AES block.
    #[error("the file is {0} bytes, too short to hold a ciphertext and its HMAC")]
    TooShort(usize),
    /// SHA-256 of the file does not match `encrypted_hash`.
    #[error("the file does not match encrypted_hash")]
    EncryptedHash,
    /// The HMAC does not match.
    #[error("the file's HMAC does not match")]
    Hmac,
    /// The key or IV has the wrong length.
    #[error("wrong key or IV length")]
    KeyLength,
    /// The PKCS#7 padding is invalid.
    #[error("invalid padding")]
    Padding,
    /// SHA-256 of the plaintext does not match `plaintext_hash`.
    #[error("the decrypted file does not match plaintext_hash")]
    PlaintextHash,
}

fn b64(field: &'static str, value: &str) -> Result<Vec<u8>, MediaError> {
    STANDARD
        .decode(value.as_bytes())
        .map_err(|_| MediaError::Base64(field))
}

/// Verifies and decrypts a downloaded CDN file.
///
/// # Errors
/// A [`MediaError`] naming the first check that failed.
pub fn decrypt_media(file: &[u8], meta: &EncryptionMetadata) -> Result<Vec<u8>, MediaError> {
    if file.len() < HMAC_LEN + 16 {
        return Err(MediaError::TooShort(file.len()));
    }
    let encrypted_hash = b64("encrypted_hash", &meta.encrypted_hash)?;
    let iv = b64("iv", &meta.iv)?;
    let key = zeroize::Zeroizing::new(b64("encryption_key", &meta.encryption_key)?);
    let hmac_key = zeroize::Zeroizing::new(b64("hmac_key", &meta.hmac_key)?);
    let plaintext_hash = b64("plaintext_hash", &meta.plaintext_hash)?;

    let digest_of_file = digest::digest(&digest::SHA256, file);
    if !bool::from(digest_of_file.as_ref().ct_eq(&encrypted_hash)) {
        return Err(MediaError::EncryptedHash);
    }
    let (ciphertext, mac10) = file.split_at(file.len() - HMAC_LEN);
    let hkey = hmac::Key::new(hmac::HMAC_SHA256, &hmac_key);
    let mut ctx = hmac::Context::with_key(&hkey);
    ctx.update(&iv);
    ctx.update(ciphertext);
    let tag = ctx.sign();
    if !bool::from(tag.as_ref()[..HMAC_LEN].ct_eq(mac10)) {
        return Err(MediaError::Hmac);
    }
    let dec =
        cbc::Decryptor::<Aes256>::new_from_slices(&key, &iv).map_err(|_| MediaError::KeyLength)?;
    let plain = dec
        .decrypt_padded_vec::<Pkcs7>(ciphertext)
        .map_err(|_| MediaError::Padding)?;
    let digest_of_plain = digest::digest(&digest::SHA256, &plain);
    if !bool::from(digest_of_plain.as_ref().ct_eq(&plaintext_hash)) {
        return Err(MediaError::PlaintextHash);
    }
    Ok(plain)
}
