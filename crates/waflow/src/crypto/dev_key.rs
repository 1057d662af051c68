//! [`PrivateKey::load_or_generate_dev`]: one development key pair per project, kept on disk so the
//! public key stays the same from one run to the next.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use secrecy::ExposeSecret as _;

use super::{KeyError, KeyPair, PrivateKey};

impl PrivateKey {
    /// The development key at `path` (PEM, unencrypted), generated on first use: the private key
    /// is written readable by its owner only (0600 on unix, the folder created 0700) and the
    /// public key next to it (`flow.pem` → `flow.pub.pem`), to upload or to hand to a
    /// `FlowClient`. Later runs load the same key, so the uploaded public key keeps working.
    ///
    /// For development only: a production key comes from your secret store through
    /// [`PrivateKey::from_pem`].
    ///
    /// ```
    /// use waflow::crypto::PrivateKey;
    ///
    /// let dir = std::env::temp_dir().join(format!("waflow-doc-{}", std::process::id()));
    /// let path = dir.join("flow.pem");
    /// let first = PrivateKey::load_or_generate_dev(&path)?;
    /// let again = PrivateKey::load_or_generate_dev(&path)?;
    /// assert_eq!(first.public_key(), again.public_key());
    /// assert!(dir.join("flow.pub.pem").exists());
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), waflow::crypto::KeyError>(())
    /// ```
    ///
    /// # Errors
    /// [`KeyError::File`] when the file cannot be read or written; the errors of
    /// [`from_pem`](Self::from_pem) when the file holds no usable key (it is never overwritten).
    pub fn load_or_generate_dev(path: impl AsRef<Path>) -> Result<Self, KeyError> {
        let path = path.as_ref();
        match fs::read_to_string(path) {
            Ok(pem) => return Self::from_pem(&pem, None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(file_error(path, &e)),
        }
        let pair = KeyPair::generate()?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(|e| file_error(dir, &e))?;
        }
        let pem = pair.private_key_pem(None)?;
        write_private(path, pem.expose_secret().as_bytes()).map_err(|e| file_error(path, &e))?;
        let public = public_path(path);
        fs::write(&public, pair.public_key_pem()).map_err(|e| file_error(&public, &e))?;
        Ok(pair.private_key().clone())
    }
}

/// `flow.pem` → `flow.pub.pem`; `key` → `key.pub.pem`.
fn public_path(private: &Path) -> PathBuf {
    let stem = private
        .file_stem()
        .map_or_else(|| "key".into(), |s| s.to_string_lossy().into_owned());
    private.with_file_name(format!("{stem}.pub.pem"))
}

fn file_error(path: &Path, e: &std::io::Error) -> KeyError {
    KeyError::File {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates `path` (never replacing an existing file) readable by its owner only.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_public_key_sits_next_to_the_private_key() {
        assert_eq!(
            public_path(Path::new("keys/flow.pem")),
            Path::new("keys/flow.pub.pem")
        );
        assert_eq!(public_path(Path::new("dev")), Path::new("dev.pub.pem"));
    }

    #[test]
    fn a_generated_key_is_kept_private_and_loaded_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/flow.pem");
        let first = PrivateKey::load_or_generate_dev(&path).unwrap();
        let again = PrivateKey::load_or_generate_dev(&path).unwrap();
        assert_eq!(first.public_key(), again.public_key());
        let public = fs::read_to_string(dir.path().join("nested/flow.pub.pem")).unwrap();
        assert_eq!(public, first.public_key().to_pem());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            let dir_mode = fs::metadata(dir.path().join("nested"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(dir_mode & 0o777, 0o700);
        }
    }

    #[test]
    fn a_file_without_a_key_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("flow.pem");
        fs::write(&path, "not a key").unwrap();
        assert!(matches!(
            PrivateKey::load_or_generate_dev(&path),
            Err(KeyError::NotPem(_))
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "not a key");
    }

    #[test]
    fn an_unreadable_path_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the key file should be: reading it fails with something but NotFound.
        let err = PrivateKey::load_or_generate_dev(dir.path()).unwrap_err();
        // The read's own error, not a later one (e.g. from trying to create the file).
        let read = fs::read_to_string(dir.path()).unwrap_err().to_string();
        assert_eq!(
            err,
            KeyError::File {
                path: dir.path().display().to_string(),
                message: read
            }
        );
    }
}
