//! Errors of the crypto module.

/// Why a PEM key could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The text is not PEM (no `-----BEGIN ...-----` block could be decoded).
    #[error("not a PEM key: {0}")]
    NotPem(String),
    /// A public key or certificate was given where the private key is needed.
    #[error("this is a public key ({0}); the business *private* key is needed")]
    PublicKeyGiven(String),
    /// A private key was given where a public key is needed.
    #[error("this is a private key; a public key (SPKI, `BEGIN PUBLIC KEY`) is needed")]
    PrivateKeyGiven,
    /// The PEM label is not one this loader understands.
    #[error("unsupported PEM label `{0}`")]
    UnsupportedLabel(String),
    /// The key is encrypted and no passphrase was given.
    #[error("the key is encrypted: a passphrase is needed")]
    PassphraseRequired,
    /// The passphrase does not decrypt the key.
    #[error("wrong passphrase for the encrypted key")]
    WrongPassphrase,
    /// Legacy OpenSSL encryption (`Proc-Type: 4,ENCRYPTED`) is not supported.
    #[error(
        "legacy encrypted PKCS#1 (Proc-Type/DEK-Info) is not supported; convert it with \
         `openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out new.pem`"
    )]
    LegacyEncryption,
    /// The key is not an RSA key.
    #[error("not an RSA key (algorithm {0})")]
    NotRsa(String),
    /// The RSA key is shorter than 2048 bits.
    #[error("RSA key of {0} bits is too small: WhatsApp Flows needs RSA-2048 or larger")]
    TooSmall(usize),
    /// The DER inside the PEM is malformed.
    #[error("malformed key: {0}")]
    Malformed(String),
    /// Key generation or encoding failed.
    #[error("key generation or encoding failed: {0}")]
    Generation(String),
    /// A key file could not be read or written.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// Why a request (or, on the client side, a response) could not be decrypted. Answered with 421.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecryptError {
    /// A field is not valid base64.
    #[error("`{0}` is not valid base64")]
    Base64(&'static str),
    /// RSA-OAEP could not unwrap the AES key (wrong key pair or corrupted value).
    #[error("the AES key cannot be unwrapped with this private key")]
    AesKey,
    /// The unwrapped AES key is not 16 bytes long.
    #[error("the AES key is {0} bytes, expected 16")]
    AesKeyLength(usize),
    /// The initial vector is not 16 bytes long.
    #[error("the initial vector is {0} bytes, expected 16")]
    IvLength(usize),
    /// AES-GCM authentication failed (tampered payload, wrong key or IV).
    #[error("the payload does not authenticate")]
    Payload,
}

/// Why a request could not be encrypted (client side).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncryptError {
    /// The system random generator failed.
    #[error("random generator failed")]
    Random,
    /// RSA-OAEP encryption failed.
    #[error("RSA-OAEP encryption failed")]
    Rsa,
    /// AES-GCM encryption failed (payload too long).
    #[error("AES-GCM encryption failed")]
    Aes,
}
