//! Request and response crypto for the WhatsApp Flows data-exchange endpoint, without HTTP.
//!
//! * [`PrivateKey`] / [`PublicKey`] / [`KeyPair`]: the business key pair, loaded from PEM
//!   (PKCS#1, PKCS#8, passphrase-encrypted PKCS#8) or generated.
//! * [`decrypt_request`] unwraps the AES key with RSA-OAEP (SHA-256, MGF1-SHA-256), decrypts the
//!   AES-128-GCM payload (16-byte IV, tag appended) and hands back a [`ResponseCipher`] that
//!   encrypts the answer with the same key and the bit-flipped IV.
//! * [`encrypt_request`] is the client side (what the WhatsApp client does), used by tests.
//! * [`media::decrypt_media`] decrypts PhotoPicker / DocumentPicker uploads.
//! * [`verify_signature`] checks `X-Hub-Signature-256`; [`jwt`] verifies `flow_token_signature`.
//!
//! ```
//! use waflow::crypto::{KeyPair, decrypt_request, encrypt_request};
//!
//! let pair = KeyPair::generate()?;
//! let (body, client) = encrypt_request(&pair.public_key(), br#"{"action":"ping"}"#)?;
//! let (plain, server) = decrypt_request(pair.private_key(), &body)?;
//! assert_eq!(plain, br#"{"action":"ping"}"#);
//! let answer = server.encrypt(br#"{"data":{"status":"active"}}"#);
//! assert_eq!(client.decrypt(&answer)?, br#"{"data":{"status":"active"}}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod dev_key;
mod error;
pub mod jwt;
mod keys;
pub mod media;
mod request;
mod signature;

pub use error::{DecryptError, EncryptError, KeyError};
pub use keys::{KeyPair, PrivateKey, PublicKey};
pub use request::{
    EncryptedRequest, ResponseCipher, decrypt_request, encrypt_request, encrypt_request_with,
};
pub use signature::{sign_body, verify_signature};
