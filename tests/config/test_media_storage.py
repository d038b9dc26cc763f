"""MEDIA_STORAGE=s3: public media and private files on an S3-compatible server (moto's server).

The settings under test are the real ones, loaded in a fresh process with the S3 variables.
"""

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from tests.faults.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import django, json
django.setup()
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from shop.guarantee.models import ClaimPhoto
from shop.support.models import SupportAttachment
public_name = default_storage.save("products/claw.webp", ContentFile(b"public bytes"))
private_name = storages["private"].save("support/receipt.pdf", ContentFile(b"%PDF-1.4 secret"))
print(json.dumps({
    "public_url": default_storage.url(public_name),
    "private_url": storages["private"].url(private_name),
    "private_name": private_name,
    "model_storages": [
        model._meta.get_field(name).storage is storages["private"]
        for model, name in ((SupportAttachment, "file"), (ClaimPhoto, "image"))
    ],
}))
"""


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@pytest.fixture
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    ).create_bucket(Bucket="qlclaw-media")
    yield endpoint
    server.stop()


def test_public_media_is_public_and_private_files_need_a_signed_url(s3_server):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": "qlclaw-media",
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    urls = json.loads(result.stdout.strip().splitlines()[-1])

    assert "Signature" not in urls["public_url"]
    assert fetch(urls["public_url"]) == (200, b"public bytes")

    assert "X-Amz-Signature" in urls["private_url"]
    assert "X-Amz-Expires=300" in urls["private_url"]
    assert fetch(urls["private_url"]) == (200, b"%PDF-1.4 secret")
    unsigned = f"{s3_server}/qlclaw-media/private/{urls['private_name']}"
    assert fetch(unsigned)[0] == 403
    # Support attachments and claim photos are stored there, not on the web host's disk.
    assert urls["model_storages"] == [True, True]
