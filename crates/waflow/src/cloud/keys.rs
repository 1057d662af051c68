//! The business encryption public key (`/{phone-number-id}/whatsapp_business_encryption`).

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::CloudError;
use super::flows::{Success, ensure_success};

/// The key Meta holds for a phone number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BusinessPublicKey {
    /// PEM text.
    pub business_public_key: String,
    /// `VALID` or `MISMATCH`.
    #[serde(default)]
    pub business_public_key_signature_status: Option<String>,
}

#[derive(Debug, Deserialize)]
struct KeyList {
    #[serde(default)]
    data: Vec<BusinessPublicKey>,
}

impl Client {
    /// Uploads (sets) the phone number's public key, PEM text (`-----BEGIN PUBLIC KEY-----…`).
    ///
    /// # Errors
    /// [`CloudError::InvalidRequest`] when `pem` is not a PEM public key; [`CloudError::Graph`].
    pub async fn set_business_public_key(&self, pem: &str) -> Result<(), CloudError> {
        if !pem.contains("-----BEGIN PUBLIC KEY-----")
            && !pem.contains("-----BEGIN RSA PUBLIC KEY-----")
        {
            return Err(CloudError::InvalidRequest(
                "the public key must be PEM text (-----BEGIN PUBLIC KEY-----)".into(),
            ));
        }
        let url = self.url(&format!("{}/whatsapp_business_encryption", self.phone()?));
        let s: Success = self
            .execute(|http| http.post(&url).form(&[("business_public_key", pem)]))
            .await?;
        ensure_success(s, "set business public key")
    }

    /// Reads the phone number's public key and its signature status; `None` when none is set.
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn get_business_public_key(&self) -> Result<Option<BusinessPublicKey>, CloudError> {
        let url = self.url(&format!("{}/whatsapp_business_encryption", self.phone()?));
        let list: KeyList = self.execute(|http| http.get(&url)).await?;
        Ok(list.data.into_iter().next())
    }
}
