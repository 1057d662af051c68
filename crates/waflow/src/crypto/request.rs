//! Request decryption (server side), response encryption, and the client side of both.

use aes_gcm::AesGcm;
use aes_gcm::aead::array::Array;
use aes_gcm::aead::consts::U16;
use aes_gcm::aead::{AeadInOut, KeyInit};
use aes_gcm::aes::Aes128;
use aws_lc_rs::rsa::OAEP_SHA256_MGF1SHA256;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use super::{DecryptError, EncryptError, PrivateKey, PublicKey};

type Aes128Gcm16 = AesGcm<Aes128, U16>;

/// The encrypted request body WhatsApp POSTs (all fields base64).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedRequest {
    /// AES-128-GCM ciphertext of the request JSON, tag appended.
    pub encrypted_flow_data: String,
    /// The AES key wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256).
    pub encrypted_aes_key: String,
    /// The 16-byte IV.
    pub initial_vector: String,
}

/// Encrypts (server) or decrypts (client) the response to one request: same AES key as the
/// request, IV with every bit flipped, tag appended, base64.
#[derive(Clone)]
pub struct ResponseCipher {
    cipher: Aes128Gcm16,
    iv: [u8; 16],
}

impl std::fmt::Debug for ResponseCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseCipher").finish_non_exhaustive()
    }
}

impl ResponseCipher {
    /// Builds the cipher from the request's AES key and the request's (unflipped) IV.
    pub fn from_parts(aes_key: &[u8; 16], request_iv: &[u8; 16]) -> Self {
        let mut iv = *request_iv;
        for b in &mut iv {
            *b = !*b;
        }
        Self {
            cipher: Aes128Gcm16::new(&Array::from(*aes_key)),
            iv,
        }
    }

    /// Encrypts a response body and returns it as base64 text (the HTTP body).
    pub fn encrypt(&self, plaintext: &[u8]) -> String {
        let mut buf = Vec::with_capacity(plaintext.len() + 16);
        buf.extend_from_slice(plaintext);
        // AES-GCM only fails for messages over 64 GiB, which no response reaches.
        if self
            .cipher
            .encrypt_in_place(&Array::from(self.iv), &[], &mut buf)
            .is_err()
        {
            return String::new();
        }
        STANDARD.encode(&buf)
    }

    /// Decrypts a base64 response body (the client side of [`ResponseCipher::encrypt`]).
    ///
    /// # Errors
    /// [`DecryptError::Base64`] or [`DecryptError::Payload`].
    pub fn decrypt(&self, body: &str) -> Result<Vec<u8>, DecryptError> {
        let mut buf = STANDARD
            .decode(body.trim().as_bytes())
            .map_err(|_| DecryptError::Base64("response"))?;
        self.cipher
            .decrypt_in_place(&Array::from(self.iv), &[], &mut buf)
            .map_err(|_| DecryptError::Payload)?;
        Ok(buf)
    }
}

/// Decrypts a request: returns the plaintext JSON bytes and the cipher for the answer.
///
/// # Errors
/// A [`DecryptError`]; the endpoint answers every one of them with HTTP 421.
pub fn decrypt_request(
    key: &PrivateKey,
    request: &EncryptedRequest,
) -> Result<(Vec<u8>, ResponseCipher), DecryptError> {
    let mut wrapped = [0u8; 1024];
    let n = STANDARD
        .decode_slice(request.encrypted_aes_key.as_bytes(), &mut wrapped)
        .map_err(|_| DecryptError::Base64("encrypted_aes_key"))?;
    let mut iv = [0u8; 32];
    let iv_len = STANDARD
        .decode_slice(request.initial_vector.as_bytes(), &mut iv)
        .map_err(|_| DecryptError::Base64("initial_vector"))?;
    let iv: [u8; 16] = iv[..iv_len]
        .try_into()
        .map_err(|_| DecryptError::IvLength(iv_len))?;
    let mut data = STANDARD
        .decode(request.encrypted_flow_data.as_bytes())
        .map_err(|_| DecryptError::Base64("encrypted_flow_data"))?;

    let oaep = key.oaep();
    let mut aes_key = zeroize::Zeroizing::new([0u8; 1024]);
    let out_len = oaep.min_output_size().min(aes_key.len());
    let unwrapped = oaep
        .decrypt(
            &OAEP_SHA256_MGF1SHA256,
            &wrapped[..n],
            &mut aes_key[..out_len],
            None,
        )
        .map_err(|_| DecryptError::AesKey)?;
    let aes_key: [u8; 16] = (&*unwrapped)
        .try_into()
        .map_err(|_| DecryptError::AesKeyLength(unwrapped.len()))?;
    let aes_key = zeroize::Zeroizing::new(aes_key);

    let cipher = Aes128Gcm16::new(&Array::from(*aes_key));
    cipher
        .decrypt_in_place(&Array::from(iv), &[], &mut data)
        .map_err(|_| DecryptError::Payload)?;
    let mut flipped = iv;
    for b in &mut flipped {
        *b = !*b;
    }
    Ok((
        data,
        ResponseCipher {
            cipher,
            iv: flipped,
        },
    ))
}

/// Encrypts a request as the WhatsApp client does (fresh AES key and IV), and returns the body
/// plus the cipher that decrypts the answer.
///
/// # Errors
/// An [`EncryptError`] if the random generator or RSA fails.
pub fn encrypt_request(
    public_key: &PublicKey,
    plaintext: &[u8],
) -> Result<(EncryptedRequest, ResponseCipher), EncryptError> {
    let mut aes_key = zeroize::Zeroizing::new([0u8; 16]);
    let mut iv = [0u8; 16];
    aws_lc_rs::rand::fill(&mut *aes_key).map_err(|_| EncryptError::Random)?;
    aws_lc_rs::rand::fill(&mut iv).map_err(|_| EncryptError::Random)?;
    encrypt_request_with(public_key, &aes_key, &iv, plaintext)
}

/// Like [`encrypt_request`] with a given AES key and IV (for known-answer tests).
///
/// # Errors
/// [`EncryptError::Rsa`] or [`EncryptError::Aes`].
pub fn encrypt_request_with(
    public_key: &PublicKey,
    aes_key: &[u8; 16],
    iv: &[u8; 16],
    plaintext: &[u8],
) -> Result<(EncryptedRequest, ResponseCipher), EncryptError> {
    let oaep = public_key.oaep().ok_or(EncryptError::Rsa)?;
    let mut wrapped = vec![0u8; oaep.ciphertext_size()];
    let wrapped = oaep
        .encrypt(&OAEP_SHA256_MGF1SHA256, aes_key, &mut wrapped, None)
        .map_err(|_| EncryptError::Rsa)?;
    let cipher = Aes128Gcm16::new(&Array::from(*aes_key));
    let mut data = Vec::with_capacity(plaintext.len() + 16);
    data.extend_from_slice(plaintext);
    cipher
        .encrypt_in_place(&Array::from(*iv), &[], &mut data)
        .map_err(|_| EncryptError::Aes)?;
    let body = EncryptedRequest {
        encrypted_flow_data: STANDARD.encode(&data),
        encrypted_aes_key: STANDARD.encode(&*wrapped),
        initial_vector: STANDARD.encode(iv),
    };
    Ok((body, ResponseCipher::from_parts(aes_key, iv)))
}
