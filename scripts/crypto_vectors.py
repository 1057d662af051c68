#!/usr/bin/env python3
"""Known-answer vectors for waflow::crypto, produced by an independent implementation
(Python `cryptography`) and OpenSSL 3. Run once; the output is committed and the Rust tests
read it. Not run in CI.

    python3 -m venv /tmp/kat-venv && /tmp/kat-venv/bin/pip install cryptography
    /tmp/kat-venv/bin/python scripts/crypto_vectors.py crates/waflow/tests/fixtures/crypto

Writes:
  key_pkcs1.pem            RSA-2048, PKCS#1 ("BEGIN RSA PRIVATE KEY")
  key_pkcs8.pem            the same key, PKCS#8
  key_pkcs8_encrypted.pem  a key from `openssl genrsa -des3 -passout pass:PASSPHRASE 2048` (OpenSSL 3
                           writes encrypted PKCS#8); its public key is key_encrypted.pub.pem
  key.pub.pem              SPKI public key of key_pkcs1.pem
  key_rsa1024.pem          an RSA-1024 key (must be refused)
  key_ec.pem               a P-256 key (must be refused as not RSA)
  vectors.json             request vectors (aes key, iv, plaintext -> body), response vectors
                           (aes key, request iv, plaintext -> base64 body), media vectors, and
                           an X-Hub-Signature-256 vector
"""

import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys

from cryptography.hazmat.primitives import hashes, padding as sympad, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PASSPHRASE = "waflow-kat-passphrase"
OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
b64 = lambda b: base64.b64encode(b).decode()


def write(out, name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def main(out):
    os.makedirs(out, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    write(out, "key_pkcs1.pem", key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
    write(out, "key_pkcs8.pem", key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    write(out, "key.pub.pem", key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))

    enc_path = os.path.join(out, "key_pkcs8_encrypted.pem")
    subprocess.run(["openssl", "genrsa", "-des3", "-passout", "pass:" + PASSPHRASE, "-out", enc_path, "2048"], check=True, capture_output=True)
    with open(enc_path, "rb") as f:
        enc_key = serialization.load_pem_private_key(f.read(), password=PASSPHRASE.encode())
    write(out, "key_encrypted.pub.pem", enc_key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))

    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    write(out, "key_rsa1024.pem", small.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    eck = ec.generate_private_key(ec.SECP256R1())
    write(out, "key_ec.pem", eck.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))

    plaintexts = [
        b'{"version":"3.0","action":"ping"}',
        json.dumps({"version": "3.0", "action": "data_exchange", "screen": "SIGN_UP", "flow_token": "tok-1",
                    "data": {"first_name": "Zoë", "email": "z@example.test", "password": "abc12345", "confirm_password": "abc12345"}}).encode(),
        b"",
        os.urandom(1000),
    ]
    requests, responses = [], []
    for pt in plaintexts:
        aes_key, iv = os.urandom(16), os.urandom(16)
        requests.append({
            "aes_key": b64(aes_key), "iv": b64(iv), "plaintext": b64(pt),
            "body": {"encrypted_flow_data": b64(AESGCM(aes_key).encrypt(iv, pt, None)),
                     "encrypted_aes_key": b64(key.public_key().encrypt(aes_key, OAEP)),
                     "initial_vector": b64(iv)},
        })
        answer = b'{"screen":"LOGIN","data":{"email_initial_value":"z@example.test"}}' if pt else b""
        flipped = bytes(b ^ 0xFF for b in iv)
        responses.append({"aes_key": b64(aes_key), "request_iv": b64(iv), "plaintext": b64(answer),
                          "body": b64(AESGCM(aes_key).encrypt(flipped, answer, None))})

    media = []
    for size in (0, 15, 16, 5000):
        plain = os.urandom(size)
        enc_key, hmac_key, iv = os.urandom(32), os.urandom(32), os.urandom(16)
        padder = sympad.PKCS7(128).padder()
        padded = padder.update(plain) + padder.finalize()
        enc = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).encryptor()
        ct = enc.update(padded) + enc.finalize()
        mac10 = hmac.new(hmac_key, iv + ct, hashlib.sha256).digest()[:10]
        cdn_file = ct + mac10
        media.append({"file": b64(cdn_file), "plaintext": b64(plain), "metadata": {
            "encrypted_hash": b64(hashlib.sha256(cdn_file).digest()), "iv": b64(iv),
            "encryption_key": b64(enc_key), "hmac_key": b64(hmac_key),
            "plaintext_hash": b64(hashlib.sha256(plain).digest())}})

    body = b'{"object":"whatsapp_business_account"}'
    signature = {"app_secret": "kat-app-secret", "body": body.decode(),
                 "header": "sha256=" + hmac.new(b"kat-app-secret", body, hashlib.sha256).hexdigest()}
    vectors = {"passphrase": PASSPHRASE, "requests": requests, "responses": responses, "media": media, "signature": signature}
    write(out, "vectors.json", (json.dumps(vectors, indent=1) + "\n").encode())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "crates/waflow/tests/fixtures/crypto")
