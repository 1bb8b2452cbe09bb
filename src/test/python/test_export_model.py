#!/usr/bin/env python3
# The exporter's own test (run by ExporterTest where PyTorch imports): exports a small VAE, a decoder alone and a
# U-Net into the folder given as argv[1], checks their sidecars, and checks that a model whose trace freezes the batch
# size is refused with exit code 2. The Java test then opens what this wrote through the app's own checks.
import json
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tools"))
import export_model  # noqa: E402

MODELS = os.path.join(HERE, "fixture_models.py")


def sidecar(path):
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("model.json")), sorted(z.namelist())


def main(out):
    small = '{"hidden": 16, "latent": 2}'
    vae = os.path.join(out, "small-vae.zip")
    assert export_model.main(["--module", MODELS, "--class", "MlpVae", "--init-args", small, "--kind", "vae", "--image", "1x28x28",
                              "--range", "0,1", "--flat", "--latent", "2", "--out", vae]) == 0
    meta, names = sidecar(vae)
    assert names == ["model.json", "small-vae.decoder.onnx", "small-vae.encoder.onnx"], names
    assert meta["kind"] == "vae" and meta["latent"] == 2 and meta["exported"]["opset"] == 17
    assert meta["graphs"]["encoder"]["inputs"]["x"] == ["batch", 784], meta["graphs"]["encoder"]
    assert meta["graphs"]["decoder"]["outputs"]["x_hat"] == ["batch", 784]
    assert len(meta["testVector"]["graphs"]["decoder"]["outputs"]["x_hat"]) == 3 * 784

    loose = os.path.join(out, "decoder-only.json")
    assert export_model.main(["--module", MODELS, "--class", "MlpVae", "--init-args", small, "--kind", "vae-decoder",
                              "--image", "1x28x28", "--range", "0,1", "--latent", "2", "--out", loose]) == 0
    assert os.path.exists(os.path.join(out, "decoder-only.onnx"))
    with open(loose) as f:
        meta = json.load(f)
    assert meta["kind"] == "vae-decoder" and list(meta["graphs"]) == ["decoder"], meta["graphs"]
    assert meta["parameters"] == 2 * 16 + 16 + 16 * 784 + 784, meta["parameters"]   # the decoder's alone, not the encoder's

    unet = os.path.join(out, "small-unet.zip")
    assert export_model.main(["--module", MODELS, "--class", "TinyUNet", "--init-args", '{"width": 8}', "--kind", "eps-unet",
                              "--image", "1x28x28", "--range=-1,1", "--schedule", "cosine", "--steps", "100",
                              "--out", unet]) == 0
    meta, _ = sidecar(unet)
    assert meta["schedule"] == {"kind": "cosine", "steps": 100} and meta["timestep"]["elementType"] == "int64"

    frozen = os.path.join(out, "frozen.zip")
    assert export_model.main(["--module", MODELS, "--class", "FrozenBatchVae", "--init-args", small, "--kind", "vae",
                              "--image", "1x28x28", "--range", "0,1", "--flat", "--latent", "2", "--out", frozen]) == 2
    assert not os.path.exists(frozen)
    print("exporter test: 4 exports checked")


if __name__ == "__main__":
    main(sys.argv[1])
