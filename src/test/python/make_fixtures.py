#!/usr/bin/env python3
# Makes the imported-model test fixtures with tools/export_model.py (PyTorch 1.13, CPU, about two minutes):
#   vae-784-400-20.zip      a 784-400-20 MLP VAE trained on the bundled digits (Bernoulli, logits), with encoder
#   vae-784-400-20.reference.json   PyTorch's held-out -ELBO of it (see heldout_neg_elbo below)
#   vae-decoder-2-64-784.zip        the decoder alone (--kind vae-decoder) of a 784-64-2 MLP VAE, briefly trained
#   unet-tiny-28.zip        a small eps-prediction U-Net for 28x28 grey digits (int64 t from 0), briefly trained
#   unet-tiny-28.ddim10.json        a DDIM-10 chain (eta = 0, x0-hat clipped) PyTorch ran from a fixed x_T
#   unet-tiny-rgb32.zip     the same shape for 32x32 RGB (float t), untrained: the other image size
# With --reference it writes only models/unet-reference-32-64-128.zip, an untrained U-Net of the bundled one's size
# (not committed: 3 MB), which `bench onnx_unet16` times.
# Run from the repository: LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp python3 src/test/python/make_fixtures.py
import gzip
import json
import math
import os
import sys

import torch
import torch.nn.functional as F
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, "src/test/resources/org/diffusionlab/core/imported")
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_model  # noqa: E402
from fixture_models import TinyUNet, heldout_neg_elbo  # noqa: E402

HELD_OUT = 1000
T = 1000


def digits():
    with gzip.open(os.path.join(ROOT, "assets/mnist/mnist-10k-images-idx3-ubyte.gz")) as f:
        data = f.read()
    count = int.from_bytes(data[4:8], "big")
    return torch.frombuffer(bytearray(data[16:]), dtype=torch.uint8).reshape(count, 784).float() / 255


