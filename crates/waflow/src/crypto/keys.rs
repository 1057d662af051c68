//! The business key pair: PEM loading (PKCS#1, PKCS#8, encrypted PKCS#8), generation, export.

use std::fmt;
use std::sync::Arc;

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rsa::{
    KeySize, OaepPrivateDecryptingKey, OaepPublicEncryptingKey, PrivateDecryptingKey,
    PublicEncryptingKey,
};
use pkcs8::der::asn1::{AnyRef, OctetStringRef};
use pkcs8::der::pem::{self, LineEnding};
use pkcs8::der::{Decode, Encode};
use pkcs8::{
    AlgorithmIdentifierRef, EncryptedPrivateKeyInfoRef, ObjectIdentifier, PrivateKeyInfoRef,
};
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::KeyError;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const MIN_BITS: usize = 2048;
const PBKDF2_ITERATIONS: u32 = 600_000;

/// The business private key (RSA-2048 or larger) that unwraps each request's AES key.
///
/// Cheap to clone; the key material never appears in `Debug`.
#[derive(Clone)]
pub struct PrivateKey {
    inner: Arc<PrivateInner>,
}

struct PrivateInner {
    key: PrivateDecryptingKey,
    oaep: OaepPrivateDecryptingKey,
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("bits", &self.bits())
            .finish_non_exhaustive()
    }
}

impl PrivateKey {
    /// Loads a private key from PEM: `BEGIN RSA PRIVATE KEY` (PKCS#1), `BEGIN PRIVATE KEY`
    /// (PKCS#8) or `BEGIN ENCRYPTED PRIVATE KEY` (PKCS#8 with a passphrase, what
    /// `openssl genrsa -des3` writes on OpenSSL 3).
    ///
    /// # Errors
    /// A [`KeyError`] that says what is wrong: not PEM, a public key, a missing or wrong
    /// passphrase, not RSA, smaller than 2048 bits, malformed.
    pub fn from_pem(pem_text: &str, passphrase: Option<&SecretString>) -> Result<Self, KeyError> {
        if pem_text.contains("Proc-Type: 4,ENCRYPTED") {
            return Err(KeyError::LegacyEncryption);
        }
        let (label, der) = pem::decode_vec(pem_text.trim().as_bytes())
            .map_err(|e| KeyError::NotPem(e.to_string()))?;
        let der = Zeroizing::new(der);
        match label {
            "PRIVATE KEY" => Self::from_pkcs8_der(&der),
            "RSA PRIVATE KEY" => Self::from_pkcs1_der(&der),
            "ENCRYPTED PRIVATE KEY" => {
                let pass = passphrase.ok_or(KeyError::PassphraseRequired)?;
                let info = EncryptedPrivateKeyInfoRef::from_der(&der)
                    .map_err(|e| KeyError::Malformed(e.to_string()))?;
                let plain = info
                    .decrypt(pass.expose_secret().as_bytes())
                    .map_err(|_| KeyError::WrongPassphrase)?;
                Self::from_pkcs8_der(plain.as_bytes()).map_err(|e| match e {
                    KeyError::Malformed(_) => KeyError::WrongPassphrase,
                    other => other,
                })
            }
            "PUBLIC KEY" | "RSA PUBLIC KEY" | "CERTIFICATE" => {
                Err(KeyError::PublicKeyGiven(label.to_owned()))
            }
            other => Err(KeyError::UnsupportedLabel(other.to_owned())),
        }
    }

    /// Loads a PKCS#8 DER private key.
    ///
    /// # Errors
    /// See [`PrivateKey::from_pem`].
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self, KeyError> {
        let info =
            PrivateKeyInfoRef::from_der(der).map_err(|e| KeyError::Malformed(e.to_string()))?;
        if info.algorithm.oid != RSA_ENCRYPTION {
            return Err(KeyError::NotRsa(info.algorithm.oid.to_string()));
        }
        check_bits(info.private_key.as_bytes())?;
        let key = PrivateDecryptingKey::from_pkcs8(der)
            .map_err(|e| KeyError::Malformed(e.to_string()))?;
        Self::from_aws(key)
    }

