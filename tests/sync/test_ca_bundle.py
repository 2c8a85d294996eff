"""A municipal network with its own certificate authority: the CA bundle chosen in the settings
is what the sync transport verifies the server against, and nothing weaker."""

from __future__ import annotations

import ipaddress
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import certifi
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from est_desktop.sync.errors import Offline
from est_desktop.sync.transport import HttpTransport
from est_desktop.ui.settings_checks import ca_bundle_problem


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificate(subject, issuer, key, signer, *, ca: bool) -> x509.Certificate:
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ca:
        usage = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
        builder = builder.add_extension(usage, critical=True)
        builder = builder.add_extension(
            x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
        )
    else:
        loopback = x509.IPAddress(ipaddress.ip_address("127.0.0.1"))
        builder = builder.add_extension(x509.SubjectAlternativeName([loopback]), critical=False)
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()),
            critical=False,
        )
    return builder.sign(signer, hashes.SHA256())


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


@pytest.fixture
def municipal_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server whose certificate the municipality's own CA signed; (URL, CA file)."""
    ca_key, server_key = (
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP256R1()),
    )
    ca = _certificate(_name("Borås Stad CA"), _name("Borås Stad CA"), ca_key, ca_key, ca=True)
    server = _certificate(_name("127.0.0.1"), ca.subject, server_key, ca_key, ca=False)
    ca_file, chain_file, key_file = tmp_path / "ca.pem", tmp_path / "chain.pem", tmp_path / "k.pem"
    ca_file.write_bytes(_pem(ca))
    chain_file.write_bytes(_pem(server) + _pem(ca))
    key_file.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )

    class Health(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"status": "ok"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(chain_file, key_file)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{httpd.server_address[1]}", ca_file
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_the_settings_accept_the_municipal_ca_file(municipal_server):
    _url, ca_file = municipal_server
    assert ca_bundle_problem(str(ca_file)) == ""


def test_with_the_ca_bundle_the_server_is_trusted(municipal_server, monkeypatch):
    url, ca_file = municipal_server
    # A bundle for all programs in the environment must not override the one chosen for EST.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    monkeypatch.setenv("CURL_CA_BUNDLE", certifi.where())
    transport = HttpTransport(url, ca_bundle=str(ca_file), timeout=5)
    try:
        assert transport.health() == {"status": "ok"}
    finally:
        transport.close()


def test_without_it_the_server_is_refused_with_a_hint_to_the_setting(municipal_server):
    url, _ca_file = municipal_server
    transport = HttpTransport(url, timeout=5)
    try:
        with pytest.raises(Offline, match="CA-fil i inställningarna"):
            transport.health()
    finally:
        transport.close()
