//! PhotoPicker / DocumentPicker uploads, encrypted the way WhatsApp's CDN serves them
//! (FLOWS_SPEC.md §4.7): AES-256-CBC with PKCS#7, `cdn_file = ciphertext ‖ HMAC-SHA256(hmac_key,
//! iv ‖ ciphertext)[..10]`, and SHA-256 of both the file and the plaintext.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use aes::Aes256;
use aws_lc_rs::{digest, hmac, rand};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockModeEncrypt, KeyIvInit};
use serde_json::{Value, json};
use tokio::sync::Semaphore;

use super::error::PlaygroundError;
use super::guard::FILE_NAME_HEADER;

/// Largest file accepted: PhotoPicker's `max-file-size-kb` ceiling (25 600 KiB).
pub(crate) const MAX_MEDIA_BYTES: usize = 25_600 * 1024;
/// How many uploads are kept in memory; the oldest is dropped first.
const KEEP: usize = 64;
/// How many bytes of uploads are kept in memory by default; the oldest are dropped first.
pub(crate) const MAX_HELD_BYTES: usize = 128 * 1024 * 1024;
/// How many uploads are read and encrypted at once; more are answered 503.
const CONCURRENT_UPLOADS: usize = 2;

/// One encrypted upload.
#[derive(Debug)]
pub(crate) struct StoredMedia {
    pub(crate) id: String,
    pub(crate) file_name: String,
    pub(crate) mime_type: String,
    pub(crate) plaintext_sha256: String,
    cdn_file: Bytes,
}

#[derive(Debug, Default)]
struct Held {
    files: VecDeque<Arc<StoredMedia>>,
    bytes: usize,
}

/// The uploads of one playground: at most [`KEEP`] files and `max_bytes` bytes, shared as
/// `Arc`s so that a lookup copies nothing.
#[derive(Debug, Clone)]
pub(crate) struct MediaStore {
    held: Arc<Mutex<Held>>,
    uploads: Arc<Semaphore>,
    max_bytes: usize,
}

impl Default for MediaStore {
    fn default() -> Self {
        Self::new(MAX_HELD_BYTES)
    }
}

impl MediaStore {
    /// A store keeping at most `max_bytes` bytes of encrypted files.
    pub(crate) fn new(max_bytes: usize) -> Self {
        Self {
            held: Arc::default(),
            uploads: Arc::new(Semaphore::new(CONCURRENT_UPLOADS)),
            max_bytes,
        }
    }

    /// Keeps `media`, dropping the oldest files until both limits hold.
    fn insert(&self, media: StoredMedia) -> Result<(), PlaygroundError> {
        let size = media.cdn_file.len();
        if size > self.max_bytes {
            return Err(PlaygroundError::TooLarge {
                size,
                limit: self.max_bytes,
            });
        }
        let mut held = self.held.lock().map_err(|_| PlaygroundError::Crypto)?;
        while held.files.len() >= KEEP || held.bytes + size > self.max_bytes {
            let Some(oldest) = held.files.pop_front() else {
                break;
            };
            held.bytes -= oldest.cdn_file.len();
        }
        held.files.push_back(Arc::new(media));
        held.bytes += size;
        Ok(())
    }

    /// The upload with this id (a shared handle, nothing is copied).
    pub(crate) fn get(&self, id: &str) -> Option<Arc<StoredMedia>> {
        self.held
            .lock()
            .ok()?
            .files
            .iter()
            .find(|m| m.id == id)
            .cloned()
    }

    /// How many bytes of encrypted files are held.
    #[cfg(test)]
    fn held_bytes(&self) -> usize {
        self.held.lock().map(|h| h.bytes).unwrap_or_default()
    }
}

/// The CDN file and the `encryption_metadata` object for one plaintext.
pub(crate) fn encrypt_media(plain: &[u8]) -> Result<(Vec<u8>, Value), PlaygroundError> {
    let mut key = zeroize::Zeroizing::new([0_u8; 32]);
    let mut hmac_key = zeroize::Zeroizing::new([0_u8; 32]);
    let mut iv = [0_u8; 16];
    rand::fill(key.as_mut()).map_err(|_| PlaygroundError::Crypto)?;
    rand::fill(hmac_key.as_mut()).map_err(|_| PlaygroundError::Crypto)?;
    rand::fill(&mut iv).map_err(|_| PlaygroundError::Crypto)?;
    let enc = cbc::Encryptor::<Aes256>::new_from_slices(key.as_ref(), &iv)
        .map_err(|_| PlaygroundError::Crypto)?;
    let mut file = enc.encrypt_padded_vec::<Pkcs7>(plain);
    let hkey = hmac::Key::new(hmac::HMAC_SHA256, hmac_key.as_ref());
    let mut ctx = hmac::Context::with_key(&hkey);
    ctx.update(&iv);
    ctx.update(&file);
    let tag = ctx.sign();
    file.extend_from_slice(&tag.as_ref()[..10]);
    let meta = json!({
        "encrypted_hash": STANDARD.encode(digest::digest(&digest::SHA256, &file)),
        "iv": STANDARD.encode(iv),
        "encryption_key": STANDARD.encode(key.as_ref()),
        "hmac_key": STANDARD.encode(hmac_key.as_ref()),
        "plaintext_hash": STANDARD.encode(digest::digest(&digest::SHA256, plain)),
    });
    Ok((file, meta))
}

