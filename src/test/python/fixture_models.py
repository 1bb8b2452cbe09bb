# The PyTorch models behind the imported-model fixtures (make_fixtures.py) and the exporter's test.
import math

import torch
import torch.nn.functional as F
from torch import nn


class MlpVae(nn.Module):
    """784-400-20, ReLU, Bernoulli decoder returning logits: the VAE of Kingma & Welling (2014) on digits."""

    def __init__(self, pixels=784, hidden=400, latent=20):
        super().__init__()
        self.e1, self.mu, self.logvar = nn.Linear(pixels, hidden), nn.Linear(hidden, latent), nn.Linear(hidden, latent)
        self.d1, self.d2 = nn.Linear(latent, hidden), nn.Linear(hidden, pixels)

    def encode(self, x):
        h = F.relu(self.e1(x.flatten(1)))
        return self.mu(h), self.logvar(h)

    def decode(self, z):
        return self.d2(F.relu(self.d1(z)))


class FrozenBatchVae(MlpVae):
    """The pitfall: x.view(len(x), ...) freezes the batch size into the traced graph."""

    def encode(self, x):
        return super().encode(x.view(len(x), -1))


def time_embedding(t, dim):
    half = dim // 2
    f = torch.exp(-math.log(10000) * torch.arange(half, dtype=torch.float32) / half)
    a = t.float()[:, None] * f[None]
    return torch.cat([a.sin(), a.cos()], 1)


class Block(nn.Module):
    def __init__(self, ci, co, te, groups=4):
        super().__init__()
        self.n1, self.c1, self.t = nn.GroupNorm(groups, ci), nn.Conv2d(ci, co, 3, padding=1), nn.Linear(te, co)
        self.n2, self.c2 = nn.GroupNorm(groups, co), nn.Conv2d(co, co, 3, padding=1)
        self.skip = nn.Conv2d(ci, co, 1) if ci != co else nn.Identity()

    def forward(self, x, e):
        h = self.c1(F.silu(self.n1(x))) + self.t(e)[:, :, None, None]
        return self.c2(F.silu(self.n2(h))) + self.skip(x)


class TinyUNet(nn.Module):
    """side -> side/2 -> side, 16/32 channels, GroupNorm (exported as InstanceNormalization), SiLU, sinusoidal t."""

    def __init__(self, channels=1, side=28, width=16, float_time=False):
        super().__init__()
        te = 4 * width
        self.te = nn.Sequential(nn.Linear(width, te), nn.SiLU(), nn.Linear(te, te))
        self.width = width
        self.cin = nn.Conv2d(channels, width, 3, padding=1)
        self.down = Block(width, width, te)
        self.pool = nn.Conv2d(width, 2 * width, 3, stride=2, padding=1)
        self.mid = Block(2 * width, 2 * width, te)
        self.up = nn.Conv2d(2 * width, width, 3, padding=1)
        self.out_block = Block(2 * width, width, te)
        self.nout, self.cout = nn.GroupNorm(4, width), nn.Conv2d(width, channels, 3, padding=1)

    def forward(self, x, t):
        e = self.te(time_embedding(t, self.width))
        h1 = self.down(self.cin(x), e)
        h = self.mid(self.pool(h1), e)
        h = self.up(F.interpolate(h, scale_factor=2.0, mode="nearest"))
        h = self.out_block(torch.cat([h, h1], 1), e)
        return self.cout(F.silu(self.nout(h)))


def heldout_neg_elbo(vae, x, samples=100, seed=0):
    """Mean over the images of -ELBO = E_q[-log p(x|z)] + KL(q(z|x) || N(0, I)), nats per image summed over the 784
    pixels, Bernoulli likelihood on the grey levels in [0, 1]; E_q from `samples` draws of z per image (seeded)."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        mu, logvar = vae.encode(x)
        kl = 0.5 * (mu.pow(2) + logvar.exp() - 1 - logvar).sum(1)
        recon = torch.zeros(len(x), samples, dtype=torch.float64)
        for s in range(samples):
            z = mu + (0.5 * logvar).exp() * torch.randn(mu.shape, generator=generator)
            recon[:, s] = F.binary_cross_entropy_with_logits(vae.decode(z), x, reduction="none").sum(1).double()
    per_image = recon.mean(1)
    single_spread = (recon - per_image[:, None]).pow(2).mean().sqrt().item()
    return {"images": len(x), "samples_per_image": samples, "seed": seed,
            "heldout_neg_elbo_nats": round((per_image + kl.double()).mean().item(), 4),
            "heldout_recon_nats": round(per_image.mean().item(), 4),
            "heldout_kl_nats": round(kl.double().mean().item(), 4),
            "single_sample_standard_error_nats": round(single_spread / math.sqrt(len(x)), 4)}


def reference_block(ci, co):
    return Block(ci, co, 128, groups=8)


class ReferenceUNet(nn.Module):
    """The bundled digit U-Net's size: 28 -> 14 -> 7, 32/64/128 channels, one residual block per level, GroupNorm(8),
    SiLU, a sinusoidal t-embedding through an MLP, nearest upsampling; about 0.8 M weights. For bench onnx_unet16."""

    def __init__(self, c=(32, 64, 128)):
        super().__init__()
        self.te = nn.Sequential(nn.Linear(64, 128), nn.SiLU(), nn.Linear(128, 128))
        self.cin = nn.Conv2d(1, c[0], 3, padding=1)
        self.d1, self.ds1 = reference_block(c[0], c[0]), nn.Conv2d(c[0], c[1], 3, stride=2, padding=1)
        self.d2, self.ds2 = reference_block(c[1], c[1]), nn.Conv2d(c[1], c[2], 3, stride=2, padding=1)
        self.mid = reference_block(c[2], c[2])
        self.us2, self.u2 = nn.Conv2d(c[2], c[1], 3, padding=1), reference_block(2 * c[1], c[1])
        self.us1, self.u1 = nn.Conv2d(c[1], c[0], 3, padding=1), reference_block(2 * c[0], c[0])
        self.nout, self.cout = nn.GroupNorm(8, c[0]), nn.Conv2d(c[0], 1, 3, padding=1)

    def forward(self, x, t):
        e = self.te(time_embedding(t, 64))
        h1 = self.d1(self.cin(x), e)
        h2 = self.d2(self.ds1(h1), e)
        h = self.mid(self.ds2(h2), e)
        h = self.u2(torch.cat([self.us2(F.interpolate(h, scale_factor=2.0, mode="nearest")), h2], 1), e)
        h = self.u1(torch.cat([self.us1(F.interpolate(h, scale_factor=2.0, mode="nearest")), h1], 1), e)
        return self.cout(F.silu(self.nout(h)))