    /// Loads a PKCS#1 (`RSAPrivateKey`) DER private key.
    ///
    /// # Errors
    /// See [`PrivateKey::from_pem`].
    pub fn from_pkcs1_der(der: &[u8]) -> Result<Self, KeyError> {
        check_bits(der)?;
        let octets = OctetStringRef::new(der).map_err(|e| KeyError::Malformed(e.to_string()))?;
        let info = PrivateKeyInfoRef::new(
            AlgorithmIdentifierRef {
                oid: RSA_ENCRYPTION,
                parameters: Some(AnyRef::NULL),
            },
            octets,
        );
        let pkcs8 = Zeroizing::new(
            info.to_der()
                .map_err(|e| KeyError::Malformed(e.to_string()))?,
        );
        Self::from_pkcs8_der(&pkcs8)
    }

    fn from_aws(key: PrivateDecryptingKey) -> Result<Self, KeyError> {
        let oaep = OaepPrivateDecryptingKey::new(key.clone())
            .map_err(|_| KeyError::Malformed("key rejected for RSA-OAEP".to_owned()))?;
        Ok(Self {
            inner: Arc::new(PrivateInner { key, oaep }),
        })
    }

    /// The key size in bits (2048 for the usual key).
    pub fn bits(&self) -> usize {
        self.inner.key.key_size_bits()
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        PublicKey::from_aws(self.inner.key.public_key())
    }

    pub(crate) fn oaep(&self) -> &OaepPrivateDecryptingKey {
        &self.inner.oaep
    }

    /// PKCS#8 PEM of this key, encrypted (PBES2: PBKDF2-SHA256 + AES-256-CBC) when a passphrase
    /// is given.
    ///
    /// # Errors
    /// [`KeyError::Generation`] if encoding or the random generator fails.
    pub fn to_pem(&self, passphrase: Option<&SecretString>) -> Result<SecretString, KeyError> {
        let gen_err = |e: &dyn fmt::Display| KeyError::Generation(e.to_string());
        let der = self.inner.key.as_der().map_err(|e| gen_err(&e))?;
        let der = der.as_ref();
        let pem = match passphrase {
            None => {
                pem::encode_string("PRIVATE KEY", LineEnding::LF, der).map_err(|e| gen_err(&e))?
            }
            Some(pass) => {
                let mut salt = [0u8; 16];
                let mut iv = [0u8; 16];
                aws_lc_rs::rand::fill(&mut salt).map_err(|e| gen_err(&e))?;
                aws_lc_rs::rand::fill(&mut iv).map_err(|e| gen_err(&e))?;
                let params = pkcs8::pkcs5::pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(
                    PBKDF2_ITERATIONS,
                    &salt,
                    iv,
                )
                .map_err(|e| gen_err(&e))?;
                let info = PrivateKeyInfoRef::from_der(der).map_err(|e| gen_err(&e))?;
                let enc = info
                    .encrypt_with_params(params, pass.expose_secret().as_bytes())
                    .map_err(|e| gen_err(&e))?;
                pem::encode_string("ENCRYPTED PRIVATE KEY", LineEnding::LF, enc.as_bytes())
                    .map_err(|e| gen_err(&e))?
            }
        };
        Ok(SecretString::from(pem))
    }
}

/// Reads the modulus size of a PKCS#1 `RSAPrivateKey` and rejects keys under 2048 bits.
fn check_bits(pkcs1_der: &[u8]) -> Result<(), KeyError> {
    let key = pkcs1::RsaPrivateKeyRef::from_der(pkcs1_der)
        .map_err(|e| KeyError::Malformed(e.to_string()))?;
    let modulus = key.modulus.as_bytes();
    let bits = modulus.iter().position(|b| *b != 0).map_or(0, |i| {
        (modulus.len() - i) * 8 - modulus[i].leading_zeros() as usize
    });
    if bits < MIN_BITS {
        return Err(KeyError::TooSmall(bits));
    }
    Ok(())
}