fn random_id() -> Result<String, PlaygroundError> {
    let mut bytes = [0_u8; 8];
    rand::fill(&mut bytes).map_err(|_| PlaygroundError::Crypto)?;
    Ok(u64::from_be_bytes(bytes).to_string())
}

/// Decodes `%XX` escapes (the page sends file names URI-encoded in a header).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn content_length(headers: &HeaderMap) -> Option<usize> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

/// Reads an upload body of at most [`MAX_MEDIA_BYTES`].
async fn read_upload(body: axum::body::Body) -> Result<Bytes, PlaygroundError> {
    axum::body::to_bytes(body, MAX_MEDIA_BYTES)
        .await
        .map_err(|e| {
            if e.into_inner()
                .downcast_ref::<http_body_util::LengthLimitError>()
                .is_some()
            {
                PlaygroundError::BodyTooLarge {
                    limit: MAX_MEDIA_BYTES,
                }
            } else {
                PlaygroundError::BadRequest("the upload was interrupted".into())
            }
        })
}

/// `POST /api/media`: encrypts the body and answers the payload entry an endpoint receives.
/// At most [`CONCURRENT_UPLOADS`] run at once (503 otherwise).
pub(crate) async fn upload(
    State(store): State<MediaStore>,
    OriginalUri(uri): OriginalUri,
    request: Request,
) -> Result<Json<Value>, PlaygroundError> {
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    if let Some(size) = content_length(&headers)
        && size > MAX_MEDIA_BYTES
    {
        return Err(PlaygroundError::TooLarge {
            size,
            limit: MAX_MEDIA_BYTES,
        });
    }
    let _permit = store
        .uploads
        .try_acquire()
        .map_err(|_| PlaygroundError::Busy)?;
    let body = read_upload(body).await?;
    if body.is_empty() {
        return Err(PlaygroundError::BadRequest("the file is empty".into()));
    }
    let file_name = header_text(&headers, FILE_NAME_HEADER)
        .map(|n| percent_decode(&n))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "file".to_owned());
    let mime_type = header_text(&headers, "x-mime-type")
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    let (cdn_file, meta) = tokio::task::spawn_blocking(move || encrypt_media(&body))
        .await
        .map_err(|_| PlaygroundError::Crypto)??;
    let id = random_id()?;
    let host = header_text(&headers, "host").unwrap_or_else(|| "127.0.0.1".to_owned());
    let path = uri.path();
    let cdn_url = format!("http://{host}{path}/{id}");
    let plaintext_sha256 = meta["plaintext_hash"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    store.insert(StoredMedia {
        id: id.clone(),
        file_name: file_name.clone(),
        mime_type,
        plaintext_sha256,
        cdn_file: Bytes::from(cdn_file),
    })?;
    Ok(Json(json!({
        "media_id": id,
        "cdn_url": cdn_url,
        "file_name": file_name,
        "encryption_metadata": meta,
    })))
}

/// `GET /api/media/{id}`: the encrypted CDN file.
pub(crate) async fn download(
    State(store): State<MediaStore>,
    Path(id): Path<String>,
) -> Result<Response, PlaygroundError> {
    let media = store.get(&id).ok_or(PlaygroundError::UnknownMedia(id))?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/octet-stream"),
        )],
        media.cdn_file.clone(),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake(id: usize, size: usize) -> StoredMedia {
        StoredMedia {
            id: id.to_string(),
            file_name: "f".into(),
            mime_type: "application/octet-stream".into(),
            plaintext_sha256: String::new(),
            cdn_file: Bytes::from(vec![0_u8; size]),
        }
    }

    #[test]
    fn the_default_store_holds_at_most_128_mib() {
        let store = MediaStore::default();
        for id in 0..12 {
            store.insert(fake(id, MAX_MEDIA_BYTES)).unwrap();
            assert!(store.held_bytes() <= MAX_HELD_BYTES);
        }
        // five 25 MiB files fit in 128 MiB, the older seven were dropped
        assert_eq!(store.held_bytes(), 5 * MAX_MEDIA_BYTES);
        assert!(store.get("6").is_none());
        assert!(store.get("7").is_some() && store.get("11").is_some());
    }

    #[test]
    fn the_store_holds_at_most_64_files() {
        let store = MediaStore::default();
        for id in 0..70 {
            store.insert(fake(id, 10)).unwrap();
        }
        assert_eq!(store.held_bytes(), 64 * 10);
        assert!(store.get("5").is_none() && store.get("6").is_some());
    }

    #[test]
    fn a_file_larger_than_the_store_is_refused() {
        let store = MediaStore::new(100);
        store.insert(fake(1, 60)).unwrap();
        assert_eq!(
            store.insert(fake(2, 101)),
            Err(PlaygroundError::TooLarge {
                size: 101,
                limit: 100
            })
        );
        assert!(store.get("1").is_some());
        store.insert(fake(3, 100)).unwrap();
        assert_eq!(store.held_bytes(), 100);
        assert!(store.get("1").is_none());
    }

    #[test]
    fn lookups_share_the_file() {
        let store = MediaStore::default();
        store.insert(fake(1, 1000)).unwrap();
        let (a, b) = (store.get("1").unwrap(), store.get("1").unwrap());
        assert!(Arc::ptr_eq(&a, &b));
    }
}