def train_vae(x, epochs=20, **sizes):
    from fixture_models import MlpVae
    torch.manual_seed(0)
    vae = MlpVae(**sizes)
    opt = torch.optim.Adam(vae.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for batch in x[torch.randperm(len(x))].split(128):
            mu, logvar = vae.encode(batch)
            z = mu + (0.5 * logvar).exp() * torch.randn_like(mu)
            recon = F.binary_cross_entropy_with_logits(vae.decode(z), batch, reduction="sum")
            kl = 0.5 * (mu.pow(2) + logvar.exp() - 1 - logvar).sum()
            opt.zero_grad()
            ((recon + kl) / len(batch)).backward()
            opt.step()
    return vae


def train_unet(x, steps=1000):
    torch.manual_seed(0)
    net = TinyUNet(1, 28)
    betas = torch.linspace(1e-4, 0.02, T, dtype=torch.float64)
    abar = torch.cumprod(1 - betas, 0).float()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    x = x.reshape(-1, 1, 28, 28) * 2 - 1
    for _ in range(steps):
        x0 = x[torch.randint(0, len(x), (64,))]
        t = torch.randint(0, T, (64,))
        eps = torch.randn_like(x0)
        a = abar[t][:, None, None, None]
        loss = F.mse_loss(net(a.sqrt() * x0 + (1 - a).sqrt() * eps, t), eps)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net


def ddim_chain(net, steps=10, samples=2):
    """The app's DDIM (core/diffusion/Sampler.Ddim, eta = 0) with x0-hat clipped to [-1, 1]; app step t is graph t - 1."""
    betas = [0.0] + [1e-4 + (0.02 - 1e-4) * (t - 1) / (T - 1) for t in range(1, T + 1)]
    abar = [1.0]
    for t in range(1, T + 1):
        abar.append(abar[-1] * (1 - betas[t]))
    ts = [round((steps - i) * T / steps) for i in range(steps)]
    x = torch.randn(samples, 1, 28, 28, generator=torch.Generator().manual_seed(7))
    start = x.clone()
    with torch.no_grad():
        for i, t in enumerate(ts):
            t_next = ts[i + 1] if i + 1 < len(ts) else 0
            eps = net(x, torch.full((samples,), t - 1, dtype=torch.long))
            x0 = ((x - eps * math.sqrt(1 - abar[t])) / math.sqrt(abar[t])).clamp(-1, 1)
            implied = (x - x0 * math.sqrt(abar[t])) / math.sqrt(1 - abar[t])
            x = x0 * math.sqrt(abar[t_next]) + implied * math.sqrt(max(0.0, 1 - abar[t_next]))
    return {"sampler": "ddim", "steps": steps, "eta": 0, "clipX0": True, "samples": samples,
            "start": export_model.numbers(start), "end": export_model.numbers(x)}


def export(argv):
    if export_model.main(argv) != 0:
        raise SystemExit("export failed: " + " ".join(argv))


def main():
    torch.set_num_threads(2)
    if "--reference" in sys.argv:
        torch.manual_seed(0)
        export(["--module", os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture_models.py"), "--class",
                "ReferenceUNet", "--kind", "eps-unet", "--image", "1x28x28", "--range=-1,1",
                "--out", os.path.join(ROOT, "models/unet-reference-32-64-128.zip")])
        return
    os.makedirs(OUT, exist_ok=True)
    x = digits()
    train, held = x[:-HELD_OUT], x[-HELD_OUT:]
    models = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixture_models.py")
    weights = os.path.join(OUT, "..", "vae.pt.tmp")

    if not os.path.exists(os.path.join(OUT, "vae-784-400-20.zip")):   # each fixture is made once; delete it to remake it
        make_vae(train, held, models, weights)
    if not os.path.exists(os.path.join(OUT, "vae-decoder-2-64-784.zip")):
        make_decoder(train, models, weights)
    if not os.path.exists(os.path.join(OUT, "unet-tiny-28.zip")):
        make_unet(train, models, weights)
    if not os.path.exists(os.path.join(OUT, "unet-tiny-rgb32.zip")):
        export(["--module", models, "--class", "TinyUNet", "--init-args", '{"channels": 3, "side": 32, "float_time": true}',
                "--kind", "eps-unet", "--image", "3x32x32", "--range=-1,1", "--time-type", "float32",
                "--out", os.path.join(OUT, "unet-tiny-rgb32.zip")])
    if os.path.exists(weights):
        os.remove(weights)


def make_vae(train, held, models, weights):
    vae = train_vae(train)
    torch.save(vae.state_dict(), weights)
    export(["--module", models, "--class", "MlpVae", "--weights", weights, "--kind", "vae", "--image", "1x28x28",
            "--range", "0,1", "--flat", "--latent", "20", "--out", os.path.join(OUT, "vae-784-400-20.zip")])
    reference = heldout_neg_elbo(vae, held)
    with open(os.path.join(OUT, "vae-784-400-20.reference.json"), "w") as f:
        json.dump(reference, f, indent=1)
    print("PyTorch held-out -ELBO:", reference)


def make_decoder(train, models, weights):
    """A decoder without its encoder: the Latent view's sliders, map and interpolation, and no draw-to-encode."""
    torch.save(train_vae(train, epochs=10, hidden=64, latent=2).state_dict(), weights)
    export(["--module", models, "--class", "MlpVae", "--init-args", '{"hidden": 64, "latent": 2}', "--weights", weights,
            "--kind", "vae-decoder", "--image", "1x28x28", "--range", "0,1", "--latent", "2",
            "--out", os.path.join(OUT, "vae-decoder-2-64-784.zip")])


def make_unet(train, models, weights):
    net = train_unet(train)
    torch.save(net.state_dict(), weights)
    export(["--module", models, "--class", "TinyUNet", "--init-args", '{"channels": 1, "side": 28}', "--weights", weights,
            "--kind", "eps-unet", "--image", "1x28x28", "--range=-1,1", "--out", os.path.join(OUT, "unet-tiny-28.zip")])
    with open(os.path.join(OUT, "unet-tiny-28.ddim10.json"), "w") as f:
        json.dump(ddim_chain(net), f)


if __name__ == "__main__":
    main()