/// The business public key (SPKI), as uploaded to WhatsApp; the client side encrypts with it.
#[derive(Clone)]
pub struct PublicKey {
    inner: Arc<PublicInner>,
}

struct PublicInner {
    key: PublicEncryptingKey,
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublicKey")
            .field("bits", &self.inner.key.key_size_bits())
            .finish()
    }
}

impl PartialEq for PublicKey {
    fn eq(&self, other: &Self) -> bool {
        match (self.inner.key.as_der(), other.inner.key.as_der()) {
            (Ok(a), Ok(b)) => a.as_ref() == b.as_ref(),
            _ => false,
        }
    }
}

impl PublicKey {
    /// Loads a public key from PEM (`BEGIN PUBLIC KEY`, SPKI).
    ///
    /// # Errors
    /// [`KeyError::PrivateKeyGiven`] for a private key, [`KeyError::TooSmall`] under 2048 bits,
    /// otherwise [`KeyError::NotPem`] / [`KeyError::Malformed`] / [`KeyError::UnsupportedLabel`].
    pub fn from_pem(pem_text: &str) -> Result<Self, KeyError> {
        let (label, der) = pem::decode_vec(pem_text.trim().as_bytes())
            .map_err(|e| KeyError::NotPem(e.to_string()))?;
        match label {
            "PUBLIC KEY" => {
                let key = PublicEncryptingKey::from_der(&der)
                    .map_err(|e| KeyError::Malformed(e.to_string()))?;
                if key.key_size_bits() < MIN_BITS {
                    return Err(KeyError::TooSmall(key.key_size_bits()));
                }
                Ok(Self::from_aws(key))
            }
            "PRIVATE KEY" | "RSA PRIVATE KEY" | "ENCRYPTED PRIVATE KEY" => {
                Err(KeyError::PrivateKeyGiven)
            }
            other => Err(KeyError::UnsupportedLabel(other.to_owned())),
        }
    }

    fn from_aws(key: PublicEncryptingKey) -> Self {
        Self {
            inner: Arc::new(PublicInner { key }),
        }
    }

    pub(crate) fn oaep(&self) -> Option<OaepPublicEncryptingKey> {
        OaepPublicEncryptingKey::new(self.inner.key.clone()).ok()
    }

    /// SPKI PEM (`BEGIN PUBLIC KEY`), the format the Graph API expects.
    pub fn to_pem(&self) -> String {
        self.inner
            .key
            .as_der()
            .ok()
            .and_then(|der| pem::encode_string("PUBLIC KEY", LineEnding::LF, der.as_ref()).ok())
            .unwrap_or_default()
    }
}

/// A freshly generated RSA-2048 key pair (development keys, `waflow keygen`).
#[derive(Debug, Clone)]
pub struct KeyPair {
    private: PrivateKey,
}

impl KeyPair {
    /// Generates an RSA-2048 key pair.
    ///
    /// # Errors
    /// [`KeyError::Generation`] if the generator fails.
    pub fn generate() -> Result<Self, KeyError> {
        let key = PrivateDecryptingKey::generate(KeySize::Rsa2048)
            .map_err(|e| KeyError::Generation(e.to_string()))?;
        Ok(Self {
            private: PrivateKey::from_aws(key)?,
        })
    }

    /// Wraps an existing private key.
    pub fn from_private_key(private: PrivateKey) -> Self {
        Self { private }
    }

    /// The private key.
    pub fn private_key(&self) -> &PrivateKey {
        &self.private
    }

    /// The public key.
    pub fn public_key(&self) -> PublicKey {
        self.private.public_key()
    }

    /// The private key as PKCS#8 PEM; encrypted PKCS#8 when a passphrase is given.
    ///
    /// # Errors
    /// [`KeyError::Generation`] if encoding fails.
    pub fn private_key_pem(
        &self,
        passphrase: Option<&SecretString>,
    ) -> Result<SecretString, KeyError> {
        self.private.to_pem(passphrase)
    }

    /// The public key as SPKI PEM (`BEGIN PUBLIC KEY`).
    pub fn public_key_pem(&self) -> String {
        self.public_key().to_pem()
    }
}
